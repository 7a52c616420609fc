import * as React from 'react';
import { Body1, Subtitle1, Title2, makeStyles, tokens } from '@fluentui/react-components';

export interface ISignaaldashboardProps {
  readonly heading: string;
  readonly emptyStateTitle: string;
  readonly emptyStateDescription: string;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1
  },
  emptyState: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXXL,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    textAlign: 'center'
  }
});

/**
 * The signal dashboard. No signals are fetched yet, so it shows its heading and an empty state; the
 * empty state is a live status region so screen readers announce it when the dashboard appears.
 */
export function Signaaldashboard(props: ISignaaldashboardProps): React.ReactElement {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={props.heading}>
      <Title2 as="h2">{props.heading}</Title2>
      <div className={styles.emptyState} role="status">
        <Subtitle1 as="h3">{props.emptyStateTitle}</Subtitle1>
        <Body1>{props.emptyStateDescription}</Body1>
      </div>
    </section>
  );
}
