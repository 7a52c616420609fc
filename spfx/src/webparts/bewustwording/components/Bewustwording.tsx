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
  Title3,
  makeStyles,
  tokens
} from '@fluentui/react-components';
import type { LearningBandsDto, LearningClient, LearningCompletionDto } from '@weerbaar/shared';
import { SignalsApiError } from '../../../services/SignalsApiError';
import { format } from '../../signaaldashboard/components/format';
import { DepartmentCompletion } from './DepartmentCompletion';

export interface BewustwordingProps {
  readonly client: LearningClient;
  readonly strings: IBewustwordingWebPartStrings;
}

type Loaded =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; completion: LearningCompletionDto | 'not-allowed'; bands: LearningBandsDto | undefined };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalM },
  municipality: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS }
});

function isForbidden(reason: unknown): boolean {
  return reason instanceof SignalsApiError && (reason.status === 403 || reason.status === 404);
}

/**
 * The Bewustwording view: completion of the learning module per department and its trend, as the
 * service lets the signed-in person see it, and the Twente-wide bands for those allowed to see them.
 */
export function Bewustwording(props: BewustwordingProps): React.ReactElement {
  const styles = useStyles();
  const { strings, client } = props;
  const [loaded, setLoaded] = React.useState<Loaded>({ state: 'loading' });

  const load = React.useCallback((): void => {
    setLoaded({ state: 'loading' });
    const completion = client.completion().then(
      (dto): LearningCompletionDto | 'not-allowed' => dto,
      (reason: unknown): 'not-allowed' => {
        if (isForbidden(reason)) return 'not-allowed';
        throw reason;
      }
    );
    // The bands are for a few roles only; anyone else simply does not see that section.
    const bands = client.bands().then(
      (dto): LearningBandsDto | undefined => dto,
      (reason: unknown): undefined => {
        if (isForbidden(reason)) return undefined;
        throw reason;
      }
    );
    Promise.all([completion, bands]).then(
      ([completionDto, bandsDto]) => setLoaded({ state: 'ready', completion: completionDto, bands: bandsDto }),
      (reason: unknown) => setLoaded({ state: 'failed', message: reason instanceof Error ? reason.message : String(reason) })
    );
  }, [client]);

  React.useEffect(load, [load]);

  return (
    <section className={styles.root} aria-labelledby="bewustwording-heading">
      <Title2 as="h2" id="bewustwording-heading">
        {strings.Heading}
      </Title2>
      <Text>{format(strings.Intro, loaded.state === 'ready' && loaded.completion !== 'not-allowed' ? loaded.completion.windowMonths : 12)}</Text>
      {loaded.state === 'loading' && <Spinner label={strings.Loading} />}
      {loaded.state === 'failed' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            {format(strings.LoadFailed, loaded.message)} <Button onClick={load}>{strings.Retry}</Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {loaded.state === 'ready' && loaded.completion === 'not-allowed' && !loaded.bands && (
        <MessageBar intent="info">
          <MessageBarBody>{strings.NotAllowed}</MessageBarBody>
        </MessageBar>
      )}
      {loaded.state === 'ready' &&
        loaded.completion !== 'not-allowed' &&
        loaded.completion.municipalities.map((municipality) => (
          <div key={municipality.municipalityCode} className={styles.municipality}>
            <Title3 as="h3">{municipality.name}</Title3>
            {!municipality.recording ? (
              <MessageBar intent="info">
                <MessageBarBody>{strings.RecordingOff}</MessageBarBody>
              </MessageBar>
            ) : municipality.departments.length === 0 ? (
              <Text>{strings.NoDepartments}</Text>
            ) : (
              <DepartmentCompletion
                municipality={municipality}
                minimumGroupSize={loaded.completion === 'not-allowed' ? 5 : loaded.completion.minimumGroupSize}
                strings={strings}
              />
            )}
          </div>
        ))}
      {loaded.state === 'ready' && loaded.bands && (
        <div className={styles.municipality}>
          <Title3 as="h3">{strings.BandsHeading}</Title3>
          <Text>{strings.BandsIntro}</Text>
          <Table aria-label={strings.BandsHeading} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{strings.ColumnMunicipality}</TableHeaderCell>
                <TableHeaderCell>{strings.ColumnBand}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {loaded.bands.municipalities.map((row) => (
                <TableRow key={row.municipalityCode}>
                  <TableCell>{row.name}</TableCell>
                  <TableCell>{row.band ? strings.Bands[row.band] : strings.BandUnknown}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
