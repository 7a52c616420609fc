import * as React from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import type { DepartmentChange, OrganisationClient, OrganisationDepartment } from '../../../services/OrganisationClients';
import { SignalsApiError } from '../../../services/SignalsApiError';
import { format } from '../../signaaldashboard/components/format';

export interface DepartmentAdminProps {
  readonly client: OrganisationClient;
  readonly municipalityCode: string;
  readonly strings: IAfdelingsagendaWebPartStrings;
  /** After every change, so the agenda above shows the departments as they now are. */
  readonly onChanged: () => void;
}

type Problem = { message: string; conflict: boolean };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS }
});

/**
 * "Afdelingen beheren": the app admin adds a department with head and deputy head, changes them, or
 * removes one, through the organisation admin API. A change made with an outdated eTag (412) asks to reload.
 */
export function DepartmentAdmin(props: DepartmentAdminProps): React.ReactElement {
  const styles = useStyles();
  const { client, municipalityCode, strings } = props;
  const [departments, setDepartments] = React.useState<readonly OrganisationDepartment[] | undefined>(undefined);
  const [problem, setProblem] = React.useState<Problem | undefined>(undefined);
  const [name, setName] = React.useState('');
  const [head, setHead] = React.useState('');
  const [deputy, setDeputy] = React.useState('');
  const [busy, setBusy] = React.useState(false);

  const reload = React.useCallback((): void => {
    setProblem(undefined);
    client.departments(municipalityCode).then(setDepartments, (reason: unknown) => setProblem(problemOf(reason, strings)));
  }, [client, municipalityCode, strings]);
  React.useEffect(reload, [reload]);

  const run = (action: Promise<unknown>): void => {
    setBusy(true);
    setProblem(undefined);
    action.then(
      () => {
        setBusy(false);
        reload();
        props.onChanged();
      },
      (reason: unknown) => {
        setBusy(false);
        setProblem(problemOf(reason, strings));
      }
    );
  };

  const add = (event: React.FormEvent): void => {
    event.preventDefault();
    run(
      client
        .addDepartment(municipalityCode, {
          name: name.trim(),
          ...(head.trim() ? { headUpn: head.trim() } : {}),
          ...(deputy.trim() ? { deputyHeadUpn: deputy.trim() } : {})
        })
        .then(() => {
          setName('');
          setHead('');
          setDeputy('');
        })
    );
  };

  return (
    <section className={styles.root} aria-labelledby="afdelingen-beheren-heading">
      <Title3 as="h3" id="afdelingen-beheren-heading">
        {strings.AdminHeading}
      </Title3>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {problem.message} {problem.conflict && <Button onClick={reload}>{strings.AdminReload}</Button>}
          </MessageBarBody>
        </MessageBar>
      )}
      <form className={styles.form} onSubmit={add} aria-label={strings.AdminAddHeading}>
        <Field label={strings.AdminName} required>
          <Input name="name" value={name} onChange={(_e, data) => setName(data.value)} required />
        </Field>
        <Field label={strings.AdminHeadUpn}>
          <Input name="headUpn" type="email" value={head} onChange={(_e, data) => setHead(data.value)} />
        </Field>
        <Field label={strings.AdminDeputyUpn}>
          <Input name="deputyHeadUpn" type="email" value={deputy} onChange={(_e, data) => setDeputy(data.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy || name.trim() === ''}>
          {strings.AdminAdd}
        </Button>
      </form>
      {departments === undefined && !problem && <Spinner label={strings.Loading} />}
      {departments !== undefined && (
        <Table aria-label={strings.AdminHeading} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{strings.ColumnDepartment}</TableHeaderCell>
              <TableHeaderCell>{strings.AdminHeadUpn}</TableHeaderCell>
              <TableHeaderCell>{strings.AdminDeputyUpn}</TableHeaderCell>
              <TableHeaderCell>{strings.ColumnAction}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {departments.map((department) => (
              <DepartmentRow
                key={department.id + department.etag}
                department={department}
                busy={busy}
                strings={strings}
                onSave={(change) => run(client.changeDepartment(municipalityCode, department, change))}
                onRemove={() => run(client.removeDepartment(municipalityCode, department))}
              />
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

interface DepartmentRowProps {
  readonly department: OrganisationDepartment;
  readonly busy: boolean;
  readonly strings: IAfdelingsagendaWebPartStrings;
  readonly onSave: (change: Required<Pick<DepartmentChange, 'headUpn' | 'deputyHeadUpn'>>) => void;
  readonly onRemove: () => void;
}

/** One department: head and deputy head editable in place; empty clears them. */
function DepartmentRow(props: DepartmentRowProps): React.ReactElement {
  const styles = useStyles();
  const { department, strings } = props;
  const [head, setHead] = React.useState(department.HeadUpn ?? '');
  const [deputy, setDeputy] = React.useState(department.DeputyHeadUpn ?? '');
  const changed = head.trim() !== (department.HeadUpn ?? '') || deputy.trim() !== (department.DeputyHeadUpn ?? '');
  return (
    <TableRow data-department={department.Title}>
      <TableCell>{department.Title}</TableCell>
      <TableCell>
        <Input type="email" value={head} aria-label={format(strings.AdminHeadOf, department.Title)} onChange={(_e, data) => setHead(data.value)} />
      </TableCell>
      <TableCell>
        <Input type="email" value={deputy} aria-label={format(strings.AdminDeputyOf, department.Title)} onChange={(_e, data) => setDeputy(data.value)} />
      </TableCell>
      <TableCell>
        <div className={styles.actions}>
          <Button
            size="small"
            disabled={props.busy || !changed}
            aria-label={format(strings.AdminSaveFor, department.Title)}
            onClick={() => props.onSave({ headUpn: head.trim() || null, deputyHeadUpn: deputy.trim() || null })}
          >
            {strings.Save}
          </Button>
          <Button
            size="small"
            disabled={props.busy}
            aria-label={format(strings.AdminRemoveFor, department.Title)}
            onClick={() => {
              if (window.confirm(format(strings.AdminRemoveConfirm, department.Title))) props.onRemove();
            }}
          >
            {strings.AdminRemove}
          </Button>
        </div>
      </TableCell>
    </TableRow>
  );
}

function problemOf(reason: unknown, strings: IAfdelingsagendaWebPartStrings): Problem {
  if (reason instanceof SignalsApiError && reason.isConflict) return { message: strings.AdminConflict, conflict: true };
  return { message: format(strings.AdminFailed, reason instanceof Error ? reason.message : String(reason)), conflict: false };
}
