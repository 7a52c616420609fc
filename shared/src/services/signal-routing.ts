import type { Person } from '../domain/organisation.js';
import type { RoleId } from '../domain/roles.js';
import type { Signal } from '../domain/signal.js';
import type { Directory } from '../ports/runtime.js';

/**
 * Who hears about a signal. Every signal goes to the MT contact of the reporter's own
 * municipality, never to another municipality; the deputy takes over when the contact
 * is absent, and a signal about the MT contact goes to the deputy and the municipal
 * secretary instead, so that it is handled impartially. Nobody is ever skipped in
 * silence: when no one holds the roles, the app admin is asked to fix that.
 */
export type RecipientReason =
  | 'mt-contact'
  | 'deputy-contact-absent'
  | 'deputy-concerns-contact'
  | 'secretary-concerns-contact'
  | 'coordinator-no-deputy'
  | 'deputy-escalation'
  | 'coordinator-escalation'
  | 'deputy-replaces-unreachable'
  | 'coordinator-replaces-unreachable'
  | 'app-admin-no-recipient';

export interface RoutedRecipient {
  person: Person;
  reason: RecipientReason;
}

/** What routing needs of a signal; a full Signal fits. */
export type RoutableSignal = Pick<Signal, 'municipalityCode' | 'concernsMtContact'>;

export class SignalRouting {
  constructor(private readonly directory: Directory) {}

  /** Recipients of the "new signal" notification. */
  async newSignalRecipients(signal: RoutableSignal, at: Date): Promise<RoutedRecipient[]> {
    const code = signal.municipalityCode;
    const contacts = await this.holders(code, 'mt-contact');
    const deputies = without(await this.holders(code, 'mt-deputy'), contacts);
    if (signal.concernsMtContact) {
      const secretaries = without(await this.holders(code, 'secretary'), contacts);
      const routed = unique([
        ...deputies.map((person) => ({ person, reason: 'deputy-concerns-contact' as const })),
        ...secretaries.map((person) => ({ person, reason: 'secretary-concerns-contact' as const })),
      ]);
      return routed.length > 0 ? routed : this.appAdminsInstead(code);
    }
    const present: Person[] = [];
    for (const contact of contacts) if (!(await this.directory.isAbsent(contact.upn, at))) present.push(contact);
    if (present.length > 0) return present.map((person) => ({ person, reason: 'mt-contact' }));
    if (deputies.length > 0) return deputies.map((person) => ({ person, reason: 'deputy-contact-absent' }));
    const coordinators = without(await this.holders(code, 'coordinator'), contacts);
    if (coordinators.length > 0) return coordinators.map((person) => ({ person, reason: 'coordinator-no-deputy' }));
    // Absent contacts still get it rather than nobody; the app admin is asked to appoint a deputy.
    if (contacts.length > 0) return contacts.map((person) => ({ person, reason: 'mt-contact' }));
    return this.appAdminsInstead(code);
  }

  /**
   * Who is alerted when receipt is still unconfirmed after five working days: the deputy
   * and the coordinator; for a signal about the MT contact the deputy and the secretary
   * (the coordinator works closely with the MT contact and stays out).
   */
  async escalationRecipients(signal: RoutableSignal): Promise<RoutedRecipient[]> {
    const code = signal.municipalityCode;
    const contacts = await this.holders(code, 'mt-contact');
    const deputies = without(await this.holders(code, 'mt-deputy'), contacts);
    const second = signal.concernsMtContact ? 'secretary' : 'coordinator';
    const others = without(await this.holders(code, second), contacts);
    const routed = unique([
      ...deputies.map((person) => ({ person, reason: 'deputy-escalation' as const })),
      ...others.map((person) => ({
        person,
        reason: second === 'secretary' ? ('secretary-concerns-contact' as const) : ('coordinator-escalation' as const),
      })),
    ]);
    return routed.length > 0 ? routed : this.appAdminsInstead(code);
  }

  /**
   * Who takes over a notification Teams could not deliver: the deputy, or the coordinator
   * when the unreachable person is the deputy (never the MT contact for a signal about them).
   */
  async replacementsFor(signal: RoutableSignal, unreachableObjectId: string): Promise<RoutedRecipient[]> {
    const code = signal.municipalityCode;
    const contacts = await this.holders(code, 'mt-contact');
    const excluded = (people: Person[]) =>
      people.filter(
        (p) => p.objectId !== unreachableObjectId && !(signal.concernsMtContact && contacts.some((c) => c.objectId === p.objectId)),
      );
    const deputies = excluded(await this.holders(code, 'mt-deputy'));
    if (deputies.length > 0) return deputies.map((person) => ({ person, reason: 'deputy-replaces-unreachable' }));
    if (signal.concernsMtContact) {
      const secretaries = excluded(await this.holders(code, 'secretary'));
      return secretaries.map((person) => ({ person, reason: 'secretary-concerns-contact' }));
    }
    const coordinators = excluded(await this.holders(code, 'coordinator'));
    return coordinators.map((person) => ({ person, reason: 'coordinator-replaces-unreachable' }));
  }

  /** The application administrators of a municipality (told about routing trouble, never content). */
  async appAdmins(municipalityCode: string): Promise<Person[]> {
    return this.holders(municipalityCode, 'app-admin');
  }

  private async appAdminsInstead(code: string): Promise<RoutedRecipient[]> {
    return (await this.appAdmins(code)).map((person) => ({ person, reason: 'app-admin-no-recipient' }));
  }

  private holders(code: string, role: RoleId): Promise<Person[]> {
    return this.directory.holdersOf(code, role);
  }
}

function without(people: Person[], excluded: readonly Person[]): Person[] {
  return people.filter((person) => !excluded.some((other) => other.objectId === person.objectId));
}

function unique(routed: RoutedRecipient[]): RoutedRecipient[] {
  const seen = new Set<string>();
  return routed.filter(({ person }) => (seen.has(person.objectId) ? false : (seen.add(person.objectId), true)));
}
