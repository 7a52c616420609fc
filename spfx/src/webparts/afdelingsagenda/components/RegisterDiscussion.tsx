import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import type { AgendaClient, AgendaDepartmentDto, AgendaRegistrationKind, AgendaRegistrationResultDto } from '@weerbaar/shared';
import { SignalsApiError } from '../../../services/SignalsApiError';
import { format } from '../../signaaldashboard/components/format';

export interface RegisterDiscussionProps {
  readonly client: AgendaClient;
  readonly department: AgendaDepartmentDto;
  /** Today in the municipality (yyyy-mm-dd), as the service sees it. */
  readonly today: string;
  readonly strings: IAfdelingsagendaWebPartStrings;
  readonly onRegistered: (result: AgendaRegistrationResultDto) => void;
}

const NOTES_MAX = 500;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM }
});

/** A key per opened form: pressing Save twice (or a retry after a lost answer) records once. */
function newSubmissionKey(): string {
  return 'wp-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
}

/** Registering a held (or planned) discussion by hand, for those the service lets record it. */
export function RegisterDiscussion(props: RegisterDiscussionProps): React.ReactElement {
  const styles = useStyles();
  const { strings, department } = props;
  const [open, setOpen] = React.useState(false);
  const [kind, setKind] = React.useState<AgendaRegistrationKind>('besproken');
  const [date, setDate] = React.useState(props.today);
  const [notes, setNotes] = React.useState('');
  const [attendees, setAttendees] = React.useState('');
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<{ message: string; field: string | undefined } | undefined>(undefined);
  const [submissionKey, setSubmissionKey] = React.useState(newSubmissionKey);

  const reset = (): void => {
    setKind('besproken');
    setDate(props.today);
    setNotes('');
    setAttendees('');
    setError(undefined);
    setSubmissionKey(newSubmissionKey());
  };

  const save = (event: React.FormEvent): void => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    props.client
      .register(department.departmentId, {
        kind,
        date,
        ...(notes.trim() !== '' ? { notes: notes.trim() } : {}),
        ...(attendees.trim() !== '' ? { attendees: Number(attendees) } : {}),
        idempotencyKey: submissionKey
      })
      .then(
        (result) => {
          setSaving(false);
          setOpen(false);
          reset();
          props.onRegistered(result);
        },
        (reason: unknown) => {
          setSaving(false);
          const message = reason instanceof Error ? reason.message : String(reason);
          setError({ message: format(strings.SaveFailed, message), field: reason instanceof SignalsApiError ? reason.field : undefined });
        }
      );
  };

  const fieldError = (field: string): string | undefined => (error?.field === field ? error.message : undefined);

  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" aria-label={format(strings.RegisterFor, department.name)}>
          {strings.Register}
        </Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={save}>
          <DialogBody>
            <DialogTitle>{format(strings.RegisterTitle, department.name)}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label={strings.KindLabel} required>
                <RadioGroup value={kind} onChange={(_e, data) => setKind(data.value === 'gepland' ? 'gepland' : 'besproken')}>
                  <Radio value="besproken" label={strings.KindDiscussed} />
                  <Radio value="gepland" label={strings.KindPlanned} />
                </RadioGroup>
              </Field>
              <Field
                label={strings.DateLabel}
                required
                hint={kind === 'besproken' ? strings.DateHintDiscussed : strings.DateHintPlanned}
                validationMessage={fieldError('date')}
              >
                <Input
                  type="date"
                  name="date"
                  value={date}
                  onChange={(_e, data) => setDate(data.value)}
                  {...(kind === 'besproken' ? { max: props.today } : { min: props.today })}
                  required
                />
              </Field>
              <Field label={strings.NotesLabel} hint={strings.NotesHint} validationMessage={fieldError('notes')}>
                <Textarea name="notes" value={notes} maxLength={NOTES_MAX} onChange={(_e, data) => setNotes(data.value)} />
              </Field>
              <Field label={strings.AttendeesLabel} validationMessage={fieldError('attendees')}>
                <Input type="number" name="attendees" min={1} max={1000} value={attendees} onChange={(_e, data) => setAttendees(data.value)} />
              </Field>
              {error && error.field === undefined && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{error.message}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={saving || date === ''}>
                {saving ? strings.Saving : strings.Save}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button type="button" onClick={reset}>
                  {strings.Cancel}
                </Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
