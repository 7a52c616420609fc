import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { CLOSE_OUTCOMES, SIGNAL_TRANSITIONS, type SignalActionRequest, type SignalActionType, type SignalDetailDto } from '@weerbaar/shared';
import { useDashboard } from '../DashboardContext';
import { ChoiceActionForm } from './ChoiceActionForm';
import { EnrichForm } from './EnrichForm';
import { ForwardForm } from './ForwardForm';
import { RetentionForm } from './RetentionForm';
import { TextActionForm } from './TextActionForm';

export interface SignalActionsProps {
  readonly detail: SignalDetailDto;
  readonly busy: boolean;
  /** Resolves true when the action was taken, so the open form can close. */
  readonly onAct: (request: SignalActionRequest) => Promise<boolean>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS }
});

/** Workflow steps that have no action type of their own (acknowledge, forward and close do). */
const GENERIC_TRANSITIONS = ['start', 'resume', 'reopen'];

/**
 * One button per action the service allows this caller now (`allowedActions`); the browser never
 * decides what a role may do. Acknowledging needs no input; the others open a small form.
 */
export function SignalActions(props: SignalActionsProps): React.ReactElement {
  const { strings } = useDashboard();
  const styles = useStyles();
  const [open, setOpen] = React.useState<SignalActionType | undefined>(undefined);
  const { detail, busy } = props;

  const transitions = SIGNAL_TRANSITIONS.filter(
    (transition) => GENERIC_TRANSITIONS.indexOf(transition.action) >= 0 && transition.from.indexOf(detail.status) >= 0
  ).map((transition) => ({ value: transition.action, label: strings.Transitions[transition.action] }));
  const actions = detail.allowedActions.filter((action) => action !== 'transition' || transitions.length > 0);

  if (actions.length === 0) return <p>{strings.NoActions}</p>;

  const submit = (request: SignalActionRequest): void => {
    props.onAct(request).then(
      (done) => {
        if (done) setOpen(undefined);
      },
      // onAct shows its own failures and resolves false; were it to reject, the form stays open the same way.
      () => undefined
    );
  };
  const cancel = (): void => setOpen(undefined);

  const form = ((): React.ReactNode => {
    switch (open) {
      case 'note':
      case 'message':
      case 'assign':
      case 'reveal-reporter':
        return <TextActionForm key={open} type={open} busy={busy} onSubmit={submit} onCancel={cancel} />;
      case 'enrich':
        return <EnrichForm busy={busy} onSubmit={submit} onCancel={cancel} />;
      case 'forward':
        return <ForwardForm busy={busy} onSubmit={submit} onCancel={cancel} />;
      case 'close':
        return (
          <ChoiceActionForm
            type="close"
            choices={CLOSE_OUTCOMES.map((outcome) => ({ value: outcome, label: strings.Outcomes[outcome] }))}
            busy={busy}
            onSubmit={submit}
            onCancel={cancel}
          />
        );
      case 'transition':
        return <ChoiceActionForm type="transition" choices={transitions} busy={busy} onSubmit={submit} onCancel={cancel} />;
      case 'extend-retention':
        return <RetentionForm currentUntil={detail.retentionUntil} busy={busy} onSubmit={submit} onCancel={cancel} />;
      default:
        return null;
    }
  })();

  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        {actions.map((action) => (
          <Button
            key={action}
            appearance={action === 'acknowledge' ? 'primary' : 'secondary'}
            disabled={busy}
            aria-expanded={action === 'acknowledge' ? undefined : open === action}
            onClick={() => (action === 'acknowledge' ? submit({ type: 'acknowledge' }) : setOpen(open === action ? undefined : action))}
          >
            {strings.Actions[action]}
          </Button>
        ))}
      </div>
      {form}
    </div>
  );
}
