declare interface ISignaaldashboardWebPartStrings {
  /** Heading above the dashboard. */
  DashboardHeading: string;
  /** Title of the empty state shown while no signals have been loaded. */
  EmptyStateTitle: string;
  /** Explanation under the empty-state title. */
  EmptyStateDescription: string;
}

declare module 'SignaaldashboardWebPartStrings' {
  const strings: ISignaaldashboardWebPartStrings;
  export = strings;
}
