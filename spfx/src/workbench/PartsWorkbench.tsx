import * as React from 'react';
import { Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import partsStrings from 'workbench:basisoporde-strings';
import { FetchTransport } from '../services/ApiTransport';
import { LocalChecklistService } from '../services/LocalChecklistService';
import { HubRoundsClient, InstanceRoundsClient } from '../services/RoundsClients';
import { Checklist } from '../webparts/basisoporde/components/Checklist';
import { Metingen } from '../webparts/basisoporde/components/Metingen';
import { PartsProvider } from '../webparts/basisoporde/components/PartsContext';
import { TwenteOverzicht } from '../webparts/basisoporde/components/TwenteOverzicht';
import type { WorkbenchPageProps } from './InstancePartWorkbench';
import { instanceOrHub, useWorkbenchSession, type ReadySession } from './useWorkbenchSession';
import { WorkbenchFrame, asParam } from './WorkbenchFrame';
import { WORKBENCH_STRINGS, type WorkbenchLanguage } from './workbenchStrings';

export const WORKBENCH_PARTS = ['basisoporde', 'metingen', 'twenteoverzicht'] as const;
export type WorkbenchPart = (typeof WORKBENCH_PARTS)[number];

export function isWorkbenchPart(value: unknown): value is WorkbenchPart {
  return WORKBENCH_PARTS.some((part) => part === value);
}

// The banner, identity, language and dashboard-link texts come from WORKBENCH_STRINGS, as on the other workbench pages.
const FRAME = {
  nl: {
    title: 'Werkbank: basis op orde',
    parts: { basisoporde: 'Basis op orde', metingen: 'Metingen', twenteoverzicht: 'Twente-overzicht' },
    district: 'District Twente (hub)',
    pick: 'Kies hierboven een persoon om het webonderdeel te zien zoals die persoon het ziet.',
    failed: 'Aanmelden lukte niet.',
    needsMunicipality: 'Dit webonderdeel hoort bij een gemeente: kies een medewerker van een gemeente.',
    needsDistrict: 'Het Twente-overzicht staat op de districtshub: kies een districtelijke rol (bijvoorbeeld een DVO-lid).'
  },
  en: {
    title: 'Workbench: basis op orde',
    parts: { basisoporde: 'Basis op orde', metingen: 'Measurement rounds', twenteoverzicht: 'Twente overview' },
    district: 'District of Twente (hub)',
    pick: 'Choose a person above to see the web part as they see it.',
    failed: 'Signing in failed.',
    needsMunicipality: 'This web part belongs to a municipality: choose someone who works for one.',
    needsDistrict: 'The Twente overview lives at the district hub: choose a district role (a DVO member, say).'
  }
} as const;

export interface PartsWorkbenchProps extends WorkbenchPageProps {
  readonly part: WorkbenchPart;
}

/** The basis-op-orde web parts with the local API: the instance for municipal people, the hub for district people. */
export function PartsWorkbench(props: PartsWorkbenchProps): React.ReactElement {
  const frame = FRAME[props.language];
  const strings = partsStrings[props.language];
  const failed = (): string => frame.failed;
  const workbench = useWorkbenchSession({
    language: props.language,
    initialUpn: props.initialUpn,
    part: props.part,
    signInAt: instanceOrHub,
    connect: (baseUrl, token) => new FetchTransport(baseUrl, token),
    messages: { unavailable: frame.failed, signInFailed: failed, loadFailed: failed }
  });
  const query = (part: WorkbenchPart, lang: WorkbenchLanguage = props.language): string => `?lang=${lang}&part=${part}${asParam(workbench.selectedUpn)}`;
  return (
    <WorkbenchFrame
      language={props.language}
      workbench={workbench}
      title={frame.title}
      pick={frame.pick}
      districtLabel={frame.district}
      languageHref={(language) => query(props.part, language)}
      links={
        <>
          {WORKBENCH_PARTS.map((part) => (
            <Link key={part} href={query(part)} aria-current={part === props.part ? 'page' : undefined}>
              {frame.parts[part]}
            </Link>
          ))}
          <Link href={`?lang=${props.language}`}>{WORKBENCH_STRINGS[props.language].dashboard}</Link>
        </>
      }
      ready={(session) => (
        <PartsProvider value={{ strings, language: props.language }}>
          <PartView key={session.upn} part={props.part} session={session} frame={frame} locale={strings.Locale} />
        </PartsProvider>
      )}
    />
  );
}

function PartView(props: {
  part: WorkbenchPart;
  session: ReadySession<FetchTransport>;
  frame: (typeof FRAME)[WorkbenchLanguage];
  locale: string;
}): React.ReactElement {
  const { part, session, frame, locale } = props;
  const municipal = session.instance !== undefined;
  const clients = React.useMemo(
    () => ({
      checklist: new LocalChecklistService(session.services, locale),
      instanceRounds: new InstanceRoundsClient(session.services, locale),
      hubRounds: new HubRoundsClient(session.services, locale)
    }),
    [session.services, locale]
  );
  const notice = (text: string): React.ReactElement => (
    <MessageBar intent="info">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
  if (part === 'basisoporde') return municipal ? <Checklist client={clients.checklist} /> : notice(frame.needsMunicipality);
  if (part === 'twenteoverzicht') return municipal ? notice(frame.needsDistrict) : <TwenteOverzicht client={clients.hubRounds} />;
  const name = session.instance?.municipalities.find((m) => m.code === session.person.municipalityCode)?.name;
  return <Metingen client={municipal ? clients.instanceRounds : clients.hubRounds} municipalityName={name} />;
}
