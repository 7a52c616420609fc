import * as React from 'react';
import type { SignalListQuery, SignalSummaryDto } from '@weerbaar/shared';
import { useDashboard } from '../DashboardContext';

export interface SignalListState {
  readonly items: readonly SignalSummaryDto[];
  readonly loading: boolean;
  readonly error: Error | undefined;
  readonly hasMore: boolean;
  loadMore(): void;
  reload(): void;
  /** Puts a changed signal (after an action) in place, so the row shows its new status at once. */
  replaceItem(item: SignalSummaryDto): void;
}

/**
 * Loads the signals of a query page by page ("meer laden"). A newer query or reload makes the answers of
 * older requests stale: they are dropped, so a slow first page cannot overwrite the rows of a later filter.
 */
export function useSignalList(query: SignalListQuery): SignalListState {
  const { client } = useDashboard();
  const [items, setItems] = React.useState<readonly SignalSummaryDto[]>([]);
  const [nextCursor, setNextCursor] = React.useState<string | undefined>(undefined);
  const [loading, setLoading] = React.useState(true);
  const [error, setError] = React.useState<Error | undefined>(undefined);
  const [reloads, setReloads] = React.useState(0);
  const generation = React.useRef(0);
  // The query is compared by value, through its JSON, not by object identity: a new object with the same
  // filters must not fetch again. This copy changes only when the JSON does.
  const queryKey = JSON.stringify(query);
  const currentQuery = React.useMemo(() => JSON.parse(queryKey) as SignalListQuery, [queryKey]);

  const fetchPage = React.useCallback(
    (cursor: string | undefined, append: boolean): void => {
      const mine = ++generation.current;
      setLoading(true);
      setError(undefined);
      client.list({ ...currentQuery, cursor }).then(
        (page) => {
          if (mine !== generation.current) return;
          setItems((previous) => (append ? previous.concat(page.items) : page.items));
          setNextCursor(page.nextCursor);
          setLoading(false);
        },
        (reason: unknown) => {
          if (mine !== generation.current) return;
          setError(reason instanceof Error ? reason : new Error(String(reason)));
          setLoading(false);
        }
      );
    },
    [client, currentQuery]
  );

  React.useEffect(() => {
    fetchPage(undefined, false);
  }, [fetchPage, reloads]);

  const replaceItem = React.useCallback((item: SignalSummaryDto): void => {
    setItems((previous) => previous.map((existing) => (existing.id === item.id ? item : existing)));
  }, []);

  return {
    items,
    loading,
    error,
    hasMore: nextCursor !== undefined,
    loadMore: () => {
      if (nextCursor !== undefined && !loading) fetchPage(nextCursor, true);
    },
    reload: () => setReloads((n) => n + 1),
    replaceItem
  };
}
