import type { Person } from '../../src/domain/organisation.js';
import type { RoleId } from '../../src/domain/roles.js';
import type { Signal } from '../../src/domain/signal.js';
import type { AuditEvent, AuditLog } from '../../src/ports/audit-log.js';
import type { ReceiptCodes } from '../../src/ports/receipt-codes.js';
import type { Directory, NotificationRequest, Notifier } from '../../src/ports/runtime.js';
import type { SignalRepository } from '../../src/ports/service-store.js';

/** A person of Hengelo with the given roles. */
export function person(name: string, roles: RoleId[], locale: Person['locale'] = 'nl-NL'): Person {
  return {
    upn: `${name}@hengelo.example`,
    displayName: name,
    objectId: `oid-${name}`,
    municipalityCode: '0164',
    department: 'Bestuur',
    roles: ['employee', ...roles],
    locale,
    startDate: '2020-01-01',
  };
}

/** A directory of the given people, with a set of absent UPNs. */
export class FakeDirectory implements Directory {
  readonly absent = new Set<string>();
  constructor(readonly people: Person[]) {}
  async findByObjectId(objectId: string) {
    return this.people.find((p) => p.objectId === objectId);
  }
  async findByUpn(upn: string) {
    return this.people.find((p) => p.upn === upn);
  }
  async holdersOf(code: string, role: RoleId) {
    return this.people.filter((p) => p.municipalityCode === code && p.roles.includes(role));
  }
  async isAbsent(upn: string) {
    return this.absent.has(upn);
  }
  async peopleOf(code: string) {
    return this.people.filter((p) => p.municipalityCode === code);
  }
}

/** The signal repository operations intake and routing use, with the port's idempotency. */
export class FakeSignals implements Pick<SignalRepository, 'create' | 'get' | 'nextReferenceNumber'> {
  readonly byId = new Map<string, Signal>();
  private readonly byKey = new Map<string, string>();
  private counter = 0;
  async create(signal: Signal, key: string) {
    const earlier = this.byKey.get(key);
    if (earlier !== undefined) return { signal: this.byId.get(earlier) as Signal, created: false };
    this.byKey.set(key, signal.id);
    this.byId.set(signal.id, signal);
    return { signal, created: true };
  }
  async get(id: string) {
    return this.byId.get(id);
  }
  async nextReferenceNumber() {
    return ++this.counter;
  }
}

export class FakeAudit implements AuditLog {
  readonly events: AuditEvent[] = [];
  async record(event: AuditEvent) {
    this.events.push(event);
  }
  async list() {
    return this.events;
  }
}

/** Records notifications; a repeated key for the same recipient is not queued again, like the outbox. */
export class FakeNotifier implements Notifier {
  readonly requests: NotificationRequest[] = [];
  async notify(request: NotificationRequest) {
    const seen = this.requests.some((r) => r.idempotencyKey === request.idempotencyKey && r.recipientObjectId === request.recipientObjectId);
    if (!seen) this.requests.push(request);
    return { queued: !seen };
  }
}

export class FakeReceiptCodes implements ReceiptCodes {
  readonly issued = new Map<string, string>();
  async issue(signalId: string) {
    const code = `CODE-${this.issued.size + 1}`;
    this.issued.set(code, signalId);
    return code;
  }
  async verify(code: string) {
    return this.issued.get(code);
  }
}
