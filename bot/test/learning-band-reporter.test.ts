import { describe, expect, it } from 'vitest';
import { HubUnavailableError } from '../src/hub/hub-client.js';
import { LearningBandReporter } from '../src/jobs/learning-band-job.js';
import type { LearningBandReport } from '@weerbaar/shared';

const NOW = new Date('2027-03-10T05:40:00.000Z');

/** A hub that answers as told: the reporter's own logic, without HTTP (the HTTP path is in hub-learning-api.test.ts). */
class ScriptedHub {
  readonly received: { code: string; report: LearningBandReport }[] = [];
  failuresLeft = 0;
  gate: Promise<void> | null = null;

  async reportLearningBand(code: string, report: LearningBandReport): Promise<void> {
    if (this.gate) await this.gate;
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new HubUnavailableError('the hub refused the request');
    }
    this.received.push({ code, report });
  }
}

function reporterWith(hub: ScriptedHub, options: { retryDelaysMs?: number[]; bandsComputed?: () => void } = {}) {
  const logs: unknown[] = [];
  let computed = 0;
  const reporter = new LearningBandReporter({
    records: {
      bandReports: async () => {
        computed += 1;
        options.bandsComputed?.();
        return [
          { municipalityCode: '1774', recording: true, band: '50-tot-75' as const, asOf: '2027-03-10' },
          { municipalityCode: '0183', recording: false, band: null, asOf: '2027-03-10' },
        ];
      },
    },
    hub,
    clock: { now: () => NOW },
    logger: { info: (o: unknown) => void logs.push(o), warn: (o: unknown) => void logs.push(o) },
    retryDelaysMs: options.retryDelaysMs ?? [5],
  });
  return { reporter, logs, computed: () => computed };
}

describe('reporting the learning bands to the hub', () => {
  it('sends one report per municipality the instance serves, with fresh figures', async () => {
    const hub = new ScriptedHub();
    const { reporter } = reporterWith(hub);
    expect(await reporter.reportAll(NOW)).toEqual({ reported: 2, failed: 0 });
    expect(hub.received).toEqual([
      { code: '1774', report: { recording: true, band: '50-tot-75', asOf: '2027-03-10' } },
      { code: '0183', report: { recording: false, band: null, asOf: '2027-03-10' } },
    ]);
  });

  it('tries again in the background when the hub was not up yet, and logs only the error code', async () => {
    const hub = new ScriptedHub();
    hub.failuresLeft = 1;
    const { reporter, logs } = reporterWith(hub);
    reporter.soon();
    await reporter.idle();
    // The retry recomputes and resends every band (the hub keeps the last one per municipality).
    expect([...new Set(hub.received.map((r) => r.code))].sort()).toEqual(['0183', '1774']);
    expect(JSON.stringify(logs)).toContain('hub-unavailable');
    expect(JSON.stringify(logs)).not.toContain('refused the request');
  });

  it('gives up after the last retry until the next request, so an absent hub costs nothing', async () => {
    const hub = new ScriptedHub();
    hub.failuresLeft = 100;
    const { reporter, computed } = reporterWith(hub, { retryDelaysMs: [1, 1] });
    reporter.soon();
    await reporter.idle();
    expect(computed()).toBe(3);
    expect(hub.received).toEqual([]);
  });

  it('folds requests made during a run into one more run', async () => {
    const hub = new ScriptedHub();
    let open!: () => void;
    hub.gate = new Promise((resolve) => (open = resolve));
    const { reporter, computed } = reporterWith(hub);
    reporter.soon();
    reporter.soon();
    reporter.soon();
    open();
    hub.gate = null;
    await reporter.idle();
    expect(computed()).toBe(2);
  });

  it('drops a pending retry at shutdown and starts nothing after it', async () => {
    const hub = new ScriptedHub();
    hub.failuresLeft = 100;
    const { reporter, computed } = reporterWith(hub, { retryDelaysMs: [60_000] });
    reporter.soon();
    await new Promise((r) => setTimeout(r, 20));
    // The retry is a minute away: a stop that waited for it would run past the test's timeout.
    await reporter.stop();
    reporter.soon();
    await reporter.idle();
    expect(computed()).toBe(1);
  });
});
