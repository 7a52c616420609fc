import * as React from 'react';
import { Field, Input, Textarea } from '@fluentui/react-components';
import type { SignalActionRequest } from '@weerbaar/shared';
import { useDashboard } from '../DashboardContext';
import { ActionFormShell, required } from './ActionFormShell';

/** Actions that take one text: a note, a message to the reporter, an assignee, or a reason to reveal the reporter. */
export type TextActionType = 'note' | 'message' | 'assign' | 'reveal-reporter';

export interface TextActionFormProps {
  readonly type: TextActionType;
  readonly busy: boolean;
  readonly onSubmit: (request: SignalActionRequest) => void;
  readonly onCancel: () => void;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function requestOf(type: TextActionType, value: string): SignalActionRequest {
  switch (type) {
    case 'note':
      return { type, text: value };
    case 'message':
      return { type, text: value };
    case 'assign':
      return { type, assigneeUpn: value };
    case 'reveal-reporter':
      return { type, reason: value };
  }
}

export function TextActionForm(props: TextActionFormProps): React.ReactElement {
  const { strings } = useDashboard();
  const [value, setValue] = React.useState('');
  const [message, setMessage] = React.useState<string | undefined>(undefined);
  const label = { note: strings.FieldNote, message: strings.FieldMessage, assign: strings.FieldAssignee, 'reveal-reporter': strings.FieldReason }[props.type];

  const submit = (): boolean => {
    const text = required(value);
    if (!text) {
      setMessage(strings.Required);
      return false;
    }
    if (props.type === 'assign' && !EMAIL.test(text)) {
      setMessage(strings.InvalidEmail);
      return false;
    }
    setMessage(undefined);
    props.onSubmit(requestOf(props.type, text));
    return true;
  };

  return (
    <ActionFormShell title={strings.Actions[props.type]} busy={props.busy} onSubmit={submit} onCancel={props.onCancel}>
      <Field
        label={label}
        required
        validationMessage={message}
        hint={props.type === 'message' ? strings.MessageHint : undefined}
      >
        {props.type === 'assign' ? (
          <Input type="email" value={value} onChange={(_e, data) => setValue(data.value)} />
        ) : (
          <Textarea value={value} resize="vertical" rows={4} maxLength={4000} onChange={(_e, data) => setValue(data.value)} />
        )}
      </Field>
    </ActionFormShell>
  );
}
