import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/domain/errors.js';
import { parseInput, signalSubmitSchema } from '../src/schemas/inputs.js';
import { SIGNAL_LEGAL_BASIS, SignalIntakeService, submissionIdempotencyKey } from '../src/services/signal-intake.js';
import { SignalRouting } from '../src/services/signal-routing.js';
import { FakeAudit, FakeDirectory, FakeNotifier, FakeReceiptCodes, FakeSignals, person } from './fakes/intake-fakes.js';

const contact = person('contact', ['mt-contact']);
const deputy = person('deputy', ['mt-deputy']);
const secretary = person('secretary', ['secretary'], 'en-US');
const reporter = { objectId: 'oid-reporter', upn: 'reporter@hengelo.example', displayName: 'Rita Reporter' };
const now = new Date('2026-03-02T10:00:00Z');

function setup() {
  const signals = new FakeSignals();
  const audit = new FakeAudit();
  const notifier = new FakeNotifier();
  const receiptCodes = new FakeReceiptCodes();
  let id = 0;
  const service = new SignalIntakeService({
    signals: signals as never,
    audit,
    notifier,
    receiptCodes,
    routing: new SignalRouting(new FakeDirectory([contact, deputy, secretary])),
    ids: { newId: () => `id-${++id}` },
    municipalities: [{ code: '0164', tenantId: 'tenant-hengelo', referencePrefix: 'HGL' }],
    notices: { dashboardUrl: 'https://hengelo.example/workbench' },
  });
  return { service, signals, audit, notifier, receiptCodes };
}

function submission(overrides: Record<string, unknown> = {}) {
  return parseInput(signalSubmitSchema, {
    action: 'signal.submit',
    submissionId: 'submission-0001',
    category: 'zorgfraude',
    description: 'Declaraties voor cliënten die nooit zorg kregen.',
    location: 'Zorgwoning Hengelo-Zuid',
    occurredOn: '2026-02-20',
    concernsMtContact: false,
    confidentiality: 'named',
    ...overrides,
  });
}

const input = (overrides: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  submission: submission(overrides),
  municipalityCode: '0164',
  reporter,
  department: 'Sociaal Domein',
  idempotencyKey: submissionIdempotencyKey(String(overrides['submissionId'] ?? 'submission-0001')),
  now,
  ...extra,
});

describe('SignalIntakeService', () => {
  it('stores a named signal with reference, legal basis and status, audits it without content and notifies the MT contact', async () => {
    const { service, audit, notifier } = setup();
    const result = await service.submit(input());
    expect(result.created).toBe(true);
    expect(result.receiptCode).toBeUndefined();
    expect(result.signal).toMatchObject({
      reference: 'HGL-2026-0001',
      status: 'received',
      legalBasis: SIGNAL_LEGAL_BASIS,
      reporter,
      department: 'Sociaal Domein',
      content: { description: 'Declaraties voor cliënten die nooit zorg kregen.', occurredOn: '2026-02-20' },
      receivedAt: now.toISOString(),
      version: 1,
    });
    expect(audit.events).toEqual([
      expect.objectContaining({ actor: 'reporter', action: 'signal.received', recordId: result.signal.id, detail: 'confidentiality=named; channel=teams' }),
    ]);
    expect(JSON.stringify(audit.events)).not.toMatch(/Declaraties|Rita|oid-reporter/);
    expect(notifier.requests).toHaveLength(1);
    expect(notifier.requests[0]).toMatchObject({
      idempotencyKey: `signal:${result.signal.id}:new`,
      tenantId: 'tenant-hengelo',
      recipientObjectId: contact.objectId,
    });
    expect(notifier.requests[0]?.message.text).toMatch(/HGL-2026-0001 \(Zorgfraude\).*https:\/\/hengelo\.example\/workbench/);
    expect(notifier.requests[0]?.message.text).not.toMatch(/Declaraties|Zorgwoning/);
  });

  it('keeps no identity for an anonymous signal, even when one is passed, and issues a receipt code', async () => {
    const { service, receiptCodes, audit } = setup();
    const result = await service.submit(input({ confidentiality: 'anonymous' }, { channel: 'web-form' }));
    expect(result.signal).toMatchObject({ reporter: null, department: null, confidentiality: 'anonymous' });
    expect(result.receiptCode).toBeDefined();
    expect(await receiptCodes.verify(result.receiptCode!)).toBe(result.signal.id);
    expect(audit.events[0]).toMatchObject({ actor: 'reporter', detail: 'confidentiality=anonymous; channel=web-form' });
  });

  it('creates nothing new for a repeated submission: no signal, audit, receipt code or notification', async () => {
    const { service, audit, notifier, receiptCodes } = setup();
    const first = await service.submit(input({ confidentiality: 'anonymous' }));
    const again = await service.submit(input({ confidentiality: 'anonymous' }));
    expect(again).toEqual({ signal: first.signal, created: false });
    expect(audit.events).toHaveLength(1);
    expect(notifier.requests).toHaveLength(1);
    expect(receiptCodes.issued.size).toBe(1);
  });

  it('sends a signal about the MT contact to the deputy and the secretary, each in their language', async () => {
    const { service, notifier } = setup();
    await service.submit(input({ concernsMtContact: true }));
    expect(notifier.requests.map((r) => r.recipientObjectId)).toEqual([deputy.objectId, secretary.objectId]);
    expect(notifier.requests[1]?.message.text).toMatch(/^New signal of subversive crime: HGL-2026-0001 \(Care fraud\)/);
  });

  it.each([
    { name: 'a date in the future', change: { occurredOn: '2026-03-03' }, extra: {}, field: 'occurredOn' },
    { name: 'a named signal without a reporter', change: {}, extra: { reporter: null }, field: 'confidentiality' },
    { name: 'a municipality the instance does not serve', change: {}, extra: { municipalityCode: '0153' }, field: 'municipalityCode' },
  ])('refuses $name, naming the field, and stores nothing', async ({ change, extra, field }) => {
    const { service, signals } = setup();
    const error = await service.submit(input(change, extra)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect(signals.byId.size).toBe(0);
  });
});
