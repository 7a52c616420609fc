import * as React from 'react';
import { Field, Select } from '@fluentui/react-components';
import type { SignalActionRequest } from '@weerbaar/shared';
import { useDashboard } from '../DashboardContext';
import { ActionFormShell } from './ActionFormShell';

export interface ChoiceActionFormProps {
  readonly type: 'close' | 'transition';
  /** Values with their labels, in the order to show. */
  readonly choices: readonly { value: string; label: string }[];
  readonly busy: boolean;
  readonly onSubmit: (request: SignalActionRequest) => void;
  readonly onCancel: () => void;
}

/** Closing with an outcome, or taking the next workflow step: one choice from a fixed list. */
export function ChoiceActionForm(props: ChoiceActionFormProps): React.ReactElement {
  const { strings } = useDashboard();
  const [value, setValue] = React.useState(props.choices[0]?.value ?? '');
  const label = props.type === 'close' ? strings.FieldCloseOutcome : strings.FieldTransition;
  return (
    <ActionFormShell
      title={strings.Actions[props.type]}
      busy={props.busy}
      onSubmit={() => props.onSubmit(props.type === 'close' ? { type: 'close', outcome: value } : { type: 'transition', action: value })}
      onCancel={props.onCancel}
    >
      <Field label={label} required>
        <Select value={value} onChange={(_e, data) => setValue(data.value)}>
          {props.choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </Select>
      </Field>
    </ActionFormShell>
  );
}
