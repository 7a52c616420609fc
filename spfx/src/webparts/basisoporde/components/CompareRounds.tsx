import * as React from 'react';
import {
  Button,
  Field,
  Select,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import { requirementById, type RoundComparisonDto, type RoundDto } from '@weerbaar/shared';
import { format } from '../../signaaldashboard/components/format';
import { Notice, StatusBadge, messageOf } from './common';
import { useParts } from './PartsContext';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM }
});

export interface CompareRoundsProps {
  readonly rounds: readonly RoundDto[];
  /** District view: the municipality to compare; absent for the secretary (her own). */
  readonly municipalities?: readonly { code: string; name: string }[];
  readonly compare: (a: string, b: string, municipalityCode: string | undefined) => Promise<RoundComparisonDto>;
}

/** Any two rounds side by side, per requirement: better, same, worse. */
// eslint-disable-next-line @rushstack/no-new-null -- React's contract: a component renders nothing by returning null
export function CompareRounds(props: CompareRoundsProps): React.ReactElement | null {
  const styles = useStyles();
  const { strings } = useParts();
  const oldestFirst = [...props.rounds].sort((x, y) => x.openedAt.localeCompare(y.openedAt));
  const [a, setA] = React.useState(oldestFirst[0]?.id ?? '');
  const [b, setB] = React.useState(oldestFirst[oldestFirst.length - 1]?.id ?? '');
  const [municipality, setMunicipality] = React.useState(props.municipalities?.[0]?.code ?? '');
  const [result, setResult] = React.useState<RoundComparisonDto | undefined>(undefined);
  const [error, setError] = React.useState<string | undefined>(undefined);
  if (props.rounds.length < 2) return null;

  const run = (): void => {
    setError(undefined);
    props.compare(a, b, props.municipalities ? municipality : undefined).then(setResult, (reason: unknown) => setError(messageOf(reason)));
  };
  const options = oldestFirst.map((round) => (
    <option key={round.id} value={round.id}>
      {round.title}
    </option>
  ));
  return (
    <section className={styles.root} aria-labelledby="compare-heading">
      <Subtitle1 as="h3" id="compare-heading">
        {strings.CompareHeading}
      </Subtitle1>
      <div className={styles.form}>
        {props.municipalities && (
          <Field label={strings.ColumnMunicipality}>
            <Select value={municipality} onChange={(_e, data) => setMunicipality(data.value)}>
              {props.municipalities.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label={strings.CompareA}>
          <Select value={a} onChange={(_e, data) => setA(data.value)}>
            {options}
          </Select>
        </Field>
        <Field label={strings.CompareB}>
          <Select value={b} onChange={(_e, data) => setB(data.value)}>
            {options}
          </Select>
        </Field>
        <Button onClick={run}>{strings.Compare}</Button>
      </div>
      <Notice notice={error ? { intent: 'error', text: error } : undefined} />
      {result && <ComparisonTable comparison={result} />}
    </section>
  );
}

function ComparisonTable(props: { comparison: RoundComparisonDto }): React.ReactElement {
  const { strings, language } = useParts();
  const { comparison } = props;
  return (
    <Table size="small" aria-label={format(strings.CompareCaption, comparison.a.title, comparison.b.title)} data-testid="round-comparison">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{strings.ColumnRequirement}</TableHeaderCell>
          <TableHeaderCell>{comparison.a.title}</TableHeaderCell>
          <TableHeaderCell>{comparison.b.title}</TableHeaderCell>
          <TableHeaderCell>{strings.Compare}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {comparison.requirements.map((row) => (
          <TableRow key={row.requirementId}>
            <TableCell title={requirementById(row.requirementId).text[language]}>{row.requirementId}</TableCell>
            <TableCell>
              <StatusBadge status={row.a} />
            </TableCell>
            <TableCell>
              <StatusBadge status={row.b} />
            </TableCell>
            <TableCell>{strings.Changes[row.change]}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
