import * as React from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Subtitle2,
  Switch,
  Text,
  Textarea,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import {
  ASSESSMENT_STATUSES,
  ASSESSMENT_STATUS_LABELS,
  DERIVATION_SOURCE_LABELS,
  requirementById,
  type AssessmentStatus,
  type ChecklistClient,
  type ChecklistItemDto,
  type ChecklistUpdateRequest,
  type EvidenceLink,
  type ImprovementAction
} from '@weerbaar/shared';
import { format } from '../../signaaldashboard/components/format';
import { Notice, messageOf } from './common';
import { RequirementHistory } from './RequirementHistory';
import { useParts } from './PartsContext';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxHeight: '70vh', overflowY: 'auto' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: '12rem' },
  derived: { padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium }
});

export interface RequirementDialogProps {
  readonly client: ChecklistClient;
  readonly item: ChecklistItemDto;
  readonly canEdit: boolean;
  /** `changed`: something was saved, so the list reloads. */
  readonly onClose: (changed: boolean) => void;
}

interface Draft {
  status: AssessmentStatus;
  derivedOverride: boolean;
  overrideReason: string;
  explanation: string;
  owner: string;
  evidence: EvidenceLink[];
  actions: ImprovementAction[];
}

function draftOf(item: ChecklistItemDto): Draft {
  return {
    status: item.derived && !item.derivedOverride ? item.derived.status : item.recordedStatus,
    derivedOverride: item.derivedOverride,
    overrideReason: item.overrideReason ?? '',
    explanation: item.explanation ?? '',
    owner: item.owner ?? '',
    evidence: item.evidence,
    actions: item.actions
  };
}

/** Only what the rules allow: a derived status is set only together with an override and its reason. */
function changeOf(item: ChecklistItemDto, draft: Draft): ChecklistUpdateRequest {
  const change: ChecklistUpdateRequest = { explanation: draft.explanation, owner: draft.owner, evidence: draft.evidence, actions: draft.actions };
  if (!item.derived) return { ...change, status: draft.status };
  if (!draft.derivedOverride) return { ...change, derivedOverride: false };
  return { ...change, derivedOverride: true, overrideReason: draft.overrideReason, status: draft.status };
}

/** One requirement: status, explanation, owner, evidence, improvement actions, override and history. */
export default function RequirementDialog(props: RequirementDialogProps): React.ReactElement {
  const styles = useStyles();
  const { strings, language } = useParts();
  const [item, setItem] = React.useState(props.item);
  const [draft, setDraft] = React.useState<Draft>(() => draftOf(props.item));
  const [saving, setSaving] = React.useState(false);
  const [changed, setChanged] = React.useState(false);
  const [notice, setNotice] = React.useState<{ intent: 'success' | 'error'; text: string } | undefined>(undefined);
  const requirement = requirementById(item.requirementId);
  const readOnly = !props.canEdit || saving;
  const statusLocked = readOnly || (item.derived !== null && !draft.derivedOverride);
  const set = (patch: Partial<Draft>): void => setDraft((current) => ({ ...current, ...patch }));

  const save = (): void => {
    setSaving(true);
    setNotice(undefined);
    props.client.update(item.requirementId, item.etag, changeOf(item, draft)).then(
      (saved) => {
        setItem(saved);
        setDraft(draftOf(saved));
        setChanged(true);
        setSaving(false);
        setNotice({ intent: 'success', text: strings.Saved });
      },
      (reason: unknown) => {
        setSaving(false);
        const status = (reason as { status?: unknown; code?: unknown }).status;
        const conflict = status === 412 || (reason as { code?: unknown }).code === 'precondition-failed';
        setNotice({ intent: 'error', text: conflict ? strings.Conflict : messageOf(reason) });
      }
    );
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_e, data) => !data.open && props.onClose(changed)}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{format(strings.DetailHeading, item.requirementId)}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{requirement.text[language]}</Text>
            {item.derived && (
              <div className={styles.derived}>
                <Text block>{format(strings.DerivedFrom, DERIVATION_SOURCE_LABELS[item.derived.source][language])}</Text>
                <Text block>
                  {format(strings.DerivedStatus, ASSESSMENT_STATUS_LABELS[item.derived.status][language], language === 'nl' ? item.derived.detailNl : item.derived.detailEn)}
                </Text>
                <Switch
                  label={strings.OverrideLabel}
                  checked={draft.derivedOverride}
                  disabled={readOnly}
                  onChange={(_e, data) => set({ derivedOverride: data.checked })}
                />
                {draft.derivedOverride && (
                  <Field label={strings.OverrideReasonLabel} required>
                    <Textarea value={draft.overrideReason} disabled={readOnly} onChange={(_e, data) => set({ overrideReason: data.value })} />
                  </Field>
                )}
              </div>
            )}
            <Field label={strings.StatusLabel}>
              <Select value={draft.status} disabled={statusLocked} onChange={(_e, data) => set({ status: data.value as AssessmentStatus })}>
                {ASSESSMENT_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {ASSESSMENT_STATUS_LABELS[status][language]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={strings.ExplanationLabel}>
              <Textarea value={draft.explanation} disabled={readOnly} resize="vertical" onChange={(_e, data) => set({ explanation: data.value })} />
            </Field>
            <Field label={strings.OwnerLabel}>
              <Input value={draft.owner} disabled={readOnly} onChange={(_e, data) => set({ owner: data.value })} />
            </Field>
            <EvidenceEditor evidence={draft.evidence} readOnly={readOnly} onChange={(evidence) => set({ evidence })} />
            <ActionsEditor actions={draft.actions} readOnly={readOnly} onChange={(actions) => set({ actions })} />
            <Notice notice={notice} />
            <RequirementHistory client={props.client} requirementId={item.requirementId} version={item.etag} />
          </DialogContent>
          <DialogActions>
            {props.canEdit && (
              <Button appearance="primary" disabled={saving} onClick={save}>
                {saving ? strings.Saving : strings.Save}
              </Button>
            )}
            <Button onClick={() => props.onClose(changed)}>{strings.Close}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function EvidenceEditor(props: { evidence: EvidenceLink[]; readOnly: boolean; onChange: (evidence: EvidenceLink[]) => void }): React.ReactElement {
  const styles = useStyles();
  const { strings } = useParts();
  const update = (index: number, patch: Partial<EvidenceLink>): void => props.onChange(props.evidence.map((link, i) => (i === index ? { ...link, ...patch } : link)));
  return (
    <fieldset>
      <legend>
        <Subtitle2>{strings.EvidenceHeading}</Subtitle2>
      </legend>
      {props.evidence.length === 0 && <Text>{strings.EvidenceEmpty}</Text>}
      {props.evidence.map((link, index) => (
        <div key={index} className={styles.row}>
          <Field label={strings.EvidenceTitle} className={styles.grow}>
            <Input value={link.title} disabled={props.readOnly} onChange={(_e, data) => update(index, { title: data.value })} />
          </Field>
          <Field label={strings.EvidenceUrl} className={styles.grow}>
            <Input type="url" value={link.url} disabled={props.readOnly} onChange={(_e, data) => update(index, { url: data.value })} />
          </Field>
          {props.readOnly && /^https?:\/\//i.test(link.url) && (
            <a href={link.url} target="_blank" rel="noopener noreferrer">
              {link.title}
            </a>
          )}
          {!props.readOnly && (
            <Button onClick={() => props.onChange(props.evidence.filter((_l, i) => i !== index))}>{format(strings.RemoveEvidence, index + 1)}</Button>
          )}
        </div>
      ))}
      {!props.readOnly && <Button onClick={() => props.onChange([...props.evidence, { title: '', url: '' }])}>{strings.AddEvidence}</Button>}
    </fieldset>
  );
}

function ActionsEditor(props: { actions: ImprovementAction[]; readOnly: boolean; onChange: (actions: ImprovementAction[]) => void }): React.ReactElement {
  const styles = useStyles();
  const { strings } = useParts();
  const update = (index: number, patch: Partial<ImprovementAction>): void => props.onChange(props.actions.map((action, i) => (i === index ? { ...action, ...patch } : action)));
  return (
    <fieldset>
      <legend>
        <Subtitle2>{strings.ActionsHeading}</Subtitle2>
      </legend>
      {props.actions.length === 0 && <Text>{strings.ActionsEmpty}</Text>}
      {props.actions.map((action, index) => (
        <div key={index} className={styles.row}>
          <Field label={strings.ActionWhat} className={styles.grow}>
            <Input value={action.what} disabled={props.readOnly} onChange={(_e, data) => update(index, { what: data.value })} />
          </Field>
          <Field label={strings.ActionWho}>
            <Input value={action.who} disabled={props.readOnly} onChange={(_e, data) => update(index, { who: data.value })} />
          </Field>
          <Field label={strings.ActionDue}>
            <Input type="date" value={action.due ?? ''} disabled={props.readOnly} onChange={(_e, data) => update(index, { due: data.value === '' ? null : data.value })} />
          </Field>
          <Checkbox label={strings.ActionDone} checked={action.done} disabled={props.readOnly} onChange={(_e, data) => update(index, { done: data.checked === true })} />
          {!props.readOnly && <Button onClick={() => props.onChange(props.actions.filter((_a, i) => i !== index))}>{format(strings.RemoveAction, index + 1)}</Button>}
        </div>
      ))}
      {!props.readOnly && (
        <Button onClick={() => props.onChange([...props.actions, { what: '', who: '', due: null, done: false }])}>{strings.AddAction}</Button>
      )}
    </fieldset>
  );
}
