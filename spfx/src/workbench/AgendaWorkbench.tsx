import * as React from 'react';
import { FluentProvider, Link, MessageBar, MessageBarBody, Spinner, Title1, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import agendaStrings from 'workbench:afdelingsagenda-strings';
import { FetchTransport } from '../services/ApiTransport';
import { HttpAgendaClient } from '../services/AgendaClients';
import { HttpOrganisationClient } from '../services/OrganisationClients';
import { Afdelingsagenda } from '../webparts/afdelingsagenda/components';
import { devLogin, fetchInstances, fetchPeople, instanceFor, type WorkbenchInstance, type WorkbenchPerson } from './hubApi';
import { IdentitySwitcher } from './IdentitySwitcher';
import { WORKBENCH_STRINGS, type WorkbenchLanguage } from './workbenchStrings';

export const AGENDA_PART = 'afdelingsagenda';

const FRAME = {
  nl: { title: 'Werkbank: Afdelingsagenda', pick: 'Kies hierboven een persoon om de afdelingen te zien zoals die persoon ze ziet.', dashboard: 'Signaaldashboard' },
  en: { title: 'Workbench: Department agenda', pick: 'Choose a person above to see the departments as they see them.', dashboard: 'Signal dashboard' }
} as const;

const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  banner: { margin: 0, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, backgroundColor: '#8a1c1c', color: '#ffffff', fontWeight: tokens.fontWeightBold },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL },
  nav: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  main: { padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}` }
});

type Session =
  | { state: 'none' }
  | { state: 'signing-in'; upn: string }
  | { state: 'failed'; upn: string; message: string }
  | { state: 'ready'; upn: string; client: HttpAgendaClient; organisation: HttpOrganisationClient };

export interface AgendaWorkbenchProps {
  readonly language: WorkbenchLanguage;
  readonly initialUpn: string | undefined;
}

/** `?part=afdelingsagenda`: the Afdelingsagenda web part's components with the fetch client, as a chosen person. */
export function AgendaWorkbench(props: AgendaWorkbenchProps): React.ReactElement {
  const styles = useStyles();
  const frame = FRAME[props.language];
  const common = WORKBENCH_STRINGS[props.language];
  const strings = agendaStrings[props.language];
  const [people, setPeople] = React.useState<readonly WorkbenchPerson[]>([]);
  const [instances, setInstances] = React.useState<readonly WorkbenchInstance[]>([]);
  const [session, setSession] = React.useState<Session>({ state: 'none' });

  const signIn = (upn: string, knownPeople: readonly WorkbenchPerson[], knownInstances: readonly WorkbenchInstance[]): void => {
    const person = knownPeople.find((candidate) => candidate.upn.toLowerCase() === upn.toLowerCase());
    const instance = person ? instanceFor(knownInstances, person) : undefined;
    if (!person || !instance || instance.health !== 'ok') {
      setSession({ state: 'failed', upn, message: common.noInstance });
      return;
    }
    setSession({ state: 'signing-in', upn: person.upn });
    devLogin(instance, person.upn).then(
      (token) => {
        const transport = new FetchTransport(instance.baseUrl, token);
        setSession({
          state: 'ready',
          upn: person.upn,
          client: new HttpAgendaClient(transport, strings.Locale),
          organisation: new HttpOrganisationClient(transport, strings.Locale)
        });
      },
      (reason: unknown) => setSession({ state: 'failed', upn: person.upn, message: String(reason) })
    );
    const next = new URLSearchParams({ lang: props.language, part: AGENDA_PART, as: person.upn });
    window.history.replaceState(null, '', '?' + next.toString());
  };

  React.useEffect(() => {
    Promise.all([fetchPeople(), fetchInstances()]).then(
      ([loadedPeople, loadedInstances]) => {
        setPeople(loadedPeople);
        setInstances(loadedInstances);
        if (props.initialUpn) signIn(props.initialUpn, loadedPeople, loadedInstances);
      },
      (reason: unknown) => setSession({ state: 'failed', upn: '', message: String(reason) })
    );
  }, []);

  const selectedUpn = session.state === 'none' ? undefined : session.upn;
  const other: WorkbenchLanguage = props.language === 'nl' ? 'en' : 'nl';
  return (
    <FluentProvider theme={webLightTheme} className={styles.page}>
      <header>
        <p className={styles.banner} role="note">
          {common.banner}
        </p>
        <div className={styles.header}>
          <Title1 as="h1">{frame.title}</Title1>
          <IdentitySwitcher
            people={people}
            instances={instances}
            selectedUpn={selectedUpn}
            language={props.language}
            strings={common}
            onSelect={(upn) => signIn(upn, people, instances)}
          />
          <nav className={styles.nav} aria-label={frame.title}>
            <Link href={`?lang=${props.language}`}>{frame.dashboard}</Link>
            <Link href={`?lang=${other}&part=${AGENDA_PART}${selectedUpn ? `&as=${encodeURIComponent(selectedUpn)}` : ''}`} lang={other}>
              {common.language}
            </Link>
          </nav>
        </div>
      </header>
      <main className={styles.main}>
        {session.state === 'none' && <p>{frame.pick}</p>}
        {session.state === 'signing-in' && <Spinner label={common.signingIn} />}
        {session.state === 'failed' && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{session.message}</MessageBarBody>
          </MessageBar>
        )}
        {session.state === 'ready' && <Afdelingsagenda key={session.upn} client={session.client} organisation={session.organisation} strings={strings} />}
      </main>
    </FluentProvider>
  );
}
