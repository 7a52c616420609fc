import * as React from 'react';
import { Badge, Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from '@fluentui/react-components';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from '@weerbaar/shared';
import { format } from '../../signaaldashboard/components/format';
import { useParts } from './PartsContext';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; value: T };

/**
 * Loads when `load` changes and on `reload()`; the message of a failure is the API's translated text.
 * Callers wrap `load` in React.useCallback with what it reads, so it changes only when that does.
 */
export function useLoad<T>(load: () => Promise<T>): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = React.useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = React.useState(0);
  React.useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    load().then(
      (value) => current && setLoaded({ state: 'ready', value }),
      (reason: unknown) => current && setLoaded({ state: 'failed', message: messageOf(reason) })
    );
    return () => {
      current = false;
    };
  }, [generation, load]);
  return [loaded, () => setGeneration((g) => g + 1)];
}

export function messageOf(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

/** Spinner or error (with a retry) while `loaded` is not ready; the content once it is. */
export function LoadedView<T>(props: { loaded: Loaded<T>; reload: () => void; children: (value: T) => React.ReactNode }): React.ReactElement {
  const { strings } = useParts();
  if (props.loaded.state === 'loading') return <Spinner label={strings.Loading} />;
  if (props.loaded.state === 'failed') {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{format(strings.LoadFailed, props.loaded.message)}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={props.reload}>{strings.Retry}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return <>{props.children(props.loaded.value)}</>;
}

const STATUS_COLOURS: Record<AssessmentStatus, 'success' | 'warning' | 'danger' | 'informative'> = {
  voldaan: 'success',
  deels: 'warning',
  'niet-voldaan': 'danger',
  onbekend: 'informative'
};

export function StatusBadge(props: { status: AssessmentStatus }): React.ReactElement {
  const { language } = useParts();
  return (
    <Badge appearance="tint" color={STATUS_COLOURS[props.status]}>
      {ASSESSMENT_STATUS_LABELS[props.status][language]}
    </Badge>
  );
}

/** A polite live message (saved, submitted) or an alert (failed). */
// eslint-disable-next-line @rushstack/no-new-null -- React's contract: a component renders nothing by returning null
export function Notice(props: { notice: { intent: 'success' | 'error'; text: string } | undefined }): React.ReactElement | null {
  if (!props.notice) return null;
  return (
    <MessageBar intent={props.notice.intent} role={props.notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{props.notice.text}</MessageBarBody>
    </MessageBar>
  );
}

/** Saves a report (HTML with its own print stylesheet) as a file the browser opens and prints. */
export function downloadHtml(html: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
