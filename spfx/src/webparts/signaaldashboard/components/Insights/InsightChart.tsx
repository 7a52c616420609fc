import * as React from 'react';
import { HorizontalBarChartWithAxis, VerticalBarChart } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useDashboard } from '../DashboardContext';

export interface InsightChartProps {
  readonly title: string;
  /** Label and count per bar, in display order. */
  readonly rows: readonly { label: string; count: number }[];
  /** Months read best left to right; categories and statuses as horizontal bars with readable labels. */
  readonly orientation: 'vertical' | 'horizontal';
}

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: 'collapse' },
  cell: { textAlign: 'left', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}` },
  number: { textAlign: 'right', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}` }
});

/**
 * One bar chart with its numbers as a table under a disclosure: the chart for the eye, the table for
 * screen readers and anyone who wants the exact counts.
 */
export function InsightChart(props: InsightChartProps): React.ReactElement {
  const { strings } = useDashboard();
  const styles = useStyles();
  const color = tokens.colorBrandBackground;
  // Counts are whole numbers: ticks at whole steps only, so the axis never shows 0,5.
  const max = Math.max(1, ...props.rows.map((row) => row.count));
  const step = Math.ceil(max / 5);
  const tickCount = Math.ceil(max / step);
  const wholeTicks = Array.from({ length: tickCount + 1 }, (_unused, index) => index * step);
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{props.title}</figcaption>
      {props.orientation === 'vertical' ? (
        <VerticalBarChart
          chartTitle={props.title}
          culture={strings.Locale}
          height={240}
          hideLegend
          barWidth="auto"
          maxBarWidth={48}
          yAxisTickCount={tickCount}
          data={props.rows.map((row) => ({ x: row.label, y: row.count, legend: row.label, color }))}
        />
      ) : (
        <HorizontalBarChartWithAxis
          chartTitle={props.title}
          height={Math.max(160, props.rows.length * 32 + 48)}
          hideLegend
          culture={strings.Locale}
          showYAxisLables
          tickValues={wholeTicks}
          xMaxValue={tickCount * step}
          data={props.rows.map((row) => ({ x: row.count, y: row.label, legend: row.label, color }))}
        />
      )}
      <details>
        <summary>{strings.ChartAsTable}</summary>
        <table className={styles.table}>
          <caption className={styles.caption}>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.cell}>
                {props.title}
              </th>
              <th scope="col" className={styles.number}>
                {strings.ChartCount}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.label}>
                <td className={styles.cell}>{row.label}</td>
                <td className={styles.number}>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
