import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import { ROUND_TYPES, ROUND_TYPE_LABELS, type RoundDto, type RoundType } from '@weerbaar/shared';
import { format } from '../../signaaldashboard/components/format';
import type { DistrictRoundsClient } from '../../../services/RoundsClients';
import { CompareRounds } from './CompareRounds';
import { DistrictLearningBands } from './DistrictLearningBands';
import { LoadedView, Notice, downloadHtml, messageOf, useLoad } from './common';
import { useParts } from './PartsContext';
import { reportFileName, roundPeriod, roundState, roundType, submissionSummary } from './roundText';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM }
});

type NoticeState = { intent: 'success' | 'error'; text: string } | undefined;

/** The district coordinator's and specialist's view at the hub: open, follow and close rounds; the learning bands below. */
export function DistrictRounds(props: { client: DistrictRoundsClient }): React.ReactElement {
  const { strings, language } = useParts();
  const [loaded, reload] = useLoad(React.useCallback(() => props.client.rounds(), [props.client]));
  const [selected, setSelected] = React.useState<string | undefined>(undefined);
  const [notice, setNotice] = React.useState<NoticeState>(undefined);
  return (
    <>
      <OpenRoundForm client={props.client} onOpened={(round) => {
        setNotice({ intent: 'success', text: strings.OpenDone });
        setSelected(round.id);
        reload();
      }} onError={(text) => setNotice({ intent: 'error', text })} />
      <Notice notice={notice} />
      <LoadedView loaded={loaded} reload={reload}>
        {(rounds) =>
          rounds.length === 0 ? (
            <Text>{strings.NoRounds}</Text>
          ) : (
            <>
              <Table size="small" aria-labelledby="metingen-heading" data-testid="district-rounds">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{strings.ColumnRound}</TableHeaderCell>
                    <TableHeaderCell>{strings.ColumnType}</TableHeaderCell>
                    <TableHeaderCell>{strings.ColumnPeriod}</TableHeaderCell>
                    <TableHeaderCell>{strings.ColumnState}</TableHeaderCell>
                    <TableHeaderCell>{strings.ColumnOpen}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rounds.map((round) => (
                    <TableRow key={round.id}>
                      <TableCell>{round.title}</TableCell>
                      <TableCell>{roundType(round, language)}</TableCell>
                      <TableCell>{roundPeriod(round, strings.Locale)}</TableCell>
                      <TableCell>{roundState(round, strings)}</TableCell>
                      <TableCell>
                        <Button size="small" onClick={() => setSelected(round.id)}>
                          {format(strings.ShowResults, round.title)}
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {selected && (
                <RoundResults key={selected} client={props.client} roundId={selected} onClosed={() => {
                  setNotice({ intent: 'success', text: strings.CloseDone });
                  reload();
                }} />
              )}
              <DistrictCompare client={props.client} rounds={rounds} />
            </>
          )
        }
      </LoadedView>
      <DistrictLearningBands client={props.client} />
    </>
  );
}

function OpenRoundForm(props: { client: DistrictRoundsClient; onOpened: (round: RoundDto) => void; onError: (text: string) => void }): React.ReactElement {
  const styles = useStyles();
  const { strings, language } = useParts();
  const [type, setType] = React.useState<RoundType>('zelfscan');
  const [title, setTitle] = React.useState('');
  const [periodStart, setStart] = React.useState('');
  const [periodEnd, setEnd] = React.useState('');
  const open = (): void => {
    props.client.open({ type, title, periodStart, periodEnd }).then((round) => {
      setTitle('');
      props.onOpened(round);
    }, (reason: unknown) => props.onError(messageOf(reason)));
  };
  return (
    <section className={styles.section} aria-labelledby="open-round-heading">
      <Subtitle1 as="h3" id="open-round-heading">
        {strings.OpenRoundHeading}
      </Subtitle1>
      <div className={styles.form}>
        <Field label={strings.RoundType}>
          <Select value={type} onChange={(_e, data) => setType(data.value as RoundType)}>
            {ROUND_TYPES.map((t) => (
              <option key={t} value={t}>
                {ROUND_TYPE_LABELS[t][language]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={strings.RoundTitle}>
          <Input value={title} onChange={(_e, data) => setTitle(data.value)} />
        </Field>
        <Field label={strings.PeriodStart}>
          <Input type="date" value={periodStart} onChange={(_e, data) => setStart(data.value)} />
        </Field>
        <Field label={strings.PeriodEnd}>
          <Input type="date" value={periodEnd} onChange={(_e, data) => setEnd(data.value)} />
        </Field>
        <Button appearance="primary" onClick={open}>
          {strings.OpenRound}
        </Button>
      </div>
    </section>
  );
}

function RoundResults(props: { client: DistrictRoundsClient; roundId: string; onClosed: () => void }): React.ReactElement {
  const styles = useStyles();
  const { strings } = useParts();
  const [loaded, reload] = useLoad(React.useCallback(() => props.client.results(props.roundId), [props.client, props.roundId]));
  const [confirming, setConfirming] = React.useState(false);
  const [notice, setNotice] = React.useState<NoticeState>(undefined);
  const close = (): void => {
    setConfirming(false);
    props.client.close(props.roundId).then(() => {
      reload();
      props.onClosed();
    }, (reason: unknown) => setNotice({ intent: 'error', text: messageOf(reason) }));
  };
  return (
    <LoadedView loaded={loaded} reload={reload}>
      {(results) => (
        <section className={styles.section} aria-labelledby="round-results-heading">
          <Subtitle1 as="h3" id="round-results-heading">
            {format(strings.ResultsHeading, results.round.title)}
          </Subtitle1>
          <Text role="status">
            {format(strings.SubmissionsCount, results.municipalities.filter((m) => m.submission).length, results.municipalities.length)}
          </Text>
          <Notice notice={notice} />
          <Table size="small" aria-labelledby="round-results-heading" data-testid="round-results">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{strings.ColumnMunicipality}</TableHeaderCell>
                <TableHeaderCell>{strings.ColumnSubmission}</TableHeaderCell>
                <TableHeaderCell>{strings.ColumnOpen}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {results.municipalities.map((m) => (
                <TableRow key={m.code}>
                  <TableCell>{m.name}</TableCell>
                  <TableCell>{submissionSummary(m.submission ?? undefined, strings)}</TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => {
                      props.client.reportHtml(results.round.id, m.code).then(
                        (html) => downloadHtml(html, reportFileName(m.name, results.round)),
                        (reason: unknown) => setNotice({ intent: 'error', text: messageOf(reason) })
                      );
                    }}>
                      {strings.DownloadReport}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {results.round.status === 'open' && (
            <div>
              <Button appearance="primary" onClick={() => setConfirming(true)}>
                {strings.CloseRound}
              </Button>
            </div>
          )}
          <Dialog open={confirming} modalType="alert" onOpenChange={(_e, data) => setConfirming(data.open)}>
            <DialogSurface>
              <DialogBody>
                <DialogTitle>{strings.CloseRound}</DialogTitle>
                <DialogContent>{strings.CloseConfirm}</DialogContent>
                <DialogActions>
                  <Button appearance="primary" onClick={close}>
                    {strings.CloseRound}
                  </Button>
                  <Button onClick={() => setConfirming(false)}>{strings.Cancel}</Button>
                </DialogActions>
              </DialogBody>
            </DialogSurface>
          </Dialog>
        </section>
      )}
    </LoadedView>
  );
}

/** Comparison needs a municipality at the hub; the list comes from the newest round's results. */
// eslint-disable-next-line @rushstack/no-new-null -- React's contract: a component renders nothing by returning null
function DistrictCompare(props: { client: DistrictRoundsClient; rounds: readonly RoundDto[] }): React.ReactElement | null {
  const newestRoundId = props.rounds[0]?.id ?? '';
  const [loaded] = useLoad(React.useCallback(() => props.client.results(newestRoundId), [props.client, newestRoundId]));
  if (props.rounds.length < 2 || loaded.state !== 'ready') return null;
  const municipalities = loaded.value.municipalities.map((m) => ({ code: m.code, name: m.name }));
  return <CompareRounds rounds={props.rounds} municipalities={municipalities} compare={(a, b, code) => props.client.compare(a, b, code ?? '')} />;
}
