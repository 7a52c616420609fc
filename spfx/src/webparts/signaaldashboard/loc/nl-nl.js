define([], function () {
  return {
    DashboardHeading: 'Signaaldashboard',
    EmptyStateTitle: 'Nog geen signalen geladen',
    EmptyStateDescription: 'Hier verschijnen de signalen van ondermijning zodra het dashboard ze uit de signaallijst heeft opgehaald.'
  };
});
