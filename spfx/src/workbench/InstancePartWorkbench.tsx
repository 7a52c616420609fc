import * as React from 'react';
import { Link } from '@fluentui/react-components';
import { ownInstance, useWorkbenchSession, type ReadySession } from './useWorkbenchSession';
import { WorkbenchFrame, asParam } from './WorkbenchFrame';
import { WORKBENCH_STRINGS, type WorkbenchLanguage } from './workbenchStrings';

/** What main.tsx gives every workbench page: the page's language and whom to sign in as first (`?as=`). */
export interface WorkbenchPageProps {
  readonly language: WorkbenchLanguage;
  readonly initialUpn: string | undefined;
}

export interface InstancePartWorkbenchProps<Services> extends WorkbenchPageProps {
  /** The page's `?part=`, kept in the address bar and in the language switch. */
  readonly part: string;
  readonly title: string;
  /** Shown before anyone is chosen. */
  readonly pick: string;
  /** The web part's clients against the person's instance. */
  readonly connect: (baseUrl: string, token: string) => Services;
  readonly ready: (session: ReadySession<Services>) => React.ReactNode;
}

/**
 * A page for one web part that lives at a municipality's instance (`?part=afdelingsagenda`,
 * `?part=bewustwording`): the chosen person signs in at their own instance, with a link back to the dashboard.
 */
export function InstancePartWorkbench<Services>(props: InstancePartWorkbenchProps<Services>): React.ReactElement {
  const workbench = useWorkbenchSession({
    language: props.language,
    initialUpn: props.initialUpn,
    part: props.part,
    signInAt: ownInstance,
    connect: props.connect
  });
  return (
    <WorkbenchFrame
      language={props.language}
      workbench={workbench}
      title={props.title}
      pick={props.pick}
      languageHref={(language) => `?lang=${language}&part=${props.part}${asParam(workbench.selectedUpn)}`}
      links={<Link href={`?lang=${props.language}`}>{WORKBENCH_STRINGS[props.language].dashboard}</Link>}
      ready={props.ready}
    />
  );
}
