import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useDashboard } from '../DashboardContext';

export interface ActionFormShellProps {
  readonly title: string;
  readonly busy: boolean;
  /** Returns false when a field is invalid; the form then stays open with the field's message. */
  readonly onSubmit: () => boolean | void;
  readonly onCancel: () => void;
  readonly children: React.ReactNode;
}

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS }
});

/** The frame every action form shares: a named group, its fields, and save / cancel. */
export function ActionFormShell(props: ActionFormShellProps): React.ReactElement {
  const { strings } = useDashboard();
  const styles = useStyles();
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <fieldset className={styles.form} disabled={props.busy}>
        <legend className={styles.legend}>{props.title}</legend>
        {props.children}
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabled={props.busy}>
            {strings.Submit}
          </Button>
          <Button type="button" onClick={props.onCancel} disabled={props.busy}>
            {strings.Cancel}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}

/** A required text value, trimmed; undefined when empty. */
export function required(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
