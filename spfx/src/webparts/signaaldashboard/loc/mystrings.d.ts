/**
 * The dashboard's user-facing text. `{0}`, `{1}` are filled in by `format()`. Records keyed by a domain
 * id (status, category, ...) have one entry per id of shared/, so a new id fails the type-check here.
 */
declare interface ISignaaldashboardWebPartStrings {
  /** BCP 47 tag of this file's language; drives date and number formatting. */
  Locale: string;
  DashboardHeading: string;
  PropertyPaneDescription: string;
  ApiBaseUrlLabel: string;
  ApiAppIdUriLabel: string;
  ApiNotConfigured: string;

  Loading: string;
  LoadFailed: string;
  Retry: string;
  EmptyStateTitle: string;
  EmptyStateDescription: string;
  LoadMore: string;
  ShownCount: string;

  SavedViewsLabel: string;
  SavedViews: { all: string; new: string; awaitingAcknowledgement: string; feedbackOverdue: string };
  FiltersLabel: string;
  FilterStatus: string;
  FilterCategory: string;
  FilterFrom: string;
  FilterTo: string;
  FilterOverdue: string;
  AnyOption: string;
  OverdueOptions: { acknowledgement: string; feedback: string };
  ClearFilters: string;

  ListCaption: string;
  ColumnReference: string;
  ColumnReceivedAt: string;
  ColumnCategory: string;
  ColumnStatus: string;
  ColumnConfidentiality: string;
  ColumnDeadlines: string;
  OpenSignal: string;
  AcknowledgeBy: string;
  FeedbackBy: string;
  OverdueAcknowledgement: string;
  OverdueFeedback: string;

  Statuses: Record<import('@weerbaar/shared').SignalStatus, string>;
  Categories: Record<import('@weerbaar/shared').CategoryId, string>;
  Confidentiality: Record<import('@weerbaar/shared').Confidentiality, string>;
  Outcomes: Record<import('@weerbaar/shared').CloseOutcome, string>;
  ForwardTargets: Record<import('@weerbaar/shared').ForwardTarget, string>;
  Transitions: Record<import('@weerbaar/shared').WorkflowAction, string>;

  DownloadCsv: string;
  DownloadFailed: string;

  ShowInsights: string;
  HideInsights: string;
  InsightsHeading: string;
  InsightsLoading: string;
  InsightsFailed: string;
  InsightsTotal: string;
  InsightsMedianAcknowledge: string;
  InsightsHours: string;
  InsightsNotAvailable: string;
  InsightsOpenLongerThan7Days: string;
  InsightsFeedbackOverdue: string;
  ChartByCategory: string;
  ChartByMonth: string;
  ChartByStatus: string;
  ChartByDepartment: string;
  ChartCount: string;
  ChartAsTable: string;
  SuppressedDepartments: string;
  NoDepartments: string;

  DetailLoading: string;
  DetailFailed: string;
  CloseDetail: string;
  SectionContent: string;
  SectionFacts: string;
  SectionTimeline: string;
  SectionActions: string;
  FieldDescription: string;
  FieldLocation: string;
  FieldOccurredOn: string;
  FieldPeriod: string;
  FieldInvolved: string;
  FieldNoticedHow: string;
  FieldReporter: string;
  FieldDepartment: string;
  FieldLegalBasis: string;
  FieldRetentionUntil: string;
  FieldAssignedTo: string;
  FieldOutcome: string;
  FieldAcknowledgedAt: string;
  ConcernsMtContact: string;
  ReporterHidden: { anonymous: string; confidential: string; 'not-allowed': string };
  NotSet: string;

  TimelineEmpty: string;
  TimelineBy: string;
  TimelineKinds: Record<import('@weerbaar/shared').TimelineEntryKind, string>;
  TimelineStatusTo: string;
  TimelineForward: string;
  TimelineRetention: string;
  EnrichmentTypes: { bag: string; kvk: string; internal: string; external: string };

  Actions: Record<import('@weerbaar/shared').SignalActionType, string>;
  NoActions: string;
  Submit: string;
  Cancel: string;
  FieldNote: string;
  FieldMessage: string;
  MessageHint: string;
  FieldAssignee: string;
  FieldTransition: string;
  FieldEnrichType: string;
  FieldBagId: string;
  FieldKvkNumber: string;
  FieldSystem: string;
  FieldOrganisation: string;
  FieldReference: string;
  FieldForwardTo: string;
  FieldForwardName: string;
  FieldForwardedOn: string;
  FieldForwardLegalBasis: string;
  FieldCloseOutcome: string;
  FieldRetentionDate: string;
  FieldReason: string;
  Required: string;
  InvalidBag: string;
  InvalidKvk: string;
  InvalidEmail: string;
  ActionDone: string;
  ConflictMessage: string;
  Reload: string;
}

declare module 'SignaaldashboardWebPartStrings' {
  const strings: ISignaaldashboardWebPartStrings;
  export = strings;
}
