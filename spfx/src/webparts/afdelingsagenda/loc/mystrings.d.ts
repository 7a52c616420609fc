/**
 * The Afdelingsagenda web part's user-facing text. `{0}`, `{1}` are filled in by `format()`. States have
 * one entry per agenda cycle state of shared/, so a new state fails the type-check here.
 */
declare interface IAfdelingsagendaWebPartStrings {
  /** BCP 47 tag of this file's language; drives date formatting. */
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
  NoDepartments: string;
  Summary: string;
  TableCaption: string;
  ColumnDepartment: string;
  ColumnHead: string;
  ColumnLastDiscussion: string;
  ColumnDueDate: string;
  ColumnState: string;
  ColumnNudges: string;
  ColumnAction: string;
  Never: string;
  PlannedOn: string;
  NoHead: string;
  States: { 'op-tijd': string; binnenkort: string; 'te-laat': string };
  Register: string;
  RegisterFor: string;
  RegisterTitle: string;
  KindLabel: string;
  KindDiscussed: string;
  KindPlanned: string;
  DateLabel: string;
  DateHintDiscussed: string;
  DateHintPlanned: string;
  NotesLabel: string;
  NotesHint: string;
  AttendeesLabel: string;
  Save: string;
  Saving: string;
  Cancel: string;
  Saved: string;
  AlreadySaved: string;
  SaveFailed: string;
  /** "Afdelingen beheren": only for the app admin. */
  AdminHeading: string;
  AdminAddHeading: string;
  AdminName: string;
  AdminHeadUpn: string;
  AdminDeputyUpn: string;
  AdminAdd: string;
  AdminHeadOf: string;
  AdminDeputyOf: string;
  AdminSaveFor: string;
  AdminRemove: string;
  AdminRemoveFor: string;
  AdminRemoveConfirm: string;
  AdminConflict: string;
  AdminReload: string;
  AdminFailed: string;
}

declare module 'AfdelingsagendaWebPartStrings' {
  const strings: IAfdelingsagendaWebPartStrings;
  export = strings;
}
