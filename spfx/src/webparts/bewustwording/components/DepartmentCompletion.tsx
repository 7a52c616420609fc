import * as React from 'react';
import {
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
import type { LearningCompletionDto, LearningDepartmentCompletionDto } from '@weerbaar/shared';
import { format, formatDay } from '../../signaaldashboard/components/format';
import { TrendSparkline } from './TrendSparkline';

type Municipality = LearningCompletionDto['municipalities'][number];

export interface DepartmentCompletionProps {
  readonly municipality: Municipality;
  readonly minimumGroupSize: number;
  readonly strings: IBewustwordingWebPartStrings;
}

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  people: { maxWidth: '40rem' }
});

function completedText(department: LearningDepartmentCompletionDto, props: DepartmentCompletionProps): string {
  const { strings } = props;
  if (department.suppressed) return format(strings.Suppressed, props.minimumGroupSize);
  if (!department.members) return strings.NoMembers;
  return format(strings.CompletedOf, department.completed ?? 0, department.members);
}

/** One municipality: a row per department with its share and trend; a head also sees who completed it. */
export function DepartmentCompletion(props: DepartmentCompletionProps): React.ReactElement {
  const styles = useStyles();
  const { strings, municipality } = props;
  const caption = format(strings.DepartmentsCaption, municipality.name);
  const withPeople = municipality.departments.filter((department) => department.people !== undefined);
  return (
    <div className={styles.section}>
      <Table aria-label={caption} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{strings.ColumnDepartment}</TableHeaderCell>
            <TableHeaderCell>{strings.ColumnCompleted}</TableHeaderCell>
            <TableHeaderCell>{strings.ColumnPercentage}</TableHeaderCell>
            <TableHeaderCell>{strings.ColumnTrend}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {municipality.departments.map((department) => (
            <TableRow key={department.departmentId} data-department={department.name}>
              <TableCell>{department.name}</TableCell>
              <TableCell>{completedText(department, props)}</TableCell>
              <TableCell data-role="percentage">{department.percentage === null ? '–' : String(department.percentage) + '%'}</TableCell>
              <TableCell>
                {department.suppressed ? '–' : <TrendSparkline department={department.name} trend={department.trend} strings={strings} />}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {withPeople.map((department) => (
        <div key={department.departmentId} className={styles.people}>
          <Title3 as="h4">{format(strings.PeopleHeading, department.name)}</Title3>
          <Table aria-label={format(strings.PeopleHeading, department.name)} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{strings.ColumnName}</TableHeaderCell>
                <TableHeaderCell>{strings.ColumnCompletedOn}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {(department.people ?? []).map((person) => (
                <TableRow key={person.upn}>
                  <TableCell>{person.displayName}</TableCell>
                  <TableCell>{person.completedOn ? formatDay(person.completedOn, strings.Locale) : strings.NotCompleted}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ))}
    </div>
  );
}
