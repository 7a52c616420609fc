import * as React from 'react';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { EnrichmentLink, TimelineEntryDto } from '@weerbaar/shared';
import { useDashboard } from '../DashboardContext';
import { format, formatDay, formatMoment } from '../format';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  entry: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalM
  },
  kind: { fontWeight: tokens.fontWeightSemibold, display: 'block' },
  text: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }
});

function enrichmentText(link: EnrichmentLink, strings: ISignaaldashboardWebPartStrings): string {
  switch (link.type) {
    case 'bag':
      return `${strings.EnrichmentTypes.bag}: ${link.id}`;
    case 'kvk':
      return `${strings.EnrichmentTypes.kvk}: ${link.number}`;
    case 'internal':
      return `${strings.EnrichmentTypes.internal}: ${link.system} ${link.reference}`;
    case 'external':
      return `${strings.EnrichmentTypes.external}: ${link.organisation} ${link.reference}`;
  }
}

function entryText(entry: TimelineEntryDto, strings: ISignaaldashboardWebPartStrings): string | undefined {
  if (entry.kind === 'status' && entry.status) {
    const status = format(strings.TimelineStatusTo, strings.Statuses[entry.status] ?? entry.status);
    const outcome = entry.outcome ? (strings.Outcomes as Record<string, string>)[entry.outcome] ?? entry.outcome : undefined;
    return outcome ? `${status}: ${outcome}` : status;
  }
  if (entry.kind === 'assignment' && (entry.assigneeName || entry.assigneeUpn)) return entry.assigneeName ?? entry.assigneeUpn;
  if (entry.kind === 'retention' && entry.retentionUntil) {
    return format(strings.TimelineRetention, formatDay(entry.retentionUntil, strings.Locale), entry.text ?? strings.NotSet);
  }
  if (entry.kind === 'enrichment' && entry.enrichment) return enrichmentText(entry.enrichment, strings);
  if (entry.kind === 'forward' && entry.forward) {
    const targets = strings.ForwardTargets as Record<string, string>;
    const organisation = entry.forward.organisationName || targets[entry.forward.organisation] || entry.forward.organisation;
    return format(strings.TimelineForward, organisation, formatDay(entry.forward.forwardedOn, strings.Locale), entry.forward.legalBasis);
  }
  return entry.text;
}

/** Everything that happened to the signal, oldest first, each entry's text as plain text. */
export function SignalTimeline({ entries }: { entries: readonly TimelineEntryDto[] }): React.ReactElement {
  const { strings } = useDashboard();
  const styles = useStyles();
  if (entries.length === 0) return <p>{strings.TimelineEmpty}</p>;
  return (
    <ol className={styles.list}>
      {entries.map((entry) => {
        const text = entryText(entry, strings);
        return (
          <li key={entry.id} className={styles.entry} data-kind={entry.kind}>
            <span className={styles.kind}>{strings.TimelineKinds[entry.kind] ?? entry.kind}</span>
            <Caption1>
              <time dateTime={entry.at}>{formatMoment(entry.at, strings.Locale)}</time>
              {entry.actorName ? ' · ' + format(strings.TimelineBy, entry.actorName) : ''}
            </Caption1>
            {text && <p className={styles.text}>{text}</p>}
          </li>
        );
      })}
    </ol>
  );
}
