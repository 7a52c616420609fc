import * as React from 'react';
import {
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
import type { TwenteLearningCountDto } from '@weerbaar/shared';
import { format } from '../../signaaldashboard/components/format';
import type { OutcomeClient } from '../../../services/RoundsClients';
import { LoadedView, useLoad } from './common';
import { useParts } from './PartsContext';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS }
});

/**
 * The learning module Twente-wide, for the DVO and the district roles: per threshold ("at
 * least 25% of the staff completed it") how many municipalities reach it, as a count band.
 * The hub sends bands of municipalities only, so no municipality and no person can show here.
 */
export function TwenteBewustwording(props: { client: OutcomeClient }): React.ReactElement {
  const styles = useStyles();
  const { strings, language } = useParts();
  const [loaded, reload] = useLoad(React.useCallback(() => props.client.learningOutcome(), [props.client]));
  const label = (count: TwenteLearningCountDto): string => (language === 'nl' ? count.labelNl : count.labelEn);
  return (
    <section className={styles.root} aria-labelledby="twente-learning-heading">
      <Title2 as="h2" id="twente-learning-heading">
        {strings.LearningOutcomeHeading}
      </Title2>
      <Text>{strings.LearningOutcomeIntro}</Text>
      <LoadedView loaded={loaded} reload={reload}>
        {(outcome) => (
          <>
            <Text data-testid="learning-reporting">{format(strings.LearningReporting, label(outcome.reporting))}</Text>
            <Table size="small" aria-labelledby="twente-learning-heading" data-testid="learning-outcome">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{strings.ColumnLearningThreshold}</TableHeaderCell>
                  <TableHeaderCell>{strings.ColumnLearningMunicipalities}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {outcome.thresholds.map((threshold) => (
                  <TableRow key={threshold.atLeastPercent}>
                    <TableCell>{format(strings.LearningThreshold, threshold.atLeastPercent)}</TableCell>
                    <TableCell>{label(threshold)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </LoadedView>
    </section>
  );
}
