import * as React from 'react';
import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { CATEGORY_IDS, SIGNAL_STATUSES, type CategoryId, type SignalStatus } from '@weerbaar/shared';
import { useDashboard } from '../DashboardContext';
import type { SignalFilterState } from './filterModel';

export interface SignalFiltersProps {
  readonly filters: SignalFilterState;
  readonly onChange: (filters: SignalFilterState) => void;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    border: 'none',
    padding: 0,
    margin: 0
  },
  legend: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  field: { minWidth: '10rem' }
});

const OVERDUE_VALUES = ['acknowledgement', 'feedback'] as const;

function optional<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).indexOf(value) >= 0 ? (value as T) : undefined;
}

/** Status, category, period and overdue filters. Native selects keep the first view light and accessible. */
export function SignalFilters(props: SignalFiltersProps): React.ReactElement {
  const { strings } = useDashboard();
  const styles = useStyles();
  const { filters, onChange } = props;
  const set = (patch: Partial<SignalFilterState>): void => onChange({ ...filters, ...patch });
  const isFiltered = Object.keys(filters).some((key) => filters[key as keyof SignalFilterState] !== undefined);

  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>{strings.FiltersLabel}</legend>
      <Field label={strings.FilterStatus} className={styles.field}>
        <Select value={filters.status ?? ''} onChange={(_e, data) => set({ status: optional<SignalStatus>(data.value, SIGNAL_STATUSES) })}>
          <option value="">{strings.AnyOption}</option>
          {SIGNAL_STATUSES.map((status) => (
            <option key={status} value={status}>
              {strings.Statuses[status]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.FilterCategory} className={styles.field}>
        <Select value={filters.category ?? ''} onChange={(_e, data) => set({ category: optional<CategoryId>(data.value, CATEGORY_IDS) })}>
          <option value="">{strings.AnyOption}</option>
          {CATEGORY_IDS.map((category) => (
            <option key={category} value={category}>
              {strings.Categories[category]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.FilterFrom}>
        <Input type="date" value={filters.from ?? ''} onChange={(_e, data) => set({ from: data.value || undefined })} />
      </Field>
      <Field label={strings.FilterTo}>
        <Input type="date" value={filters.to ?? ''} onChange={(_e, data) => set({ to: data.value || undefined })} />
      </Field>
      <Field label={strings.FilterOverdue} className={styles.field}>
        <Select value={filters.overdue ?? ''} onChange={(_e, data) => set({ overdue: optional(data.value, OVERDUE_VALUES) })}>
          <option value="">{strings.AnyOption}</option>
          {OVERDUE_VALUES.map((overdue) => (
            <option key={overdue} value={overdue}>
              {strings.OverdueOptions[overdue]}
            </option>
          ))}
        </Select>
      </Field>
      <Button appearance="subtle" disabled={!isFiltered} onClick={() => onChange({})}>
        {strings.ClearFilters}
      </Button>
    </fieldset>
  );
}
