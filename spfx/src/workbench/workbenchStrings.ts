/** Text of the workbench frame itself (the dashboard inside brings its own loc strings). */
export const WORKBENCH_STRINGS = {
  nl: {
    banner: 'LOKALE ONTWIKKELOMGEVING: fictieve gegevens, geen Microsoft 365',
    title: 'Werkbank: Signaaldashboard',
    identity: 'Aangemeld als',
    chooseIdentity: 'Kies een persoon…',
    theme: 'Thema',
    themes: { sharepoint: 'SharePoint (licht)', teams: 'Teams (licht)', dark: 'Teams (donker)', contrast: 'Teams (hoog contrast)' },
    language: 'English',
    home: 'Startpagina',
    dashboard: 'Signaaldashboard',
    signingIn: 'Aanmelden…',
    signInFailed: 'Aanmelden lukte niet: {0}',
    noInstance: 'De instantie van deze persoon draait niet.',
    pickSomeone: 'Kies hierboven een persoon om het dashboard te zien zoals die persoon het ziet.',
    loadFailed: 'De werkbank kon de hub niet bereiken: {0}'
  },
  en: {
    banner: 'LOCAL DEVELOPMENT ENVIRONMENT: fictional data, no Microsoft 365',
    title: 'Workbench: Signal dashboard',
    identity: 'Signed in as',
    chooseIdentity: 'Choose a person…',
    theme: 'Theme',
    themes: { sharepoint: 'SharePoint (light)', teams: 'Teams (light)', dark: 'Teams (dark)', contrast: 'Teams (high contrast)' },
    language: 'Nederlands',
    home: 'Home page',
    dashboard: 'Signal dashboard',
    signingIn: 'Signing in…',
    signInFailed: 'Signing in failed: {0}',
    noInstance: "This person's instance is not running.",
    pickSomeone: 'Choose a person above to see the dashboard as they see it.',
    loadFailed: 'The workbench could not reach the hub: {0}'
  }
} as const;

export type WorkbenchLanguage = keyof typeof WORKBENCH_STRINGS;
export type WorkbenchStrings = (typeof WORKBENCH_STRINGS)[WorkbenchLanguage];
export type WorkbenchTheme = keyof WorkbenchStrings['themes'];
