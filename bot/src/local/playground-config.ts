import type { Person } from '@weerbaar/shared';

/**
 * Writes the Agents Playground's mock data (.m365agentsplayground.yml, schema 0.1.1) so the
 * playground's current user is a seeded person of the chosen tenant. Note the playground's
 * own spelling "userPrincipleName".
 */
export function playgroundConfigYaml(person: Person, tenantId: string, people: readonly Person[]): string {
  const colleagues = people.filter((p) => p.municipalityCode === person.municipalityCode && p.objectId !== person.objectId).slice(0, 5); // the playground wants exactly 5
  const user = (p: Person, id: string) => {
    const [givenName, ...rest] = p.displayName.split(' ');
    return [
      `  id: ${id}`,
      `  name: ${q(p.displayName)}`,
      `  userPrincipleName: ${q(p.upn)}`,
      `  aadObjectId: ${p.objectId}`,
      `  givenName: ${q(givenName ?? p.displayName)}`,
      `  surname: ${q(rest.join(' ') || p.displayName)}`,
      `  email: ${q(p.upn)}`,
    ].join('\n');
  };
  return [
    '# Written by npm start from shared/seed: fictional people only.',
    'version: "0.1.1"',
    `tenantId: ${tenantId}`,
    'bot:',
    '  id: 28:weerbaar-twente-bot',
    '  name: Meldpunt ondermijning',
    'currentUser:',
    user(person, 'user-id-0'),
    'users:',
    ...colleagues.map((p, i) => `  -${user(p, `user-id-${i + 1}`).slice(1).replace(/\n/g, '\n  ')}`),
    'personalChat:',
    '  id: __PERSONAL_CHAT_ID__',
    'groupChat:',
    '  id: __GROUP_CHAT_ID__',
    '  name: Groepschat',
    'team:',
    '  id: team-id',
    '  name: Team',
    '  aadGroupId: 00000000-0000-0000-0000-000000000031',
    '  channels:',
    '    - id: channel-general-id',
    '      name: Algemeen',
    '',
  ].join('\n');
}

function q(value: string): string {
  return JSON.stringify(value);
}
