import * as React from 'react';
import type { InsightsDto } from '@weerbaar/shared';
import { useDashboard } from '../DashboardContext';

export function useInsights(from: string | undefined, to: string | undefined): {
  insights: InsightsDto | undefined;
  error: Error | undefined;
} {
  const { client } = useDashboard();
  const [insights, setInsights] = React.useState<InsightsDto | undefined>(undefined);
  const [error, setError] = React.useState<Error | undefined>(undefined);
  React.useEffect(() => {
    let current = true;
    setError(undefined);
    client.insights({ from, to }).then(
      (loaded) => current && setInsights(loaded),
      (reason: unknown) => current && setError(reason instanceof Error ? reason : new Error(String(reason)))
    );
    return () => {
      current = false;
    };
  }, [client, from, to]);
  return { insights, error };
}
