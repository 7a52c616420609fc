import * as React from 'react';
import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  OverlayDrawer,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import type { SignalActionRequest, SignalDetailDto } from '@weerbaar/shared';
import { useDashboard } from '../DashboardContext';
import { format } from '../format';
import { SignalActions } from '../SignalActions';
import { SignalTimeline } from '../SignalTimeline';
import { SignalContentView, SignalFacts } from './SignalFacts';
import { useSignalDetail } from './useSignalDetail';

export interface SignalDetailDrawerProps {
  readonly signalId: string;
  readonly onClose: () => void;
  /** Called with every newer version of the signal, so the list row follows. */
  readonly onChanged: (detail: SignalDetailDto) => void;
}

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalXXL },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  concern: { fontWeight: tokens.fontWeightSemibold }
});

type Notice = { kind: 'done'; text: string } | { kind: 'conflict' } | { kind: 'failed'; text: string };

/**
 * The side panel of one signal: what was reported, its facts, its timeline and the actions the caller
 * may take. Loaded on demand (a separate chunk), so the list view stays light.
 */
export default function SignalDetailDrawer(props: SignalDetailDrawerProps): React.ReactElement {
  const { strings } = useDashboard();
  const styles = useStyles();
  const state = useSignalDetail(props.signalId, props.onChanged);
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | undefined>(undefined);
  const detail = state.detail;

  const act = async (request: SignalActionRequest): Promise<boolean> => {
    setBusy(true);
    setNotice(undefined);
    const outcome = await state.act(request);
    setBusy(false);
    if (outcome.kind === 'done') setNotice({ kind: 'done', text: format(strings.ActionDone, strings.Actions[request.type]) });
    else if (outcome.kind === 'conflict') setNotice({ kind: 'conflict' });
    else setNotice({ kind: 'failed', text: outcome.message });
    return outcome.kind === 'done';
  };

  const reload = (): void => {
    setNotice(undefined);
    state.reload();
  };

  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_event, data) => (data.open ? undefined : props.onClose())}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={<Button appearance="subtle" aria-label={strings.CloseDetail} icon={<Dismiss24Regular />} onClick={props.onClose} />}
        >
          {detail ? detail.reference : strings.DetailLoading}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        <div role="status" aria-live="polite">
          {notice?.kind === 'done' && (
            <MessageBar intent="success">
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {notice?.kind === 'conflict' && (
          <MessageBar intent="warning" role="alert">
            <MessageBarBody>{strings.ConflictMessage}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={reload}>{strings.Reload}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {notice?.kind === 'failed' && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
        {state.loading && !detail && <Spinner label={strings.DetailLoading} />}
        {state.error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{format(strings.DetailFailed, state.error.message)}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={reload}>{strings.Retry}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {detail && (
          <>
            {detail.concernsMtContact && <p className={styles.concern}>{strings.ConcernsMtContact}</p>}
            <section className={styles.section} aria-labelledby="signal-detail-content">
              <Subtitle2 as="h3" id="signal-detail-content">
                {strings.SectionContent}
              </Subtitle2>
              <SignalContentView detail={detail} />
            </section>
            <section className={styles.section} aria-labelledby="signal-detail-actions">
              <Subtitle2 as="h3" id="signal-detail-actions">
                {strings.SectionActions}
              </Subtitle2>
              <SignalActions detail={detail} busy={busy} onAct={act} />
            </section>
            <section className={styles.section} aria-labelledby="signal-detail-facts">
              <Subtitle2 as="h3" id="signal-detail-facts">
                {strings.SectionFacts}
              </Subtitle2>
              <SignalFacts detail={detail} />
            </section>
            <section className={styles.section} aria-labelledby="signal-detail-timeline">
              <Subtitle2 as="h3" id="signal-detail-timeline">
                {strings.SectionTimeline}
              </Subtitle2>
              <SignalTimeline entries={detail.timeline} />
            </section>
          </>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
