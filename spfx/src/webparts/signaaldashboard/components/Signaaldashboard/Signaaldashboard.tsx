import * as React from 'react';
import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle1, Title2 } from '@fluentui/react-components';
import type { SignalDetailDto } from '@weerbaar/shared';
import { CsvDownloadButton } from '../CsvDownload';
import { useDashboard } from '../DashboardContext';
import { format } from '../format';
import { SavedViews } from '../SavedViews';
import { SignalFilters, activeSavedView, listQueryOf, savedViewFilters, type SignalFilterState } from '../SignalFilters';
import { SignalList, useSignalList } from '../SignalList';
import { useDashboardStyles } from './Signaaldashboard.styles';

// Chunks of their own: the first view (list and filters) does not carry the drawer, forms or charts.
const SignalDetailDrawer = React.lazy(() => import(/* webpackChunkName: 'signal-detail' */ '../SignalDetail/SignalDetailDrawer'));
const InsightsPanel = React.lazy(() => import(/* webpackChunkName: 'signal-insights' */ '../Insights/InsightsPanel'));

export interface SignaaldashboardProps {
  /** Initial saved view; "wacht op ontvangstbevestiging" is where an MT contact starts the day. */
  readonly initialView?: 'all' | 'new' | 'awaitingAcknowledgement' | 'feedbackOverdue';
}

/**
 * The MT contact's and coordinator's signal dashboard: saved views, filters, the list, CSV export,
 * management information on request and a detail panel per signal. Data comes only through the
 * SignalsClient of the DashboardProvider, so the same component runs in SharePoint, Teams and the
 * local workbench.
 */
export function Signaaldashboard(props: SignaaldashboardProps): React.ReactElement {
  const { strings } = useDashboard();
  const styles = useDashboardStyles();
  const [filters, setFilters] = React.useState<SignalFilterState>(() => savedViewFilters(props.initialView ?? 'all', new Date()));
  const [selectedId, setSelectedId] = React.useState<string | undefined>(undefined);
  const [showInsights, setShowInsights] = React.useState(false);
  const [downloadError, setDownloadError] = React.useState<string | undefined>(undefined);
  const query = React.useMemo(() => listQueryOf(filters), [filters]);
  const list = useSignalList(query);
  const { replaceItem } = list;
  const onChanged = React.useCallback((detail: SignalDetailDto) => replaceItem(detail), [replaceItem]);

  return (
    <section className={styles.root} aria-labelledby="signaaldashboard-heading">
      <div className={styles.header}>
        <Title2 as="h2" id="signaaldashboard-heading">
          {strings.DashboardHeading}
        </Title2>
        <div className={styles.toolbar}>
          <CsvDownloadButton query={query} onError={setDownloadError} />
          <Button aria-expanded={showInsights} onClick={() => setShowInsights(!showInsights)}>
            {showInsights ? strings.HideInsights : strings.ShowInsights}
          </Button>
        </div>
      </div>
      {downloadError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{downloadError}</MessageBarBody>
        </MessageBar>
      )}
      {showInsights && (
        <section className={styles.insights} aria-labelledby="signaaldashboard-insights">
          <Subtitle1 as="h3" id="signaaldashboard-insights">
            {strings.InsightsHeading}
          </Subtitle1>
          <React.Suspense fallback={<Spinner label={strings.InsightsLoading} />}>
            <InsightsPanel from={filters.from} to={filters.to} />
          </React.Suspense>
        </section>
      )}
      <SavedViews active={activeSavedView(filters, new Date())} onSelect={(view) => setFilters(savedViewFilters(view, new Date()))} />
      <SignalFilters filters={filters} onChange={setFilters} />
      {list.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{format(strings.LoadFailed, list.error.message)}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={list.reload}>{strings.Retry}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {list.items.length > 0 && <SignalList items={list.items} selectedId={selectedId} onOpen={setSelectedId} />}
      {!list.loading && !list.error && list.items.length === 0 && (
        <div className={styles.emptyState}>
          <Subtitle1 as="h3">{strings.EmptyStateTitle}</Subtitle1>
          <Body1>{strings.EmptyStateDescription}</Body1>
        </div>
      )}
      <div className={styles.footer}>
        <span role="status">{list.loading ? strings.Loading : format(strings.ShownCount, list.items.length)}</span>
        {list.hasMore && (
          <Button onClick={list.loadMore} disabled={list.loading}>
            {strings.LoadMore}
          </Button>
        )}
      </div>
      {selectedId !== undefined && (
        <React.Suspense fallback={<Spinner label={strings.DetailLoading} />}>
          <SignalDetailDrawer signalId={selectedId} onClose={() => setSelectedId(undefined)} onChanged={onChanged} />
        </React.Suspense>
      )}
    </section>
  );
}
