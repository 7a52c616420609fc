import * as React from 'react';
import { Field, FluentProvider, Link, MessageBar, MessageBarBody, Select, Spinner, Title1, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { ROLE_LABELS, isRoleId } from '@weerbaar/shared';
import partsStrings from 'workbench:basisoporde-strings';
import { FetchTransport } from '../services/ApiTransport';
import { LocalChecklistService } from '../services/LocalChecklistService';
import { HubRoundsClient, InstanceRoundsClient } from '../services/RoundsClients';
import { Checklist } from '../webparts/basisoporde/components/Checklist';
import { Metingen } from '../webparts/basisoporde/components/Metingen';
import { PartsProvider } from '../webparts/basisoporde/components/PartsContext';
import { TwenteOverzicht } from '../webparts/basisoporde/components/TwenteOverzicht';
import { devLogin, fetchInstances, fetchPeople, instanceFor, type WorkbenchInstance, type WorkbenchPerson } from './hubApi';
import type { WorkbenchLanguage } from './workbenchStrings';

export const WORKBENCH_PARTS = ['basisoporde', 'metingen', 'twenteoverzicht'] as const;
export type WorkbenchPart = (typeof WORKBENCH_PARTS)[number];

export function isWorkbenchPart(value: string | null): value is WorkbenchPart {
  return WORKBENCH_PARTS.some((part) => part === value);
}

const FRAME = {
  nl: {
    banner: 'LOKALE ONTWIKKELOMGEVING: fictieve gegevens, geen Microsoft 365',
    title: 'Werkbank: basis op orde',
    parts: { basisoporde: 'Basis op orde', metingen: 'Metingen', twenteoverzicht: 'Twente-overzicht' },
    dashboard: 'Signaaldashboard',
    identity: 'Aangemeld als',
    choose: 'Kies een persoon…',
    district: 'District Twente (hub)',
    pick: 'Kies hierboven een persoon om het webonderdeel te zien zoals die persoon het ziet.',
    signingIn: 'Aanmelden…',
    failed: 'Aanmelden lukte niet.',
    needsMunicipality: 'Dit webonderdeel hoort bij een gemeente: kies een medewerker van een gemeente.',
    needsDistrict: 'Het Twente-overzicht staat op de districtshub: kies een districtelijke rol (bijvoorbeeld een DVO-lid).',
    language: 'English'
  },
  en: {
    banner: 'LOCAL DEVELOPMENT ENVIRONMENT: fictional data, no Microsoft 365',
    title: 'Workbench: basis op orde',
    parts: { basisoporde: 'Basis op orde', metingen: 'Measurement rounds', twenteoverzicht: 'Twente overview' },
    dashboard: 'Signal dashboard',
    identity: 'Signed in as',
    choose: 'Choose a person…',
    district: 'District of Twente (hub)',
    pick: 'Choose a person above to see the web part as they see it.',
    signingIn: 'Signing in…',
    failed: 'Signing in failed.',
    needsMunicipality: 'This web part belongs to a municipality: choose someone who works for one.',
    needsDistrict: 'The Twente overview lives at the district hub: choose a district role (a DVO member, say).',
    language: 'Nederlands'
  }
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
  | { state: 'failed'; upn: string }
  | { state: 'ready'; person: WorkbenchPerson; transport: FetchTransport; instance: WorkbenchInstance | undefined };

export interface PartsWorkbenchProps {
  readonly language: WorkbenchLanguage;
  readonly part: WorkbenchPart;
  readonly initialUpn: string | undefined;
}

/** The basis-op-orde web parts with the local API: the instance for municipal people, the hub for district people. */
export function PartsWorkbench(props: PartsWorkbenchProps): React.ReactElement {
  const styles = useStyles();
  const frame = FRAME[props.language];
  const strings = partsStrings[props.language];
  const [people, setPeople] = React.useState<readonly WorkbenchPerson[]>([]);
  const [instances, setInstances] = React.useState<readonly WorkbenchInstance[]>([]);
  const [session, setSession] = React.useState<Session>({ state: 'none' });

  const signIn = (upn: string, knownPeople: readonly WorkbenchPerson[], knownInstances: readonly WorkbenchInstance[]): void => {
    const person = knownPeople.find((p) => p.upn.toLowerCase() === upn.toLowerCase());
    if (!person) return setSession({ state: 'failed', upn });
    const instance = person.municipalityCode === null ? undefined : instanceFor(knownInstances, person);
    setSession({ state: 'signing-in', upn: person.upn });
    // District people sign in at the hub itself (this page's origin); the others at their instance.
    const login = instance ? devLogin(instance, person.upn) : hubLogin(person.upn);
    login.then(
      (token) => setSession({ state: 'ready', person, instance, transport: new FetchTransport(instance ? instance.baseUrl : window.location.origin, token) }),
      () => setSession({ state: 'failed', upn: person.upn })
    );
    const next = new URLSearchParams({ lang: props.language, part: props.part, as: person.upn });
    window.history.replaceState(null, '', '?' + next.toString());
  };

  React.useEffect(() => {
    Promise.all([fetchPeople(), fetchInstances()]).then(([loadedPeople, loadedInstances]) => {
      setPeople(loadedPeople);
      setInstances(loadedInstances);
      if (props.initialUpn) signIn(props.initialUpn, loadedPeople, loadedInstances);
    }, () => setSession({ state: 'failed', upn: '' }));
  }, []);

  const selectedUpn = session.state === 'none' ? '' : session.state === 'ready' ? session.person.upn : session.upn;
  const query = (part: WorkbenchPart, lang: WorkbenchLanguage = props.language) => `?lang=${lang}&part=${part}${selectedUpn ? `&as=${encodeURIComponent(selectedUpn)}` : ''}`;
  const groups = [
    { label: frame.district, people: people.filter((p) => p.municipalityCode === null) },
    ...instances.filter((i) => i.health === 'ok').flatMap((i) => i.municipalities.map((m) => ({ label: `${m.name} (${m.code})`, people: people.filter((p) => p.municipalityCode === m.code) })))
  ].filter((group) => group.people.length > 0);
  const roleText = (roles: readonly string[]) => roles.filter((r) => r !== 'employee' || roles.length === 1).map((r) => (isRoleId(r) ? ROLE_LABELS[r][props.language] : r)).join(', ');

  return (
    <FluentProvider theme={webLightTheme} className={styles.page}>
      <header>
        <p className={styles.banner} role="note">
          {frame.banner}
        </p>
        <div className={styles.header}>
          <Title1 as="h1">{frame.title}</Title1>
          <Field label={frame.identity}>
            <Select value={selectedUpn} onChange={(_e, data) => data.value && signIn(data.value, people, instances)}>
              <option value="" disabled>
                {frame.choose}
              </option>
              {groups.map((group) => (
                <optgroup key={group.label} label={group.label}>
                  {group.people.map((p) => (
                    <option key={p.upn} value={p.upn}>{`${p.displayName}: ${roleText(p.roles)}`}</option>
                  ))}
                </optgroup>
              ))}
            </Select>
          </Field>
          <nav className={styles.nav} aria-label={frame.title}>
            {WORKBENCH_PARTS.map((part) => (
              <Link key={part} href={query(part)} aria-current={part === props.part ? 'page' : undefined}>
                {frame.parts[part]}
              </Link>
            ))}
            <Link href={`?lang=${props.language}`}>{frame.dashboard}</Link>
            <Link href={query(props.part, props.language === 'nl' ? 'en' : 'nl')} lang={props.language === 'nl' ? 'en' : 'nl'}>
              {frame.language}
            </Link>
          </nav>
        </div>
      </header>
      <main className={styles.main}>
        {session.state === 'none' && <p>{frame.pick}</p>}
        {session.state === 'signing-in' && <Spinner label={frame.signingIn} />}
        {session.state === 'failed' && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{frame.failed}</MessageBarBody>
          </MessageBar>
        )}
        {session.state === 'ready' && (
          <PartsProvider value={{ strings, language: props.language }}>
            <PartView key={session.person.upn} part={props.part} session={session} frame={frame} locale={strings.Locale} />
          </PartsProvider>
        )}
      </main>
    </FluentProvider>
  );
}

/** A district person's token from the hub's own /dev/login (this page's origin). */
async function hubLogin(upn: string): Promise<string> {
  const response = await fetch('/dev/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ upn }), credentials: 'omit' });
  if (!response.ok) throw new Error(`POST /dev/login: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

function PartView(props: {
  part: WorkbenchPart;
  session: Extract<Session, { state: 'ready' }>;
  frame: (typeof FRAME)[WorkbenchLanguage];
  locale: string;
}): React.ReactElement {
  const { part, session, frame, locale } = props;
  const municipal = session.instance !== undefined;
  const clients = React.useMemo(
    () => ({
      checklist: new LocalChecklistService(session.transport, locale),
      instanceRounds: new InstanceRoundsClient(session.transport, locale),
      hubRounds: new HubRoundsClient(session.transport, locale)
    }),
    [session.transport, locale]
  );
  const notice = (text: string) => (
    <MessageBar intent="info">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
  if (part === 'basisoporde') return municipal ? <Checklist client={clients.checklist} /> : notice(frame.needsMunicipality);
  if (part === 'twenteoverzicht') return municipal ? notice(frame.needsDistrict) : <TwenteOverzicht client={clients.hubRounds} />;
  const name = session.instance?.municipalities.find((m) => m.code === session.person.municipalityCode)?.name;
  return <Metingen client={municipal ? clients.instanceRounds : clients.hubRounds} municipalityName={name} />;
}
