import * as React from 'react';
import agendaStrings from 'workbench:afdelingsagenda-strings';
import { FetchTransport } from '../services/ApiTransport';
import { HttpAgendaClient } from '../services/AgendaClients';
import { HttpOrganisationClient } from '../services/OrganisationClients';
import { Afdelingsagenda } from '../webparts/afdelingsagenda/components';
import { InstancePartWorkbench, type WorkbenchPageProps } from './InstancePartWorkbench';

export const AGENDA_PART = 'afdelingsagenda';

const FRAME = {
  nl: { title: 'Werkbank: Afdelingsagenda', pick: 'Kies hierboven een persoon om de afdelingen te zien zoals die persoon ze ziet.' },
  en: { title: 'Workbench: Department agenda', pick: 'Choose a person above to see the departments as they see them.' }
} as const;

interface AgendaServices {
  readonly client: HttpAgendaClient;
  readonly organisation: HttpOrganisationClient;
}

/** `?part=afdelingsagenda`: the Afdelingsagenda web part's components with the fetch client, as a chosen person. */
export function AgendaWorkbench(props: WorkbenchPageProps): React.ReactElement {
  const strings = agendaStrings[props.language];
  const connect = (baseUrl: string, token: string): AgendaServices => {
    const transport = new FetchTransport(baseUrl, token);
    return { client: new HttpAgendaClient(transport, strings.Locale), organisation: new HttpOrganisationClient(transport, strings.Locale) };
  };
  return (
    <InstancePartWorkbench
      {...props}
      {...FRAME[props.language]}
      part={AGENDA_PART}
      connect={connect}
      ready={({ upn, services }) => <Afdelingsagenda key={upn} client={services.client} organisation={services.organisation} strings={strings} />}
    />
  );
}
