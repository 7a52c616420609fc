import * as React from 'react';
import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import { FORWARD_TARGETS, type ForwardTarget, type SignalActionRequest } from '@weerbaar/shared';
import { useDashboard } from '../DashboardContext';
import { amsterdamDay } from '../format';
import { ActionFormShell, required } from './ActionFormShell';

export interface ForwardFormProps {
  readonly busy: boolean;
  readonly onSubmit: (request: SignalActionRequest) => void;
  readonly onCancel: () => void;
}

/** Passing the signal on to a partner; the service keeps it in the disclosure register with its legal basis. */
export function ForwardForm(props: ForwardFormProps): React.ReactElement {
  const { strings } = useDashboard();
  const [organisation, setOrganisation] = React.useState<ForwardTarget>('riec');
  const [organisationName, setOrganisationName] = React.useState('');
  const [forwardedOn, setForwardedOn] = React.useState(() => amsterdamDay(new Date()));
  const [legalBasis, setLegalBasis] = React.useState('');
  const [errors, setErrors] = React.useState<{ name?: string; date?: string; basis?: string }>({});

  const submit = (): boolean => {
    const name = required(organisationName);
    const basis = required(legalBasis);
    const next = {
      name: organisation === 'anders' && !name ? strings.Required : undefined,
      date: /^\d{4}-\d{2}-\d{2}$/.test(forwardedOn) ? undefined : strings.Required,
      basis: basis ? undefined : strings.Required
    };
    setErrors(next);
    if (next.name || next.date || next.basis || !basis) return false;
    props.onSubmit({
      type: 'forward',
      organisation,
      organisationName: organisation === 'anders' ? name : undefined,
      forwardedOn,
      legalBasis: basis
    });
    return true;
  };

  return (
    <ActionFormShell title={strings.Actions.forward} busy={props.busy} onSubmit={submit} onCancel={props.onCancel}>
      <Field label={strings.FieldForwardTo} required>
        <Select
          value={organisation}
          onChange={(_e, data) => setOrganisation((FORWARD_TARGETS as readonly string[]).indexOf(data.value) >= 0 ? (data.value as ForwardTarget) : 'riec')}
        >
          {FORWARD_TARGETS.map((target) => (
            <option key={target} value={target}>
              {strings.ForwardTargets[target]}
            </option>
          ))}
        </Select>
      </Field>
      {organisation === 'anders' && (
        <Field label={strings.FieldForwardName} required validationMessage={errors.name}>
          <Input value={organisationName} maxLength={200} onChange={(_e, data) => setOrganisationName(data.value)} />
        </Field>
      )}
      <Field label={strings.FieldForwardedOn} required validationMessage={errors.date}>
        <Input type="date" value={forwardedOn} onChange={(_e, data) => setForwardedOn(data.value)} />
      </Field>
      <Field label={strings.FieldForwardLegalBasis} required validationMessage={errors.basis}>
        <Textarea value={legalBasis} maxLength={500} onChange={(_e, data) => setLegalBasis(data.value)} />
      </Field>
    </ActionFormShell>
  );
}
