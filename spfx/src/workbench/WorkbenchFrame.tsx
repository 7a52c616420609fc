import * as React from 'react';
import { FluentProvider, Link, MessageBar, MessageBarBody, Spinner, Title1, makeStyles, tokens, webLightTheme, type Theme } from '@fluentui/react-components';
import { IdentitySwitcher } from './IdentitySwitcher';
import type { ReadySession, WorkbenchSessionState } from './useWorkbenchSession';
import { WORKBENCH_STRINGS, type WorkbenchLanguage } from './workbenchStrings';

const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  banner: { margin: 0, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, backgroundColor: '#8a1c1c', color: '#ffffff', fontWeight: tokens.fontWeightBold },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL },
  nav: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  main: { padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}` }
});

/** The `&as=` part of a workbench link, so following it keeps the person signed in. */
export function asParam(upn: string | undefined): string {
  return upn ? `&as=${encodeURIComponent(upn)}` : '';
}

export interface WorkbenchFrameProps<Services> {
  readonly language: WorkbenchLanguage;
  readonly workbench: WorkbenchSessionState<Services>;
  readonly title: string;
  /** Shown before anyone is chosen. */
  readonly pick: string;
  /** The same page in the given language. */
  readonly languageHref: (language: WorkbenchLanguage) => string;
  /** Links to the other workbench pages, before the language switch. */
  readonly links: React.ReactNode;
  /** What the web part shows once the person is signed in. */
  readonly ready: (session: ReadySession<Services>) => React.ReactNode;
  readonly theme?: Theme;
  /** Header controls after the identity switcher (the dashboard's theme choice). */
  readonly controls?: React.ReactNode;
  /** Defaults to signing in; the dashboard also remembers the choice in the address bar. */
  readonly onSelect?: (upn: string) => void;
  /** Also lists the people without a municipality, under this label (parts served by the hub). */
  readonly districtLabel?: string;
}

/**
 * The page around a web part in the local workbench: the development banner, the title, whom to sign in
 * as, the navigation with the language switch, and the sign-in state until the part can show.
 */
export function WorkbenchFrame<Services>(props: WorkbenchFrameProps<Services>): React.ReactElement {
  const styles = useStyles();
  const strings = WORKBENCH_STRINGS[props.language];
  const { session } = props.workbench;
  const otherLanguage: WorkbenchLanguage = props.language === 'nl' ? 'en' : 'nl';
  return (
    <FluentProvider theme={props.theme ?? webLightTheme} className={styles.page}>
      <header>
        <p className={styles.banner} role="note">
          {strings.banner}
        </p>
        <div className={styles.header}>
          <Title1 as="h1">{props.title}</Title1>
          <IdentitySwitcher
            people={props.workbench.people}
            instances={props.workbench.instances}
            selectedUpn={props.workbench.selectedUpn}
            language={props.language}
            strings={strings}
            districtLabel={props.districtLabel}
            onSelect={props.onSelect ?? props.workbench.signIn}
          />
          {props.controls}
          <nav className={styles.nav} aria-label={props.title}>
            {props.links}
            <Link href={props.languageHref(otherLanguage)} lang={otherLanguage}>
              {strings.language}
            </Link>
          </nav>
        </div>
      </header>
      <main className={styles.main}>
        {session.state === 'none' && <p>{props.pick}</p>}
        {session.state === 'signing-in' && <Spinner label={strings.signingIn} />}
        {session.state === 'failed' && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{session.message}</MessageBarBody>
          </MessageBar>
        )}
        {session.state === 'ready' && props.ready(session)}
      </main>
    </FluentProvider>
  );
}
