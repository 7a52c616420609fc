import * as React from 'react';
import { Field, Link, Select, webLightTheme } from '@fluentui/react-components';
import dashboardStrings from 'workbench:dashboard-strings';
import { FetchSignalsClient } from '../services/FetchSignalsClient';
import { DashboardProvider, type DashboardServices } from '../webparts/signaaldashboard/components/DashboardContext';
import { format } from '../webparts/signaaldashboard/components/format';
import { Signaaldashboard } from '../webparts/signaaldashboard/components/Signaaldashboard';
import { fluentThemeForTeams } from '../webparts/signaaldashboard/theme/hostFluentTheme';
import { AGENDA_PART } from './AgendaWorkbench';
import { ownInstance, useWorkbenchSession } from './useWorkbenchSession';
import { WorkbenchFrame, asParam } from './WorkbenchFrame';
import { WORKBENCH_STRINGS, type WorkbenchLanguage, type WorkbenchTheme } from './workbenchStrings';

const THEMES: readonly WorkbenchTheme[] = ['sharepoint', 'teams', 'dark', 'contrast'];

function fluentTheme(theme: WorkbenchTheme): ReturnType<typeof fluentThemeForTeams> {
  return theme === 'sharepoint' ? webLightTheme : fluentThemeForTeams(theme === 'teams' ? 'default' : theme);
}

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
  const strings = WORKBENCH_STRINGS[props.language];
  const [theme, setTheme] = React.useState<WorkbenchTheme>(props.initialTheme);
  const workbench = useWorkbenchSession({
    language: props.language,
    initialUpn: props.initialUpn,
    signInAt: ownInstance,
    connect: (baseUrl, token): DashboardServices => ({
      client: new FetchSignalsClient(baseUrl, token, dashboardStrings[props.language].Locale),
      strings: dashboardStrings[props.language]
    }),
    messages: {
      signInFailed: (reason) => format(strings.signInFailed, String(reason)),
      loadFailed: (reason) => format(strings.loadFailed, String(reason))
    }
  });
  const selectedUpn = workbench.selectedUpn;

  return (
    <WorkbenchFrame
      language={props.language}
      workbench={workbench}
      title={strings.title}
      pick={strings.pickSomeone}
      theme={fluentTheme(theme)}
      onSelect={(upn) => {
        props.onStateChange({ upn, theme });
        workbench.signIn(upn);
      }}
      controls={
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
      }
      languageHref={(language) => `?lang=${language}${asParam(selectedUpn)}&theme=${theme}`}
      links={
        <>
          <Link href="/">{strings.home}</Link>
          <Link href={`?lang=${props.language}&part=basisoporde`}>Basis op orde</Link>
          <Link href={`?lang=${props.language}&part=${AGENDA_PART}${asParam(selectedUpn)}`}>{props.language === 'nl' ? 'Afdelingsagenda' : 'Department agenda'}</Link>
        </>
      }
      ready={(session) => (
        <DashboardProvider value={session.services}>
          <Signaaldashboard key={session.upn} />
        </DashboardProvider>
      )}
    />
  );
}
