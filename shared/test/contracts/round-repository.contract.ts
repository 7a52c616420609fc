import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUIREMENT_IDS, type AssessmentStatus } from '../../src/domain/catalogue.js';
import { NotFoundError } from '../../src/domain/errors.js';
import { RoundClosedError, type RequirementStatuses, type Round, type Submission } from '../../src/domain/rounds.js';
import type { RoundRepository } from '../../src/ports/round-repository.js';

export interface RoundRepositoryFixture {
  open(): Promise<{ rounds: RoundRepository; close(): Promise<void> }>;
  /** Runs one statement directly against the database, bypassing the repository. */
  raw(statement: string): Promise<void>;
  cleanup(): Promise<void>;
}

const all = (status: AssessmentStatus): RequirementStatuses =>
  Object.fromEntries(REQUIREMENT_IDS.map((id) => [id, status])) as RequirementStatuses;

/**
 * The hub's rounds, for every service-store adapter: submissions replace each other while a
 * round is open; closing freezes them in one step; after that nothing changes, neither
 * through the repository nor by a statement issued straight at the database.
 */
export function describeRoundRepositoryContract(name: string, makeFixture: () => Promise<RoundRepositoryFixture>): void {
  describe(`RoundRepository contract: ${name}`, () => {
    let fixture: RoundRepositoryFixture;
    let store: { rounds: RoundRepository; close(): Promise<void> };
    let serial = 0;
    const round = (overrides: Partial<Round> = {}): Round => {
      serial += 1;
      return {
        id: `round-${serial}-${Math.random().toString(36).slice(2, 8)}`,
        type: 'zelfscan',
        title: `Zelfscan ${serial}`,
        periodStart: '2027-01-04',
        periodEnd: '2027-01-29',
        status: 'open',
        openedBy: 'hilde.velthuis@ivztwente.example',
        openedAt: `2027-01-0${Math.min(serial, 9)}T09:00:00.000Z`,
        closedAt: null,
        ...overrides,
      };
    };
    const submission = (roundId: string, municipalityCode: string, statuses = all('deels')): Submission => ({
      roundId,
      municipalityCode,
      statuses,
      submittedBy: 'koen.terhorst@borne.example',
      submittedAt: '2027-01-10T10:00:00.000Z',
    });

    beforeEach(async () => {
      fixture = await makeFixture();
      store = await fixture.open();
    });
    afterEach(async () => {
      await store.close();
      await fixture.cleanup();
    });

    it('keeps rounds, newest first, and all 20 statuses of a submission; a resubmission replaces them', async () => {
      const first = await store.rounds.create(round());
      const second = await store.rounds.create(round({ type: 'eindmeting', openedAt: '2027-07-01T09:00:00.000Z' }));
      expect((await store.rounds.list()).map((r) => r.id)).toEqual([second.id, first.id]);
      expect(await store.rounds.get(first.id)).toEqual(first);

      await store.rounds.saveSubmission(submission(first.id, '0147'));
      await store.rounds.saveSubmission(submission(first.id, '0147', { ...all('voldaan'), '3g': 'niet-voldaan' }));
      await store.rounds.saveSubmission(submission(second.id, '0147', all('onbekend')));
      await store.rounds.saveSubmission(submission(first.id, '0164'));
      const ofRound = await store.rounds.submissionsOfRound(first.id);
      expect(ofRound.map((s) => s.municipalityCode)).toEqual(['0147', '0164']);
      expect(ofRound[0]?.statuses).toEqual({ ...all('voldaan'), '3g': 'niet-voldaan' });
      expect(ofRound[0]?.frozen).toBe(false);
      const ofBorne = await store.rounds.submissionsOfMunicipality('0147');
      expect(ofBorne.map((s) => s.roundId).sort()).toEqual([first.id, second.id].sort());
    });

    it('refuses a submission to an unknown round', async () => {
      await expect(store.rounds.saveSubmission(submission('no-such-round', '0147'))).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.rounds.submissionsOfMunicipality('0147')).toEqual([]);
    });

    it('closes once, freezing every submission; afterwards every change is refused and nothing changes', async () => {
      const open = await store.rounds.create(round());
      await store.rounds.saveSubmission(submission(open.id, '0147', all('voldaan')));
      const closed = await store.rounds.close(open.id, '2027-02-01T12:00:00.000Z');
      expect(closed).toMatchObject({ status: 'closed', closedAt: '2027-02-01T12:00:00.000Z' });
      const before = await store.rounds.submissionsOfRound(open.id);
      expect(before.map((s) => s.frozen)).toEqual([true]);

      await expect(store.rounds.saveSubmission(submission(open.id, '0147', all('niet-voldaan')))).rejects.toBeInstanceOf(RoundClosedError);
      await expect(store.rounds.saveSubmission(submission(open.id, '0164'))).rejects.toBeInstanceOf(RoundClosedError);
      await expect(store.rounds.close(open.id, '2027-03-01T12:00:00.000Z')).rejects.toBeInstanceOf(RoundClosedError);
      expect(await store.rounds.submissionsOfRound(open.id)).toEqual(before);
      expect(await store.rounds.get(open.id)).toEqual(closed);
    });

    it('the database itself refuses any statement that would change a closed round', async () => {
      const open = await store.rounds.create(round());
      await store.rounds.saveSubmission(submission(open.id, '0147', all('voldaan')));
      // While open, the same kind of statement is allowed: the triggers guard only the frozen state.
      await fixture.raw(`UPDATE hub_submission_statuses SET status = 'deels' WHERE round_id = '${open.id}' AND requirement_id = '1a'`);
      await store.rounds.close(open.id, '2027-02-01T12:00:00.000Z');
      const before = await store.rounds.submissionsOfRound(open.id);
      const statements = [
        `UPDATE hub_submission_statuses SET status = 'niet-voldaan' WHERE round_id = '${open.id}'`,
        `DELETE FROM hub_submission_statuses WHERE round_id = '${open.id}'`,
        `UPDATE hub_submissions SET submitted_by = 'iemand-anders' WHERE round_id = '${open.id}'`,
        `UPDATE hub_submissions SET frozen = 0 WHERE round_id = '${open.id}'`,
        `DELETE FROM hub_submissions WHERE round_id = '${open.id}'`,
        `INSERT INTO hub_submissions (round_id, municipality_code, submitted_by, submitted_at, frozen) VALUES ('${open.id}', '0164', 'x', 'x', 0)`,
        `UPDATE hub_rounds SET status = 'open', closed_at = NULL WHERE id = '${open.id}'`,
        `DELETE FROM hub_rounds WHERE id = '${open.id}'`,
      ];
      for (const statement of statements) {
        await expect(fixture.raw(statement), statement).rejects.toThrow(/round-closed/);
      }
      expect(await store.rounds.submissionsOfRound(open.id)).toEqual(before);
      expect((await store.rounds.get(open.id))?.status).toBe('closed');
    });

    it('keeps a closed round frozen across a restart', async () => {
      const open = await store.rounds.create(round());
      await store.rounds.saveSubmission(submission(open.id, '0147'));
      await store.rounds.close(open.id, '2027-02-01T12:00:00.000Z');
      await store.close();
      store = await fixture.open();
      expect((await store.rounds.submissionsOfRound(open.id)).map((s) => s.frozen)).toEqual([true]);
      await expect(store.rounds.saveSubmission(submission(open.id, '0147'))).rejects.toBeInstanceOf(RoundClosedError);
    });
  });
}
