import * as React from 'react';
import bewustwordingStrings from 'workbench:bewustwording-strings';
import { FetchTransport } from '../services/ApiTransport';
import { HttpLearningClient } from '../services/LearningClients';
import { Bewustwording } from '../webparts/bewustwording/components';
import { InstancePartWorkbench, type WorkbenchPageProps } from './InstancePartWorkbench';

export const BEWUSTWORDING_PART = 'bewustwording';

const FRAME = {
  nl: { title: 'Werkbank: Bewustwording', pick: 'Kies hierboven een persoon om de cijfers te zien zoals die persoon ze ziet.' },
  en: { title: 'Workbench: Awareness', pick: 'Choose a person above to see the figures as they see them.' }
} as const;

/** `?part=bewustwording`: the Bewustwording web part's components with the fetch client, as a chosen person. */
export function BewustwordingWorkbench(props: WorkbenchPageProps): React.ReactElement {
  const strings = bewustwordingStrings[props.language];
  return (
    <InstancePartWorkbench
      {...props}
      {...FRAME[props.language]}
      part={BEWUSTWORDING_PART}
      connect={(baseUrl, token) => new HttpLearningClient(new FetchTransport(baseUrl, token), strings.Locale)}
      ready={({ upn, services }) => <Bewustwording key={upn} client={services} strings={strings} />}
    />
  );
}
