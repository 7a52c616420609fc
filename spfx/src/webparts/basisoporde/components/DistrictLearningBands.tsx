import * as React from 'react';
import {
  Badge,
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
import type { HubLearningBandDto, HubLearningBandsDto } from '@weerbaar/shared';
import { format, formatDay } from '../../signaaldashboard/components/format';
import type { DistrictRoundsClient } from '../../../services/RoundsClients';
import { SignalsApiError } from '../../../services/SignalsApiError';
import { LoadedView, useLoad } from './common';
import { useParts } from './PartsContext';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  band: { display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS }
});

/**
 * The learning module per municipality at the hub, for the district coordinator and the
 * specialist: the completion band each municipality's instance reported, never people or
 * counts. Other district roles (a DVO member, say) may see the rounds but not this: for
 * them the hub answers 403 and the section stays away instead of showing an error.
 */
// eslint-disable-next-line @rushstack/no-new-null -- React's contract: a component renders nothing by returning null
export function DistrictLearningBands(props: { client: DistrictRoundsClient }): React.ReactElement | null {
  const styles = useStyles();
  const { strings } = useParts();
  const [loaded, reload] = useLoad(
    React.useCallback(
      () =>
        props.client.learningBands().then(
          (dto): HubLearningBandsDto | 'not-allowed' => dto,
          (reason: unknown): 'not-allowed' => {
            if (reason instanceof SignalsApiError && reason.status === 403) return 'not-allowed';
            throw reason;
          }
        ),
      [props.client]
    )
  );
  // Nothing until the answer is in: a heading that then vanishes would only confuse a DVO member.
  if (loaded.state === 'loading' || (loaded.state === 'ready' && loaded.value === 'not-allowed')) return null;
  return (
    <section className={styles.section} aria-labelledby="learning-bands-heading">
      <Subtitle1 as="h3" id="learning-bands-heading">
        {strings.LearningBandsHeading}
      </Subtitle1>
      <LoadedView loaded={loaded} reload={reload}>
        {(bands) =>
          bands === 'not-allowed' ? null : (
            <>
              <Text>{format(strings.LearningBandsIntro, bands.staleAfterDays)}</Text>
              <Table size="small" aria-labelledby="learning-bands-heading" data-testid="learning-bands">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{strings.ColumnMunicipality}</TableHeaderCell>
                    <TableHeaderCell>{strings.ColumnLearningBand}</TableHeaderCell>
                    <TableHeaderCell>{strings.ColumnAsOf}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {bands.municipalities.map((m) => (
                    <TableRow key={m.municipalityCode}>
                      <TableCell>{m.name}</TableCell>
                      <TableCell>
                        <span className={styles.band}>
                          {bandText(m, strings)}
                          {m.stale && (
                            <Badge appearance="tint" color="warning">
                              {strings.LearningStale}
                            </Badge>
                          )}
                        </span>
                      </TableCell>
                      <TableCell>{m.asOf ? formatDay(m.asOf, strings.Locale) : ''}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )
        }
      </LoadedView>
    </section>
  );
}

/** What one municipality's report says: a band, or why there is none. */
function bandText(m: HubLearningBandDto, strings: IBasisOpOrdeStrings): string {
  if (m.recording === null) return strings.LearningNotReported;
  if (!m.recording) return strings.LearningRecordingOff;
  return m.band ? strings.LearningBands[m.band] : strings.LearningTooSmall;
}
