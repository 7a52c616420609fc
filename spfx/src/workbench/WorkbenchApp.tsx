import * as React from 'react';
import { Field, FluentProvider, Link, MessageBar, MessageBarBody, Select, Spinner, Title1, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import dashboardStrings from 'workbench:dashboard-strings';
import { FetchSignalsClient } from '../services/FetchSignalsClient';
import { DashboardProvider, type DashboardServices } from '../webparts/signaaldashboard/components/DashboardContext';
import { format } from '../webparts/signaaldashboard/components/format';
import { Signaaldashboard } from '../webparts/signaaldashboard/components/Signaaldashboard';
import { fluentThemeForTeams } from '../webparts/signaaldashboard/theme/hostFluentTheme';
import { devLogin, fetchInstances, fetchPeople, instanceFor, type WorkbenchInstance, type WorkbenchPerson } from './hubApi';
import { IdentitySwitcher } from './IdentitySwitcher';
import { WORKBENCH_STRINGS, type WorkbenchLanguage, type WorkbenchTheme } from './workbenchStrings';

const THEMES: readonly WorkbenchTheme[] = ['sharepoint', 'teams', 'dark', 'contrast'];

const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  banner: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: '#8a1c1c',
    color: '#ffffff',
    fontWeight: tokens.fontWeightBold
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL
  },
  links: { display: 'flex', columnGap: tokens.spacingHorizontalM },
  main: { padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}` }
});

function fluentTheme(theme: WorkbenchTheme): ReturnType<typeof fluentThemeForTeams> {
  return theme === 'sharepoint' ? webLightTheme : fluentThemeForTeams(theme === 'teams' ? 'default' : theme);
}

type Session =
  | { state: 'none' }
  | { state: 'signing-in'; upn: string }
  | { state: 'failed'; upn: string; message: string }
  | { state: 'ready'; upn: string; services: DashboardServices };

export interface WorkbenchAppProps {
  readonly language: WorkbenchLanguage;
  readonly initialUpn: string | undefined;
  readonly initialTheme: WorkbenchTheme;
  /** Keeps ?as=, ?lang= and ?theme= in the address bar, so a view can be reloaded and shared. */
  readonly onStateChange: (state: { upn?: string; theme: WorkbenchTheme }) => void;
}

/**
 * The local workbench: the same dashboard components as the SharePoint web part, with the fetch client
 * against the chosen person's own instance, signed in through that instance's /dev/login.
 */
export function WorkbenchApp(props: WorkbenchAppProps): React.ReactElement {
  const styles = useStyles();
  const strings = WORKBENCH_STRINGS[props.language];
  const [people, setPeople] = React.useState<readonly WorkbenchPerson[]>([]);
  const [instances, setInstances] = React.useState<readonly WorkbenchInstance[]>([]);
  const [hubError, setHubError] = React.useState<string | undefined>(undefined);
  const [theme, setTheme] = React.useState<WorkbenchTheme>(props.initialTheme);
  const [session, setSession] = React.useState<Session>({ state: 'none' });

  const signIn = React.useCallback(
    (upn: string, knownPeople: readonly WorkbenchPerson[], knownInstances: readonly WorkbenchInstance[]): void => {
      const person = knownPeople.find((candidate) => candidate.upn.toLowerCase() === upn.toLowerCase());
      const instance = person ? instanceFor(knownInstances, person) : undefined;
      if (!person || !instance || instance.health !== 'ok') {
        setSession({ state: 'failed', upn, message: strings.noInstance });
        return;
      }
      setSession({ state: 'signing-in', upn: person.upn });
      devLogin(instance, person.upn).then(
        (token) => {
          const client = new FetchSignalsClient(instance.baseUrl, token, dashboardStrings[props.language].Locale);
          setSession({ state: 'ready', upn: person.upn, services: { client, strings: dashboardStrings[props.language] } });
        },
        (reason: unknown) => setSession({ state: 'failed', upn: person.upn, message: format(strings.signInFailed, String(reason)) })
      );
    },
    [props.language, strings]
  );

  React.useEffect(() => {
    Promise.all([fetchPeople(), fetchInstances()]).then(
      ([loadedPeople, loadedInstances]) => {
        setPeople(loadedPeople);
        setInstances(loadedInstances);
        if (props.initialUpn) signIn(props.initialUpn, loadedPeople, loadedInstances);
      },
      (reason: unknown) => setHubError(format(strings.loadFailed, String(reason)))
    );
  }, []);

  const selectedUpn = session.state === 'none' ? undefined : session.upn;
  const otherLanguage: WorkbenchLanguage = props.language === 'nl' ? 'en' : 'nl';
  const otherLanguageHref = `?lang=${otherLanguage}${selectedUpn ? `&as=${encodeURIComponent(selectedUpn)}` : ''}&theme=${theme}`;

  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.page}>
      <header>
        <p className={styles.banner} role="note">
          {strings.banner}
        </p>
        <div className={styles.header}>
          <Title1 as="h1">{strings.title}</Title1>
          <IdentitySwitcher
            people={people}
            instances={instances}
            selectedUpn={selectedUpn}
            language={props.language}
            strings={strings}
            onSelect={(upn) => {
              props.onStateChange({ upn, theme });
              signIn(upn, people, instances);
            }}
          />
          <Field label={strings.theme}>
            <Select
              value={theme}
              onChange={(_e, data) => {
                const next = THEMES.find((candidate) => candidate === data.value) ?? 'sharepoint';
                setTheme(next);
                props.onStateChange({ upn: selectedUpn, theme: next });
              }}
            >
              {THEMES.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {strings.themes[candidate]}
                </option>
              ))}
            </Select>
          </Field>
          <nav className={styles.links} aria-label={strings.title}>
            <Link href="/">{strings.home}</Link>
            <Link href={`?lang=${props.language}&part=basisoporde`}>Basis op orde</Link>
            <Link href={`?lang=${props.language}&part=afdelingsagenda${selectedUpn ? `&as=${encodeURIComponent(selectedUpn)}` : ''}`}>
              {props.language === 'nl' ? 'Afdelingsagenda' : 'Department agenda'}
            </Link>
            <Link href={otherLanguageHref} lang={otherLanguage}>
              {strings.language}
            </Link>
          </nav>
        </div>
      </header>
      <main className={styles.main}>
        {hubError && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{hubError}</MessageBarBody>
          </MessageBar>
        )}
        {session.state === 'none' && !hubError && <p>{strings.pickSomeone}</p>}
        {session.state === 'signing-in' && <Spinner label={strings.signingIn} />}
        {session.state === 'failed' && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{session.message}</MessageBarBody>
          </MessageBar>
        )}
        {session.state === 'ready' && (
          <DashboardProvider value={session.services}>
            <Signaaldashboard key={session.upn} />
          </DashboardProvider>
        )}
      </main>
    </FluentProvider>
  );
}
