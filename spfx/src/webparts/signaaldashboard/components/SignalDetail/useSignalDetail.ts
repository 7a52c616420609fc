import * as React from 'react';
import type { SignalActionRequest, SignalDetailDto } from '@weerbaar/shared';
import { SignalsApiError } from '../../../../services/SignalsApiError';
import { useDashboard } from '../DashboardContext';

export type ActionOutcome = { kind: 'done' } | { kind: 'conflict' } | { kind: 'failed'; message: string };

export interface SignalDetailState {
  readonly detail: SignalDetailDto | undefined;
  readonly loading: boolean;
  readonly error: Error | undefined;
  reload(): void;
  /** Sends an action with the etag of the loaded version; 412 comes back as a conflict, not an error. */
  act(request: SignalActionRequest): Promise<ActionOutcome>;
}

export function useSignalDetail(id: string, onChanged: (detail: SignalDetailDto) => void): SignalDetailState {
  const { client } = useDashboard();
  const [detail, setDetail] = React.useState<SignalDetailDto | undefined>(undefined);
  const [loading, setLoading] = React.useState(true);
  const [error, setError] = React.useState<Error | undefined>(undefined);
  const [reloads, setReloads] = React.useState(0);
  // onChanged only forwards a result to the list: a new function identity must not reload the signal,
  // so the load reads the newest one through a ref instead of depending on it.
  const onChangedRef = React.useRef(onChanged);
  React.useEffect(() => {
    onChangedRef.current = onChanged;
  }, [onChanged]);

  React.useEffect(() => {
    let current = true;
    setLoading(true);
    setError(undefined);
    client.get(id).then(
      (loaded) => {
        if (!current) return;
        setDetail(loaded);
        setLoading(false);
        onChangedRef.current(loaded);
      },
      (reason: unknown) => {
        if (!current) return;
        setError(reason instanceof Error ? reason : new Error(String(reason)));
        setLoading(false);
      }
    );
    return () => {
      current = false;
    };
  }, [client, id, reloads]);

  const act = async (request: SignalActionRequest): Promise<ActionOutcome> => {
    if (!detail) return { kind: 'failed', message: 'not loaded' };
    try {
      const changed = await client.act(detail.id, detail.etag, request);
      setDetail(changed);
      onChanged(changed);
      return { kind: 'done' };
    } catch (reason: unknown) {
      if (reason instanceof SignalsApiError && reason.isConflict) return { kind: 'conflict' };
      return { kind: 'failed', message: reason instanceof Error ? reason.message : String(reason) };
    }
  };

  return { detail, loading, error, reload: () => setReloads((n) => n + 1), act };
}
