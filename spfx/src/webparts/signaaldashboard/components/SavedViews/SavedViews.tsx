import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useDashboard } from '../DashboardContext';
import { SAVED_VIEW_IDS, type SavedViewId } from '../SignalFilters/filterModel';

export interface SavedViewsProps {
  readonly active: SavedViewId | undefined;
  readonly onSelect: (view: SavedViewId) => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS }
});

/** The saved views as a group of toggle buttons; the one matching the current filters is pressed. */
export function SavedViews(props: SavedViewsProps): React.ReactElement {
  const { strings } = useDashboard();
  const styles = useStyles();
  return (
    <div role="group" aria-label={strings.SavedViewsLabel} className={styles.root}>
      {SAVED_VIEW_IDS.map((view) => (
        <Button
          key={view}
          appearance={props.active === view ? 'primary' : 'secondary'}
          aria-pressed={props.active === view}
          onClick={() => props.onSelect(view)}
        >
          {strings.SavedViews[view]}
        </Button>
      ))}
    </div>
  );
}
