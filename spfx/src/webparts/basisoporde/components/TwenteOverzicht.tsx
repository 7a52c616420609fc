import * as React from 'react';
import {
  Badge,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle1,
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
import { THEMES, requirementById, type TwenteOutcomeDto } from '@weerbaar/shared';
import type { OutcomeClient } from '../../../services/RoundsClients';
import { LoadedView, useLoad } from './common';
import { useParts } from './PartsContext';
import { TwenteBewustwording } from './TwenteBewustwording';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXL },
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  id: { width: '4rem' }
});

/**
 * The Twente-wide outcome of a closed round, for the DVO and the district roles: per
 * requirement the band of how many municipalities meet it, and whether Twente as a whole
 * has the basis op orde; below it the learning module Twente-wide. The hub sends bands
 * only, so there is nothing else to show.
 */
export function TwenteOverzicht(props: { client: OutcomeClient }): React.ReactElement {
  const styles = useStyles();
  const { strings } = useParts();
  const [loaded, reload] = useLoad(
    React.useCallback(async () => (await props.client.rounds()).filter((round) => round.status === 'closed'), [props.client])
  );
  const [roundId, setRoundId] = React.useState<string | undefined>(undefined);
  return (
    <div className={styles.page}>
      <section className={styles.root} aria-labelledby="twente-heading">
        <Title2 as="h2" id="twente-heading">
          {strings.OutcomeHeading}
        </Title2>
        <Text>{strings.OutcomeIntro}</Text>
        <LoadedView loaded={loaded} reload={reload}>
          {(closed) => {
            if (closed.length === 0) return <Text>{strings.NoClosedRounds}</Text>;
            const current = roundId ?? closed[0]!.id;
            return (
              <>
                <Field label={strings.OutcomeRound}>
                  <Select value={current} onChange={(_e, data) => setRoundId(data.value)}>
                    {closed.map((round) => (
                      <option key={round.id} value={round.id}>
                        {round.title}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Outcome key={current} client={props.client} roundId={current} />
              </>
            );
          }}
        </LoadedView>
      </section>
      <TwenteBewustwording client={props.client} />
    </div>
  );
}

function Outcome(props: { client: OutcomeClient; roundId: string }): React.ReactElement {
  const { strings } = useParts();
  const [loaded, reload] = useLoad(React.useCallback(() => props.client.outcome(props.roundId), [props.client, props.roundId]));
  return (
    <LoadedView loaded={loaded} reload={reload}>
      {(outcome) => (
        <>
          <MessageBar intent={outcome.basisOpOrde ? 'success' : 'warning'} role="status">
            <MessageBarBody>{outcome.basisOpOrde ? strings.BasisOpOrdeYes : strings.BasisOpOrdeNo}</MessageBarBody>
          </MessageBar>
          {THEMES.map((theme) => (
            <ThemeOutcome key={theme.id} themeId={theme.id} outcome={outcome} />
          ))}
        </>
      )}
    </LoadedView>
  );
}

function ThemeOutcome(props: { themeId: number; outcome: TwenteOutcomeDto }): React.ReactElement {
  const styles = useStyles();
  const { strings, language } = useParts();
  const theme = THEMES.find((t) => t.id === props.themeId)!;
  const rows = props.outcome.requirements.filter((r) => requirementById(r.requirementId).themeId === props.themeId);
  const headingId = `twente-theme-${theme.id}`;
  return (
    <section aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId}>
        {`${theme.id}. ${theme.title[language]}`}
      </Subtitle1>
      <Table size="small" aria-labelledby={headingId} data-testid={`outcome-theme-${theme.id}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.id}>{strings.ColumnRequirement}</TableHeaderCell>
            <TableHeaderCell>{strings.ColumnDescription}</TableHeaderCell>
            <TableHeaderCell>{strings.ColumnBand}</TableHeaderCell>
            <TableHeaderCell>{strings.ColumnMet}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.requirementId}>
              <TableCell>{row.requirementId}</TableCell>
              <TableCell>{requirementById(row.requirementId).text[language]}</TableCell>
              <TableCell>{language === 'nl' ? row.labelNl : row.labelEn}</TableCell>
              <TableCell>
                <Badge appearance="tint" color={row.met ? 'success' : 'informative'}>
                  {row.met ? strings.Yes : strings.No}
                </Badge>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
