define([], function () {
  return {
    DashboardHeading: 'Signal dashboard',
    EmptyStateTitle: 'No signals loaded yet',
    EmptyStateDescription: 'Signals of ondermijning (organised crime undermining government) appear here once the dashboard has fetched them from the signal list.'
  };
});
