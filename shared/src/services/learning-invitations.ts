import type { Person } from '../domain/organisation.js';
import { addCalendarDays, addMonths, isLocalDate, type LocalDate } from '../domain/local-date.js';

/**
 * Who is invited to the learning module, and with which key. A new employee is invited in
 * their first two weeks (from the directory's start date); everyone else once a year, on
 * the anniversary of their start date, which spreads the yearly refreshers over the year
 * instead of sending them all in one January morning. The key makes each invitation
 * exactly-once in the outbox: a rerun, a restart or a second process adds nothing.
 */
export const ONBOARDING_INVITATION_DAYS = 14;

export type LearningInvitationKind = 'onboarding' | 'yearly';

export interface PlannedLearningInvitation {
  person: Person;
  kind: LearningInvitationKind;
  /** `learning:<objectId>:onboarding` or `learning:<objectId>:<year>`. */
  purposeKey: string;
}

export function learningInvitationKey(objectId: string, occasion: 'onboarding' | number): string {
  return `learning:${objectId}:${occasion}`;
}

/** This year's anniversary of the start date (29 February becomes 28 February in other years). */
function anniversaryIn(startDate: LocalDate, year: number): LocalDate {
  return addMonths(startDate, (year - Number(startDate.slice(0, 4))) * 12);
}

function invitationFor(person: Person, today: LocalDate): PlannedLearningInvitation | null {
  const start = person.startDate;
  if (!isLocalDate(start) || start > today) return null;
  if (today <= addCalendarDays(start, ONBOARDING_INVITATION_DAYS - 1)) {
    return { person, kind: 'onboarding', purposeKey: learningInvitationKey(person.objectId, 'onboarding') };
  }
  const year = Number(today.slice(0, 4));
  // In the year they started, the onboarding invitation is their invitation.
  if (Number(start.slice(0, 4)) >= year) return null;
  if (today < anniversaryIn(start, year)) return null;
  return { person, kind: 'yearly', purposeKey: learningInvitationKey(person.objectId, year) };
}

/**
 * The invitations due today for the employees of one municipality (people whose employer
 * it is; someone who also serves it is invited by their own municipality). Repeating the
 * plan on later days repeats the same keys, which the outbox refuses.
 */
export function planLearningInvitations(people: readonly Person[], municipalityCode: string, today: LocalDate): PlannedLearningInvitation[] {
  const seen = new Set<string>();
  const planned: PlannedLearningInvitation[] = [];
  for (const person of people) {
    if (person.municipalityCode !== municipalityCode || seen.has(person.objectId)) continue;
    seen.add(person.objectId);
    const invitation = invitationFor(person, today);
    if (invitation) planned.push(invitation);
  }
  return planned;
}
