import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { LearningTrendPointDto } from '@weerbaar/shared';
import { format, formatMonth } from '../../signaaldashboard/components/format';

export interface TrendSparklineProps {
  readonly department: string;
  readonly trend: readonly LearningTrendPointDto[];
  readonly strings: IBewustwordingWebPartStrings;
}

const WIDTH = 120;
const HEIGHT = 28;

const useStyles = makeStyles({
  cell: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'left', padding: `0 ${tokens.spacingHorizontalS}` },
  td: { textAlign: 'right', padding: `0 ${tokens.spacingHorizontalS}` }
});

/**
 * Twelve months of completion as small bars: the picture for the eye (with the values in its label),
 * and the same numbers as a table under a disclosure.
 */
export function TrendSparkline(props: TrendSparklineProps): React.ReactElement {
  const styles = useStyles();
  const { strings } = props;
  const barWidth = WIDTH / Math.max(1, props.trend.length);
  const described = props.trend
    .map((point) => formatMonth(point.month, strings.Locale) + ' ' + (point.percentage === null ? '–' : String(point.percentage) + '%'))
    .join(', ');
  return (
    <div className={styles.cell}>
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={format(strings.TrendLabel, props.department, described)}>
        {props.trend.map((point, index) => {
          const height = point.percentage === null ? 0 : Math.max(1, (point.percentage / 100) * HEIGHT);
          return (
            <rect
              key={point.month}
              x={index * barWidth + 1}
              y={HEIGHT - height}
              width={Math.max(1, barWidth - 2)}
              height={height}
              fill={tokens.colorBrandBackground}
            />
          );
        })}
      </svg>
      <details>
        <summary>{strings.TrendTable}</summary>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                {strings.TrendMonth}
              </th>
              <th scope="col" className={styles.th}>
                {strings.ColumnPercentage}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.trend.map((point) => (
              <tr key={point.month}>
                <th scope="row" className={styles.th}>
                  {formatMonth(point.month, strings.Locale)}
                </th>
                <td className={styles.td}>{point.percentage === null ? '–' : String(point.percentage) + '%'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
