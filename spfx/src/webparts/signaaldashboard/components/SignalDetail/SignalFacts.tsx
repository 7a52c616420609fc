import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { SignalDetailDto } from '@weerbaar/shared';
import { useDashboard } from '../DashboardContext';
import { formatDay, formatMoment } from '../format';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8rem, max-content) 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }
});

// eslint-disable-next-line @rushstack/no-new-null -- not exported: rows take the DTOs' fields as they come, and those say "absent" with null
type Row = readonly [label: string, value: string | null | undefined, testId?: string];

/** Label-value pairs. Every value is a React text node: signal content is never parsed as HTML. */
function Pairs({ rows }: { rows: readonly Row[] }): React.ReactElement {
  const styles = useStyles();
  return (
    <dl className={styles.list}>
      {rows
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([label, value, testId]) => (
          <React.Fragment key={label}>
            <dt className={styles.term}>{label}</dt>
            <dd className={styles.value} data-testid={testId}>
              {value}
            </dd>
          </React.Fragment>
        ))}
    </dl>
  );
}

/** What the reporter told. */
export function SignalContentView({ detail }: { detail: SignalDetailDto }): React.ReactElement {
  const { strings } = useDashboard();
  const content = detail.content;
  return (
    <Pairs
      rows={[
        [strings.FieldDescription, content.description, 'signal-description'],
        [strings.FieldLocation, content.location, 'signal-location'],
        [strings.FieldOccurredOn, content.occurredOn ? formatDay(content.occurredOn, strings.Locale) : undefined],
        [strings.FieldPeriod, content.period],
        [strings.FieldInvolved, content.involved],
        [strings.FieldNoticedHow, content.noticedHow]
      ]}
    />
  );
}

/** Status, deadlines, reporter (as far as the caller may see it), legal basis and retention. */
export function SignalFacts({ detail }: { detail: SignalDetailDto }): React.ReactElement {
  const { strings } = useDashboard();
  const locale = strings.Locale;
  const reporter = detail.reporter
    ? `${detail.reporter.displayName} (${detail.reporter.upn})`
    : detail.reporterHidden
      ? strings.ReporterHidden[detail.reporterHidden]
      : strings.NotSet;
  return (
    <Pairs
      rows={[
        [strings.ColumnStatus, strings.Statuses[detail.status] ?? detail.status],
        [strings.ColumnCategory, strings.Categories[detail.category] ?? detail.category],
        [strings.ColumnReceivedAt, formatMoment(detail.receivedAt, locale)],
        [strings.FieldAcknowledgedAt, detail.acknowledgedAt ? formatMoment(detail.acknowledgedAt, locale) : undefined],
        [strings.ColumnDeadlines, `${formatDay(detail.acknowledgeBy, locale)} / ${formatDay(detail.feedbackBy, locale)}`],
        [strings.ColumnConfidentiality, strings.Confidentiality[detail.confidentiality] ?? detail.confidentiality],
        [strings.FieldReporter, reporter, 'signal-reporter'],
        [strings.FieldDepartment, detail.department],
        [strings.FieldAssignedTo, detail.assignedTo],
        [strings.FieldOutcome, detail.outcome ? (strings.Outcomes as Record<string, string>)[detail.outcome] ?? detail.outcome : undefined],
        [strings.FieldLegalBasis, detail.legalBasis],
        [strings.FieldRetentionUntil, detail.retentionUntil ? formatDay(detail.retentionUntil.slice(0, 10), locale) : undefined]
      ]}
    />
  );
}
