/**
 * The Bewustwording view's user-facing text. `{0}`, `{1}` are filled in by `format()`. Bands have one
 * entry per band id of shared/, so a new band fails the type-check here.
 */
declare interface IBewustwordingWebPartStrings {
  /** BCP 47 tag of this file's language; drives date and number formatting. */
  Locale: string;
  Heading: string;
  Intro: string;
  PropertyPaneDescription: string;
  ApiBaseUrlLabel: string;
  ApiAppIdUriLabel: string;
  ApiNotConfigured: string;
  Loading: string;
  LoadFailed: string;
  Retry: string;
  NotAllowed: string;
  RecordingOff: string;
  NoDepartments: string;
  DepartmentsCaption: string;
  ColumnDepartment: string;
  ColumnCompleted: string;
  ColumnPercentage: string;
  ColumnTrend: string;
  CompletedOf: string;
  Suppressed: string;
  NoMembers: string;
  TrendLabel: string;
  TrendTable: string;
  TrendMonth: string;
  PeopleHeading: string;
  ColumnName: string;
  ColumnCompletedOn: string;
  NotCompleted: string;
  BandsHeading: string;
  BandsIntro: string;
  ColumnMunicipality: string;
  ColumnBand: string;
  BandUnknown: string;
  Bands: { 'minder-dan-25': string; '25-tot-50': string; '50-tot-75': string; '75-of-meer': string };
}

declare module 'BewustwordingWebPartStrings' {
  const strings: IBewustwordingWebPartStrings;
  export = strings;
}
