/**
 * The text of the basis-op-orde web parts (Basis op orde, Metingen, Twente-overzicht). `{0}`, `{1}`
 * are filled in by `format()`. Requirement, theme, status and round-type names come from the shared
 * catalogue in both languages, so they are not repeated here.
 */
declare interface IBasisOpOrdeStrings {
  /** BCP 47 tag of this file's language; drives dates and the catalogue's language. */
  Locale: string;
  PropertyPaneDescription: string;
  MunicipalityCodeLabel: string;
  ApiBaseUrlLabel: string;
  ApiAppIdUriLabel: string;
  HubBaseUrlLabel: string;
  HubAppIdUriLabel: string;
  SourceLabel: string;
  SourceInstance: string;
  SourceHub: string;
  NotConfigured: string;
  Loading: string;
  LoadFailed: string;
  Retry: string;
  Yes: string;
  No: string;

  ChecklistHeading: string;
  ChecklistIntro: string;
  ReadOnlyNote: string;
  ThemeProgress: string;
  ThemeProgressLabel: string;
  ColumnRequirement: string;
  ColumnStatus: string;
  ColumnDescription: string;
  ColumnOpen: string;
  ColumnOwner: string;
  DerivedBadge: string;
  OverriddenBadge: string;
  OpenRequirement: string;
  EditRequirement: string;

  DetailHeading: string;
  StatusLabel: string;
  ExplanationLabel: string;
  OwnerLabel: string;
  DerivedFrom: string;
  DerivedStatus: string;
  OverrideLabel: string;
  OverrideReasonLabel: string;
  EvidenceHeading: string;
  EvidenceTitle: string;
  EvidenceUrl: string;
  EvidenceEmpty: string;
  AddEvidence: string;
  RemoveEvidence: string;
  ActionsHeading: string;
  ActionWhat: string;
  ActionWho: string;
  ActionDue: string;
  ActionDone: string;
  ActionsEmpty: string;
  AddAction: string;
  RemoveAction: string;
  Save: string;
  Close: string;
  Saving: string;
  Saved: string;
  Conflict: string;
  HistoryHeading: string;
  HistoryShow: string;
  HistoryEmpty: string;
  HistoryEntry: string;
  HistoryChange: string;
  EmptyValue: string;
  FieldNames: { status: string; explanation: string; evidence: string; owner: string; actions: string; derivedOverride: string; overrideReason: string };

  RoundsHeading: string;
  RoundsIntroMunicipality: string;
  RoundsIntroDistrict: string;
  NoRounds: string;
  ColumnRound: string;
  ColumnType: string;
  ColumnPeriod: string;
  ColumnState: string;
  ColumnSubmission: string;
  ColumnMunicipality: string;
  StateOpen: string;
  StateClosed: string;
  SubmittedOn: string;
  NotSubmitted: string;
  SummaryCounts: string;
  SubmitFromChecklist: string;
  SubmitDone: string;
  DownloadReport: string;
  ShowResults: string;
  ResultsHeading: string;
  SubmissionsCount: string;
  CloseRound: string;
  CloseConfirm: string;
  CloseDone: string;
  Cancel: string;
  OpenRoundHeading: string;
  RoundType: string;
  RoundTitle: string;
  PeriodStart: string;
  PeriodEnd: string;
  OpenRound: string;
  OpenDone: string;
  CompareHeading: string;
  CompareA: string;
  CompareB: string;
  Compare: string;
  CompareCaption: string;
  Changes: { beter: string; gelijk: string; slechter: string; onbekend: string };

  OutcomeHeading: string;
  OutcomeIntro: string;
  OutcomeRound: string;
  NoClosedRounds: string;
  BasisOpOrdeYes: string;
  BasisOpOrdeNo: string;
  ColumnBand: string;
  ColumnMet: string;

  /** The learning module Twente-wide (Twente-overzicht): count bands of municipalities only. */
  LearningOutcomeHeading: string;
  LearningOutcomeIntro: string;
  LearningReporting: string;
  ColumnLearningThreshold: string;
  ColumnLearningMunicipalities: string;
  LearningThreshold: string;
  /** The learning module per municipality (Metingen at the hub): district coordinator and specialist only. */
  LearningBandsHeading: string;
  LearningBandsIntro: string;
  ColumnLearningBand: string;
  ColumnAsOf: string;
  LearningBands: { 'minder-dan-25': string; '25-tot-50': string; '50-tot-75': string; '75-of-meer': string };
  LearningRecordingOff: string;
  LearningNotReported: string;
  LearningTooSmall: string;
  LearningStale: string;
}

declare module 'BasisOpOrdeWebPartStrings' {
  const strings: IBasisOpOrdeStrings;
  export = strings;
}
