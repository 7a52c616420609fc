import * as React from 'react';
import { Badge } from '@fluentui/react-components';
import type { AgendaCycleState } from '@weerbaar/shared';

const COLORS: Record<AgendaCycleState, 'success' | 'warning' | 'danger'> = {
  'op-tijd': 'success',
  binnenkort: 'warning',
  'te-laat': 'danger'
};

/** The state of a department's cycle, in words and colour (the words carry it; colour only helps). */
export function StateBadge(props: { readonly state: AgendaCycleState; readonly strings: IAfdelingsagendaWebPartStrings }): React.ReactElement {
  return (
    <Badge appearance="tint" color={COLORS[props.state]} data-state={props.state}>
      {props.strings.States[props.state]}
    </Badge>
  );
}
