import * as React from 'react';
import {
  Button,
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
import type { MunicipalityResultsDto } from '@weerbaar/shared';
import type { MunicipalityRoundsClient, RoundsClient } from '../../../services/RoundsClients';
import { CompareRounds } from './CompareRounds';
import { DistrictRounds } from './DistrictRounds';
import { LoadedView, Notice, downloadHtml, messageOf, useLoad } from './common';
import { useParts } from './PartsContext';
import { reportFileName, roundPeriod, roundState, roundType, submissionSummary } from './roundText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS }
});

export interface MetingenProps {
  readonly client: RoundsClient;
  /** The municipality's name, for the report's file name (secretary view). */
  readonly municipalityName?: string;
}

/** The measurement rounds: the secretary's own municipality, or all of Twente for the district roles. */
export function Metingen(props: MetingenProps): React.ReactElement {
  const styles = useStyles();
  const { strings } = useParts();
  return (
    <section className={styles.root} aria-labelledby="metingen-heading">
      <Title2 as="h2" id="metingen-heading">
        {strings.RoundsHeading}
      </Title2>
      <Text>{props.client.kind === 'municipality' ? strings.RoundsIntroMunicipality : strings.RoundsIntroDistrict}</Text>
      {props.client.kind === 'municipality' ? (
        <MunicipalityRounds client={props.client} municipalityName={props.municipalityName} />
      ) : (
        <DistrictRounds client={props.client} />
      )}
    </section>
  );
}

function MunicipalityRounds(props: { client: MunicipalityRoundsClient; municipalityName: string | undefined }): React.ReactElement {
  const styles = useStyles();
  const { strings, language } = useParts();
  const [loaded, reload] = useLoad(React.useCallback(() => props.client.results(), [props.client]));
  const [notice, setNotice] = React.useState<{ intent: 'success' | 'error'; text: string } | undefined>(undefined);
  const [busy, setBusy] = React.useState(false);

  const submit = (roundId: string): void => {
    setBusy(true);
    setNotice(undefined);
    props.client.submitFromChecklist(roundId).then(
      () => {
        setBusy(false);
        setNotice({ intent: 'success', text: strings.SubmitDone });
        reload();
      },
      (reason: unknown) => {
        setBusy(false);
        setNotice({ intent: 'error', text: messageOf(reason) });
      }
    );
  };
  const download = (results: MunicipalityResultsDto, roundId: string): void => {
    const round = results.rounds.find((r) => r.round.id === roundId)?.round;
    if (!round) return;
    props.client.reportHtml(roundId).then(
      (html) => downloadHtml(html, reportFileName(props.municipalityName ?? results.municipalityCode, round)),
      (reason: unknown) => setNotice({ intent: 'error', text: messageOf(reason) })
    );
  };

  return (
    <>
      <Notice notice={notice} />
      <LoadedView loaded={loaded} reload={reload}>
        {(results) =>
          results.rounds.length === 0 ? (
            <Text>{strings.NoRounds}</Text>
          ) : (
            <>
              <Table size="small" aria-labelledby="metingen-heading" data-testid="municipality-rounds">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{strings.ColumnRound}</TableHeaderCell>
                    <TableHeaderCell>{strings.ColumnType}</TableHeaderCell>
                    <TableHeaderCell>{strings.ColumnPeriod}</TableHeaderCell>
                    <TableHeaderCell>{strings.ColumnState}</TableHeaderCell>
                    <TableHeaderCell>{strings.ColumnSubmission}</TableHeaderCell>
                    <TableHeaderCell>{strings.ColumnOpen}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {results.rounds.map(({ round, submission }) => (
                    <TableRow key={round.id}>
                      <TableCell>{round.title}</TableCell>
                      <TableCell>{roundType(round, language)}</TableCell>
                      <TableCell>{roundPeriod(round, strings.Locale)}</TableCell>
                      <TableCell>{roundState(round, strings)}</TableCell>
                      <TableCell>{submissionSummary(submission ?? undefined, strings)}</TableCell>
                      <TableCell>
                        <span className={styles.buttons}>
                          {round.status === 'open' && round.type === 'zelfscan' && (
                            <Button appearance="primary" size="small" disabled={busy} onClick={() => submit(round.id)}>
                              {strings.SubmitFromChecklist}
                            </Button>
                          )}
                          {submission && (
                            <Button size="small" onClick={() => download(results, round.id)}>
                              {strings.DownloadReport}
                            </Button>
                          )}
                        </span>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <CompareRounds rounds={results.rounds.map((r) => r.round)} compare={(a, b) => props.client.compare(a, b)} />
            </>
          )
        }
      </LoadedView>
    </>
  );
}
