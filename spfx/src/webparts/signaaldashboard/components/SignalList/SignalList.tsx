import * as React from 'react';
import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
  useRestoreFocusTarget
} from '@fluentui/react-components';
import type { SignalSummaryDto } from '@weerbaar/shared';
import { useDashboard } from '../DashboardContext';
import { format, formatDay, formatMoment } from '../format';

export interface SignalListProps {
  readonly items: readonly SignalSummaryDto[];
  readonly selectedId: string | undefined;
  readonly onOpen: (id: string) => void;
}

const useStyles = makeStyles({
  wrapper: { overflowX: 'auto' },
  caption: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  deadlines: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  reference: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' }
});

/**
 * The signals as a table. The reference is a button that opens the detail panel; deadlines show in
 * words and as a badge when passed, so the state never depends on colour alone.
 */
export function SignalList(props: SignalListProps): React.ReactElement {
  const { strings } = useDashboard();
  const styles = useStyles();
  const restoreFocusTarget = useRestoreFocusTarget();
  const locale = strings.Locale;

  return (
    <div className={styles.wrapper}>
      <Table size="small">
        <caption className={styles.caption}>{strings.ListCaption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{strings.ColumnReference}</TableHeaderCell>
            <TableHeaderCell>{strings.ColumnReceivedAt}</TableHeaderCell>
            <TableHeaderCell>{strings.ColumnCategory}</TableHeaderCell>
            <TableHeaderCell>{strings.ColumnStatus}</TableHeaderCell>
            <TableHeaderCell>{strings.ColumnConfidentiality}</TableHeaderCell>
            <TableHeaderCell>{strings.ColumnDeadlines}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.items.map((signal) => (
            <TableRow key={signal.id} aria-current={signal.id === props.selectedId ? 'true' : undefined} data-signal-id={signal.id}>
              <TableCell>
                <Button
                  appearance="transparent"
                  className={styles.reference}
                  aria-label={format(strings.OpenSignal, signal.reference)}
                  onClick={() => props.onOpen(signal.id)}
                  {...restoreFocusTarget}
                >
                  {signal.reference}
                </Button>
              </TableCell>
              <TableCell>{formatMoment(signal.receivedAt, locale)}</TableCell>
              <TableCell>{strings.Categories[signal.category] ?? signal.category}</TableCell>
              <TableCell>
                <Badge appearance="tint" color={signal.status === 'closed' ? 'subtle' : signal.status === 'received' ? 'warning' : 'brand'}>
                  {strings.Statuses[signal.status] ?? signal.status}
                </Badge>
              </TableCell>
              <TableCell>{strings.Confidentiality[signal.confidentiality] ?? signal.confidentiality}</TableCell>
              <TableCell>
                <Deadlines signal={signal} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function Deadlines({ signal }: { signal: SignalSummaryDto }): React.ReactElement {
  const { strings } = useDashboard();
  const styles = useStyles();
  const locale = strings.Locale;
  if (signal.status === 'closed') return <span>{strings.NotSet}</span>;
  return (
    <span className={styles.deadlines}>
      {signal.acknowledgedAt === null && <span>{format(strings.AcknowledgeBy, formatDay(signal.acknowledgeBy, locale))}</span>}
      {signal.acknowledgedAt !== null && <span>{format(strings.FeedbackBy, formatDay(signal.feedbackBy, locale))}</span>}
      {signal.overdue.acknowledgement && (
        <Badge appearance="filled" color="danger">
          {strings.OverdueAcknowledgement}
        </Badge>
      )}
      {signal.overdue.feedback && (
        <Badge appearance="filled" color="danger">
          {strings.OverdueFeedback}
        </Badge>
      )}
    </span>
  );
}
