import { describe, expect, it } from 'vitest';
import { SignalRouting } from '../src/services/signal-routing.js';
import { FakeDirectory, person } from './fakes/intake-fakes.js';

const contact = person('contact', ['mt-contact']);
const deputy = person('deputy', ['mt-deputy']);
const secretary = person('secretary', ['secretary'], 'en-US');
const coordinator = person('coordinator', ['coordinator']);
const admin = person('admin', ['app-admin']);
const at = new Date('2026-03-02T10:00:00Z');

function routing(people = [contact, deputy, secretary, coordinator, admin], absent: string[] = []) {
  const directory = new FakeDirectory(people);
  for (const upn of absent) directory.absent.add(upn);
  return new SignalRouting(directory);
}

const names = (routed: { person: { displayName: string }; reason: string }[]) => routed.map((r) => `${r.person.displayName}:${r.reason}`);

describe('routing of the new-signal notification', () => {
  it.each([
    { case: 'ordinary signal', concerns: false, absent: [], people: undefined, expected: ['contact:mt-contact'] },
    { case: 'contact absent', concerns: false, absent: [contact.upn], people: undefined, expected: ['deputy:deputy-contact-absent'] },
    {
      case: 'signal concerns the contact',
      concerns: true,
      absent: [],
      people: undefined,
      expected: ['deputy:deputy-concerns-contact', 'secretary:secretary-concerns-contact'],
    },
    {
      case: 'concerns the contact, who is also the deputy on paper',
      concerns: true,
      absent: [],
      people: [person('both', ['mt-contact', 'mt-deputy']), secretary, admin],
      expected: ['secretary:secretary-concerns-contact'],
    },
    { case: 'contact absent, no deputy', concerns: false, absent: [contact.upn], people: [contact, coordinator, admin], expected: ['coordinator:coordinator-no-deputy'] },
    { case: 'contact absent, nobody else', concerns: false, absent: [contact.upn], people: [contact, admin], expected: ['contact:mt-contact'] },
    { case: 'no contact configured at all', concerns: false, absent: [], people: [admin], expected: ['admin:app-admin-no-recipient'] },
    { case: 'concerns the contact, no deputy or secretary', concerns: true, absent: [], people: [contact, admin], expected: ['admin:app-admin-no-recipient'] },
  ])('$case', async ({ concerns, absent, people, expected }) => {
    const routed = await routing(people, absent).newSignalRecipients({ municipalityCode: '0164', concernsMtContact: concerns }, at);
    expect(names(routed)).toEqual(expected);
  });

  it('escalates to the deputy and the coordinator, or the deputy and the secretary when it concerns the contact', async () => {
    expect(names(await routing().escalationRecipients({ municipalityCode: '0164', concernsMtContact: false }))).toEqual([
      'deputy:deputy-escalation',
      'coordinator:coordinator-escalation',
    ]);
    expect(names(await routing().escalationRecipients({ municipalityCode: '0164', concernsMtContact: true }))).toEqual([
      'deputy:deputy-escalation',
      'secretary:secretary-concerns-contact',
    ]);
  });

  it('replaces an unreachable recipient by the deputy, and an unreachable deputy by the coordinator', async () => {
    const signal = { municipalityCode: '0164', concernsMtContact: false };
    expect(names(await routing().replacementsFor(signal, contact.objectId))).toEqual(['deputy:deputy-replaces-unreachable']);
    expect(names(await routing().replacementsFor(signal, deputy.objectId))).toEqual(['coordinator:coordinator-replaces-unreachable']);
    const aboutContact = { municipalityCode: '0164', concernsMtContact: true };
    expect(names(await routing().replacementsFor(aboutContact, deputy.objectId))).toEqual(['secretary:secretary-concerns-contact']);
  });
});
