import * as React from 'react';
import { Field, Select } from '@fluentui/react-components';
import { ROLE_LABELS, isRoleId } from '@weerbaar/shared';
import type { WorkbenchInstance, WorkbenchPerson } from './hubApi';
import type { WorkbenchLanguage, WorkbenchStrings } from './workbenchStrings';

export interface IdentitySwitcherProps {
  readonly people: readonly WorkbenchPerson[];
  readonly instances: readonly WorkbenchInstance[];
  readonly selectedUpn: string | undefined;
  readonly language: WorkbenchLanguage;
  readonly strings: WorkbenchStrings;
  readonly onSelect: (upn: string) => void;
  /** When set, the people without a municipality come first, under this label (they sign in at the hub). */
  readonly districtLabel?: string | undefined;
}

function roleText(roles: readonly string[], language: WorkbenchLanguage): string {
  return roles
    .filter((role) => role !== 'employee' || roles.length === 1)
    .map((role) => (isRoleId(role) ? ROLE_LABELS[role][language] : role))
    .join(', ');
}

/** The seeded people of every running instance, grouped by municipality, to sign in as. */
export function IdentitySwitcher(props: IdentitySwitcherProps): React.ReactElement {
  const running = props.instances.filter((instance) => instance.health === 'ok');
  const district = props.districtLabel === undefined ? [] : [{ label: props.districtLabel, people: props.people.filter((person) => person.municipalityCode === null) }];
  const groups = [
    ...district,
    ...running.flatMap((instance) =>
      instance.municipalities.map((municipality) => ({
        label: `${municipality.name} (${municipality.code})`,
        people: props.people.filter((person) => person.municipalityCode === municipality.code)
      }))
    )
  ];
  return (
    <Field label={props.strings.identity}>
      <Select value={props.selectedUpn ?? ''} onChange={(_e, data) => data.value && props.onSelect(data.value)}>
        <option value="" disabled>
          {props.strings.chooseIdentity}
        </option>
        {groups
          .filter((group) => group.people.length > 0)
          .map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.people.map((person) => (
                <option key={person.upn} value={person.upn}>
                  {`${person.displayName}: ${roleText(person.roles, props.language)}`}
                </option>
              ))}
            </optgroup>
          ))}
      </Select>
    </Field>
  );
}
