import * as React from 'react';
import { Button, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import {
  ASSESSMENT_STATUS_LABELS,
  isRequirementId,
  type AssessmentStatus,
  type ChecklistChangeDto,
  type ChecklistClient,
  type ChecklistHistoryDto,
  type EvidenceLink,
  type ImprovementAction,
  type Language
} from '@weerbaar/shared';
import { format, formatMoment } from '../../signaaldashboard/components/format';
import { messageOf } from './common';
import { useParts } from './PartsContext';

export interface RequirementHistoryProps {
  readonly client: ChecklistClient;
  readonly requirementId: string;
  /** The item's eTag: a save changes it, and an open history reloads. */
  readonly version: string;
}

/** Who changed what and when, from and to; loaded when asked for. */
export function RequirementHistory(props: RequirementHistoryProps): React.ReactElement {
  const { strings, language } = useParts();
  const [shown, setShown] = React.useState(false);
  const [history, setHistory] = React.useState<ChecklistHistoryDto | { failed: string } | undefined>(undefined);

  React.useEffect(() => {
    if (!shown || !isRequirementId(props.requirementId)) return;
    let current = true;
    props.client.history(props.requirementId).then(
      (loaded) => current && setHistory(loaded),
      (reason: unknown) => current && setHistory({ failed: messageOf(reason) })
    );
    return () => {
      current = false;
    };
    // props.version is not read, but a new eTag (a save) must reload an open history.
  }, [shown, props.client, props.requirementId, props.version]);

  return (
    <section aria-label={strings.HistoryHeading}>
      <Subtitle2 as="h3">{strings.HistoryHeading}</Subtitle2>
      {!shown && <Button onClick={() => setShown(true)}>{strings.HistoryShow}</Button>}
      {shown && !history && <Spinner size="tiny" label={strings.Loading} />}
      {history && 'failed' in history && <Text role="alert">{format(strings.LoadFailed, history.failed)}</Text>}
      {history && 'entries' in history && history.entries.length === 0 && <Text>{strings.HistoryEmpty}</Text>}
      {history && 'entries' in history && history.entries.length > 0 && (
        <ol data-testid="checklist-history">
          {history.entries.map((entry, index) => (
            <li key={index}>
              <Text weight="semibold">{format(strings.HistoryEntry, formatMoment(entry.changedAt, strings.Locale), entry.changedBy)}</Text>
              <ul>
                {entry.changes.map((change) => (
                  <li key={change.field}>
                    {format(strings.HistoryChange, strings.FieldNames[change.field], shownValue(change, 'from', strings, language), shownValue(change, 'to', strings, language))}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A value as a person reads it: status labels, link titles, action descriptions, yes/no. */
function shownValue(change: ChecklistChangeDto, side: 'from' | 'to', strings: IBasisOpOrdeStrings, language: Language): string {
  const value = change[side];
  if (value === null || value === '') return strings.EmptyValue;
  switch (change.field) {
    case 'status':
      return ASSESSMENT_STATUS_LABELS[value as AssessmentStatus]?.[language] ?? value;
    case 'derivedOverride':
      return value === 'true' ? strings.Yes : strings.No;
    case 'evidence':
      return listOf<EvidenceLink>(value).map((link) => `${link.title} (${link.url})`).join('; ');
    case 'actions':
      return listOf<ImprovementAction>(value)
        .map((action) => `${action.what}${action.who ? `, ${action.who}` : ''}${action.due ? `, ${action.due}` : ''}${action.done ? ' ✓' : ''}`)
        .join('; ');
    default:
      return value;
  }
}

function listOf<T>(json: string): T[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
}
