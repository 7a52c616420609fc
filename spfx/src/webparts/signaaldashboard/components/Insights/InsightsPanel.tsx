import * as React from 'react';
import { Body1, MessageBar, MessageBarBody, Spinner, Subtitle2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { CATEGORY_IDS, SIGNAL_STATUSES, type InsightsDto } from '@weerbaar/shared';
import { useDashboard } from '../DashboardContext';
import { format, formatMonth } from '../format';
import { InsightChart } from './InsightChart';
import { useInsights } from './useInsights';

export interface InsightsPanelProps {
  readonly from?: string;
  readonly to?: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))', gap: tokens.spacingHorizontalM, margin: 0 },
  figure: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0
  },
  value: { margin: 0 },
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))', gap: tokens.spacingHorizontalXL }
});

/** The management information of the chosen period. Loaded on demand: the charts are a chunk of their own. */
export default function InsightsPanel(props: InsightsPanelProps): React.ReactElement {
  const { strings } = useDashboard();
  const styles = useStyles();
  const { insights, error } = useInsights(props.from, props.to);

  if (error) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{format(strings.InsightsFailed, error.message)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!insights) return <Spinner label={strings.InsightsLoading} />;
  return <InsightsView insights={insights} styles={styles} />;
}

function InsightsView({ insights, styles }: { insights: InsightsDto; styles: ReturnType<typeof useStyles> }): React.ReactElement {
  const { strings } = useDashboard();
  const median =
    insights.medianHoursToAcknowledge === null
      ? strings.InsightsNotAvailable
      : format(strings.InsightsHours, Math.round(insights.medianHoursToAcknowledge * 10) / 10);
  const figures: [string, string | number][] = [
    [strings.InsightsTotal, insights.total],
    [strings.InsightsMedianAcknowledge, median],
    [strings.InsightsOpenLongerThan7Days, insights.openLongerThan7Days],
    [strings.InsightsFeedbackOverdue, insights.feedbackOverdue]
  ];
  return (
    <div className={styles.root}>
      <dl className={styles.figures}>
        {figures.map(([label, value]) => (
          <div key={label} className={styles.figure}>
            <dt>
              <Body1>{label}</Body1>
            </dt>
            <dd className={styles.value}>
              <Title3>{value}</Title3>
            </dd>
          </div>
        ))}
      </dl>
      <div className={styles.charts}>
        <InsightChart
          title={strings.ChartByCategory}
          orientation="horizontal"
          rows={CATEGORY_IDS.map((id) => ({ label: strings.Categories[id], count: insights.byCategory[id] ?? 0 }))}
        />
        <InsightChart
          title={strings.ChartByStatus}
          orientation="horizontal"
          rows={SIGNAL_STATUSES.map((status) => ({ label: strings.Statuses[status], count: insights.byStatus[status] ?? 0 }))}
        />
        <InsightChart
          title={strings.ChartByMonth}
          orientation="vertical"
          rows={insights.byMonth.map((row) => ({ label: formatMonth(row.month, strings.Locale), count: row.count }))}
        />
      </div>
      <section aria-labelledby="insights-departments">
        <Subtitle2 as="h4" id="insights-departments">
          {strings.ChartByDepartment}
        </Subtitle2>
        {insights.byDepartment.length === 0 ? (
          <p>{strings.NoDepartments}</p>
        ) : (
          <InsightChart
            title={strings.ChartByDepartment}
            orientation="horizontal"
            rows={insights.byDepartment.map((row) => ({ label: row.department, count: row.count }))}
          />
        )}
        {insights.suppressedDepartments > 0 && <p>{format(strings.SuppressedDepartments, insights.suppressedDepartments)}</p>}
      </section>
    </div>
  );
}
