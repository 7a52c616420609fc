import type { Signal } from '../src/domain/signal.js';

/** A Hengelo signal as the store would hand it out; tests override what they need. */
export function makeSignal(overrides: Partial<Signal> = {}): Signal {
  return {
    id: 'sig-1',
    reference: 'HGL-2026-0001',
    municipalityCode: '0164',
    category: 'drugs',
    confidentiality: 'named',
    status: 'received',
    concernsMtContact: false,
    department: 'Vergunningen',
    receivedAt: '2026-03-02T09:15:00.000Z',
    acknowledgedAt: null,
    closedAt: null,
    outcome: null,
    assignedTo: null,
    legalBasis: 'art. 6 lid 1 sub e AVG',
    retentionUntil: null,
    content: { description: 'Ramen van de loods zijn afgeplakt.', location: 'Industrieweg 1', occurredOn: '2026-03-01' },
    reporter: { objectId: 'oid-reporter', upn: 'reporter@hengelo.example', displayName: 'Rita Reporter' },
    version: 3,
    ...overrides,
  };
}
