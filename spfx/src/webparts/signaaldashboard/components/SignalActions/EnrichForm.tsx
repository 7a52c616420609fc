import * as React from 'react';
import { Field, Input, Select } from '@fluentui/react-components';
import type { EnrichmentLink, SignalActionRequest } from '@weerbaar/shared';
import { useDashboard } from '../DashboardContext';
import { ActionFormShell, required } from './ActionFormShell';

export interface EnrichFormProps {
  readonly busy: boolean;
  readonly onSubmit: (request: SignalActionRequest) => void;
  readonly onCancel: () => void;
}

const LINK_TYPES = ['bag', 'kvk', 'internal', 'external'] as const;
type LinkType = (typeof LINK_TYPES)[number];

/**
 * A typed link to a register or source. The same rules as the service (16-digit BAG id, 8-digit KvK
 * number) are checked here first, so a typo is caught at the field instead of as an API error.
 */
export function EnrichForm(props: EnrichFormProps): React.ReactElement {
  const { strings } = useDashboard();
  const [type, setType] = React.useState<LinkType>('bag');
  const [first, setFirst] = React.useState('');
  const [second, setSecond] = React.useState('');
  const [errors, setErrors] = React.useState<{ first?: string; second?: string }>({});

  const build = (): EnrichmentLink | undefined => {
    const a = required(first);
    const b = required(second);
    if (type === 'bag') {
      if (!a || !/^\d{16}$/.test(a)) {
        setErrors({ first: strings.InvalidBag });
        return undefined;
      }
      return { type, id: a };
    }
    if (type === 'kvk') {
      if (!a || !/^\d{8}$/.test(a)) {
        setErrors({ first: strings.InvalidKvk });
        return undefined;
      }
      return { type, number: a };
    }
    if (!a || !b) {
      setErrors({ first: a ? undefined : strings.Required, second: b ? undefined : strings.Required });
      return undefined;
    }
    return type === 'internal' ? { type, system: a, reference: b } : { type, organisation: a, reference: b };
  };

  const submit = (): boolean => {
    const link = build();
    if (!link) return false;
    setErrors({});
    props.onSubmit({ type: 'enrich', link });
    return true;
  };

  const firstLabel = { bag: strings.FieldBagId, kvk: strings.FieldKvkNumber, internal: strings.FieldSystem, external: strings.FieldOrganisation }[type];
  return (
    <ActionFormShell title={strings.Actions.enrich} busy={props.busy} onSubmit={submit} onCancel={props.onCancel}>
      <Field label={strings.FieldEnrichType}>
        <Select
          value={type}
          onChange={(_e, data) => {
            setType((LINK_TYPES as readonly string[]).indexOf(data.value) >= 0 ? (data.value as LinkType) : 'bag');
            setErrors({});
          }}
        >
          {LINK_TYPES.map((linkType) => (
            <option key={linkType} value={linkType}>
              {strings.EnrichmentTypes[linkType]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={firstLabel} required validationMessage={errors.first}>
        <Input
          value={first}
          inputMode={type === 'bag' || type === 'kvk' ? 'numeric' : undefined}
          onChange={(_e, data) => setFirst(data.value)}
        />
      </Field>
      {(type === 'internal' || type === 'external') && (
        <Field label={strings.FieldReference} required validationMessage={errors.second}>
          <Input value={second} onChange={(_e, data) => setSecond(data.value)} />
        </Field>
      )}
    </ActionFormShell>
  );
}
