import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import type { AgendaClient, AgendaOverviewDto, AgendaRegistrationResultDto } from '@weerbaar/shared';
import type { OrganisationClient } from '../../../services/OrganisationClients';
import { SignalsApiError } from '../../../services/SignalsApiError';
import { format, formatDay } from '../../signaaldashboard/components/format';
import { DepartmentAdmin } from './DepartmentAdmin';
import { RegisterDiscussion } from './RegisterDiscussion';
import { StateBadge } from './StateBadge';

export interface AfdelingsagendaProps {
  readonly client: AgendaClient;
  readonly strings: IAfdelingsagendaWebPartStrings;
  /** The organisation admin API: with it, an app admin also sees "Afdelingen beheren". */
  readonly organisation?: OrganisationClient;
}

type Loaded = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'not-allowed' } | { state: 'ready'; overview: AgendaOverviewDto };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  secondary: { color: tokens.colorNeutralForeground3 }
});

/**
 * The Afdelingsagenda: per department the last discussion of ondermijning, the due date, the state
 * (op tijd / binnenkort / te laat) and the reminders sent, with registering a discussion by hand for
 * those the service lets record it. The MT contact sees the municipality, a head their own department.
 */
export function Afdelingsagenda(props: AfdelingsagendaProps): React.ReactElement {
  const styles = useStyles();
  const { strings, client } = props;
  const [loaded, setLoaded] = React.useState<Loaded>({ state: 'loading' });
  const [notice, setNotice] = React.useState<string | undefined>(undefined);

  const load = React.useCallback((): void => {
    setLoaded({ state: 'loading' });
    client.overview().then(
      (overview) => setLoaded({ state: 'ready', overview }),
      (reason: unknown) => {
        if (reason instanceof SignalsApiError && (reason.status === 403 || reason.status === 404)) setLoaded({ state: 'not-allowed' });
        else setLoaded({ state: 'failed', message: reason instanceof Error ? reason.message : String(reason) });
      }
    );
  }, [client]);
  React.useEffect(load, [load]);

  // Only the app admin of a municipality maintains its departments; the API decides again on every change.
  const [adminOf, setAdminOf] = React.useState<string | undefined>(undefined);
  const organisation = props.organisation;
  React.useEffect(() => {
    setAdminOf(undefined);
    organisation?.me().then(
      (me) => setAdminOf(me.roles.includes('app-admin') && me.municipalityCode ? me.municipalityCode : undefined),
      () => setAdminOf(undefined)
    );
  }, [organisation]);

  const registered = (result: AgendaRegistrationResultDto): void => {
    setNotice(result.created ? format(strings.Saved, result.department.name) : strings.AlreadySaved);
    setLoaded((current) =>
      current.state === 'ready'
        ? {
            state: 'ready',
            overview: {
              ...current.overview,
              departments: current.overview.departments.map((d) => (d.departmentId === result.department.departmentId ? result.department : d))
            }
          }
        : current
    );
  };

  const day = (value: string | null): string => (value ? formatDay(value, strings.Locale) : strings.Never);

  return (
    <section className={styles.root} aria-labelledby="afdelingsagenda-heading">
      <Title2 as="h2" id="afdelingsagenda-heading">
        {strings.Heading}
      </Title2>
      <Text>{strings.Intro}</Text>
      {loaded.state === 'loading' && <Spinner label={strings.Loading} />}
      {loaded.state === 'failed' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {format(strings.LoadFailed, loaded.message)} <Button onClick={load}>{strings.Retry}</Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {loaded.state === 'not-allowed' && (
        <MessageBar intent="info">
          <MessageBarBody>{strings.NotAllowed}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {loaded.state === 'ready' && loaded.overview.departments.length === 0 && <Text>{strings.NoDepartments}</Text>}
      {loaded.state === 'ready' && loaded.overview.departments.length > 0 && (
        <>
          <Text role="status">
            {format(
              strings.Summary,
              loaded.overview.departments.filter((d) => d.state === 'op-tijd').length,
              loaded.overview.departments.length,
              loaded.overview.departments.filter((d) => d.state === 'binnenkort').length,
              loaded.overview.departments.filter((d) => d.state === 'te-laat').length
            )}
          </Text>
          <Table aria-label={strings.TableCaption} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{strings.ColumnDepartment}</TableHeaderCell>
                <TableHeaderCell>{strings.ColumnHead}</TableHeaderCell>
                <TableHeaderCell>{strings.ColumnLastDiscussion}</TableHeaderCell>
                <TableHeaderCell>{strings.ColumnDueDate}</TableHeaderCell>
                <TableHeaderCell>{strings.ColumnState}</TableHeaderCell>
                <TableHeaderCell>{strings.ColumnNudges}</TableHeaderCell>
                <TableHeaderCell>{strings.ColumnAction}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {loaded.overview.departments.map((department) => (
                <TableRow key={department.departmentId} data-department={department.name}>
                  <TableCell>{department.name}</TableCell>
                  <TableCell>{department.headName ?? department.headUpn ?? strings.NoHead}</TableCell>
                  <TableCell>
                    {day(department.lastDiscussedOn)}
                    {department.plannedOn && <span className={styles.secondary}> ({format(strings.PlannedOn, formatDay(department.plannedOn, strings.Locale))})</span>}
                  </TableCell>
                  <TableCell>{formatDay(department.dueDate, strings.Locale)}</TableCell>
                  <TableCell>
                    <StateBadge state={department.state} strings={strings} />
                  </TableCell>
                  <TableCell>{department.nudgesSent}</TableCell>
                  <TableCell>
                    {department.canRecord && (
                      <RegisterDiscussion client={client} department={department} today={loaded.overview.today} strings={strings} onRegistered={registered} />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {organisation && adminOf && <DepartmentAdmin client={organisation} municipalityCode={adminOf} strings={strings} onChanged={load} />}
    </section>
  );
}
