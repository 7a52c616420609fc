import * as React from 'react';
import { Field, Input, Textarea } from '@fluentui/react-components';
import type { SignalActionRequest, SignalDetailDto } from '@weerbaar/shared';
import { useDashboard } from '../DashboardContext';
import { ActionFormShell, required } from './ActionFormShell';

export interface RetentionFormProps {
  /** As the signal's detail has it: null when no retention date was set. */
  readonly currentUntil: SignalDetailDto['retentionUntil'];
  readonly busy: boolean;
  readonly onSubmit: (request: SignalActionRequest) => void;
  readonly onCancel: () => void;
}

/** Keeping one signal longer (a running Bibob procedure, say); the reason is audited. */
export function RetentionForm(props: RetentionFormProps): React.ReactElement {
  const { strings } = useDashboard();
  const [until, setUntil] = React.useState(props.currentUntil ? props.currentUntil.slice(0, 10) : '');
  const [reason, setReason] = React.useState('');
  const [errors, setErrors] = React.useState<{ until?: string; reason?: string }>({});

  const submit = (): boolean => {
    const text = required(reason);
    const next = { until: /^\d{4}-\d{2}-\d{2}$/.test(until) ? undefined : strings.Required, reason: text ? undefined : strings.Required };
    setErrors(next);
    if (next.until || !text) return false;
    props.onSubmit({ type: 'extend-retention', until, reason: text });
    return true;
  };

  return (
    <ActionFormShell title={strings.Actions['extend-retention']} busy={props.busy} onSubmit={submit} onCancel={props.onCancel}>
      <Field label={strings.FieldRetentionDate} required validationMessage={errors.until}>
        <Input type="date" value={until} onChange={(_e, data) => setUntil(data.value)} />
      </Field>
      <Field label={strings.FieldReason} required validationMessage={errors.reason}>
        <Textarea value={reason} maxLength={1000} onChange={(_e, data) => setReason(data.value)} />
      </Field>
    </ActionFormShell>
  );
}
