import { describe, expect, it } from 'vitest';
import { ASSESSMENT_STATUSES, REQUIREMENT_IDS, type AssessmentStatus, type RequirementId } from '../src/domain/catalogue.js';
import { DomainError, ValidationError } from '../src/domain/errors.js';
import {
  RoundClosedError,
  TWENTE_OUTCOME_BANDS,
  assertRoundOpen,
  bandForCount,
  closeRound,
  compareRounds,
  outcomeBands,
  twenteOutcome,
  type Round,
  type Submission,
} from '../src/domain/rounds.js';

const MUNICIPALITY_CODES = [
  '0141', '0147', '1774', '0153', '0158', '0163', '0164', '1735', '0168', '0173', '1742', '0183', '1700', '0189',
];

const openRound: Round = {
  id: 'zelfscan-2026',
  type: 'zelfscan',
  title: 'Tussentijdse zelfscan januari 2026',
  periodStart: '2026-01-05',
  periodEnd: '2026-01-30',
  status: 'open',
  openedBy: 'coordinator@twente.example',
  openedAt: '2026-01-05T08:00:00.000Z',
  closedAt: null,
};

function allStatuses(status: AssessmentStatus): Record<RequirementId, AssessmentStatus> {
  return Object.fromEntries(REQUIREMENT_IDS.map((id) => [id, status])) as Record<RequirementId, AssessmentStatus>;
}

function submission(municipalityCode: string, statuses: Record<RequirementId, AssessmentStatus>, roundId = openRound.id): Submission {
  return { roundId, municipalityCode, statuses, submittedBy: 'secretaris@example', submittedAt: '2026-01-20T10:00:00.000Z' };
}

/** Fourteen submissions in which requirement `id` is "voldaan" for the first `metCount` municipalities. */
function submissionsWith(metCount: number, id: RequirementId = '1a'): Submission[] {
  return MUNICIPALITY_CODES.map((code, index) =>
    submission(code, { ...allStatuses('voldaan'), [id]: index < metCount ? 'voldaan' : 'niet-voldaan' }),
  );
}

describe('round lifecycle', () => {
  it('accepts work on an open round and refuses it on a closed one', () => {
    expect(() => assertRoundOpen(openRound)).not.toThrow();
    const closed = closeRound(openRound, new Date('2026-02-01T12:00:00Z'));
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-02-01T12:00:00.000Z' });
    expect(() => assertRoundOpen(closed)).toThrow(RoundClosedError);
    try {
      assertRoundOpen(closed);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('round-closed');
    }
  });

  it('refuses to close a round twice, so the frozen moment stays put', () => {
    const closed = closeRound(openRound, new Date('2026-02-01T12:00:00Z'));
    expect(() => closeRound(closed, new Date('2026-03-01T12:00:00Z'))).toThrow(RoundClosedError);
  });
});

describe('comparing rounds', () => {
  const table: [AssessmentStatus, AssessmentStatus, string][] = [
    ['niet-voldaan', 'deels', 'beter'],
    ['niet-voldaan', 'voldaan', 'beter'],
    ['deels', 'voldaan', 'beter'],
    ['voldaan', 'voldaan', 'gelijk'],
    ['deels', 'deels', 'gelijk'],
    ['niet-voldaan', 'niet-voldaan', 'gelijk'],
    ['voldaan', 'deels', 'slechter'],
    ['voldaan', 'niet-voldaan', 'slechter'],
    ['deels', 'niet-voldaan', 'slechter'],
    ['onbekend', 'voldaan', 'onbekend'],
    ['onbekend', 'niet-voldaan', 'onbekend'],
    ['voldaan', 'onbekend', 'onbekend'],
    ['niet-voldaan', 'onbekend', 'onbekend'],
    ['onbekend', 'onbekend', 'onbekend'],
  ];

  it.each(table)('%s → %s is %s', (before, after, expected) => {
    expect(compareRounds({ '3b': before }, { '3b': after })['3b']).toBe(expected);
  });

  it('covers every requirement, treating a missing one as onbekend', () => {
    const result = compareRounds(allStatuses('deels'), { ...allStatuses('voldaan'), '5a': 'deels' });
    expect(Object.keys(result)).toEqual([...REQUIREMENT_IDS]);
    expect(result['1a']).toBe('beter');
    expect(result['5a']).toBe('gelijk');
    expect(compareRounds({}, { '2b': 'voldaan' })['2b']).toBe('onbekend');
  });
});

describe('Twente outcome bands', () => {
  it('uses the documented thresholds for 14 municipalities', () => {
    expect(TWENTE_OUTCOME_BANDS.map(({ id, min, max }) => [id, min, max])).toEqual([
      ['geen-of-bijna-geen', 0, 2],
      ['minder-dan-de-helft', 3, 6],
      ['ongeveer-de-helft-tot-de-meeste', 7, 11],
      ['alle-of-bijna-alle', 12, 14],
    ]);
  });

  it.each(Array.from({ length: 14 }, (_, index) => index + 7))('partitions 0..%i without singling out 0, 1, n-1 or n', (n) => {
    const bands = outcomeBands(n);
    const covered = bands.flatMap(({ min, max }) => Array.from({ length: max - min + 1 }, (_, offset) => min + offset));
    expect(covered).toEqual(Array.from({ length: n + 1 }, (_, count) => count));
    for (const edge of [0, 1, n - 1, n]) {
      const band = bandForCount(edge, n);
      expect(band.max - band.min).toBeGreaterThanOrEqual(2);
    }
  });

  it.each([
    [14, 'alle-of-bijna-alle', true],
    [12, 'alle-of-bijna-alle', true],
    [11, 'ongeveer-de-helft-tot-de-meeste', false],
    [7, 'ongeveer-de-helft-tot-de-meeste', false],
    [6, 'minder-dan-de-helft', false],
    [3, 'minder-dan-de-helft', false],
    [2, 'geen-of-bijna-geen', false],
    [0, 'geen-of-bijna-geen', false],
  ])('%i municipalities meeting 1a: %s, Twente meets it: %s', (metCount, band, met) => {
    const outcome = twenteOutcome(submissionsWith(metCount));
    expect(outcome.requirements.find((requirement) => requirement.requirementId === '1a')).toMatchObject({ band, met });
  });

  it('has the basis op orde only when every requirement is in the top band', () => {
    expect(twenteOutcome(submissionsWith(12)).basisOpOrde).toBe(true);
    expect(twenteOutcome(submissionsWith(11, '4c')).basisOpOrde).toBe(false);
  });

  it('counts a municipality without a submission, and "deels", as not meeting', () => {
    const twelve = submissionsWith(14).slice(0, 12);
    expect(twenteOutcome(twelve).requirements[0]?.band).toBe('alle-of-bijna-alle');
    expect(twenteOutcome(twelve.slice(0, 11)).requirements[0]?.band).toBe('ongeveer-de-helft-tot-de-meeste');
    const partly = MUNICIPALITY_CODES.map((code) => submission(code, allStatuses('deels')));
    expect(twenteOutcome(partly).requirements.every((requirement) => requirement.band === 'geen-of-bijna-geen')).toBe(true);
  });

  it('publishes bands only: no counts, no municipality codes', () => {
    const outcome = twenteOutcome(submissionsWith(9));
    expect(Object.keys(outcome).sort()).toEqual(['basisOpOrde', 'requirements']);
    expect(Object.keys(outcome.requirements[0] ?? {}).sort()).toEqual(['band', 'labelEn', 'labelNl', 'met', 'requirementId']);
    const published = JSON.stringify(outcome);
    for (const code of MUNICIPALITY_CODES) expect(published).not.toContain(code);
  });

  it('refuses submissions from two rounds, or two from one municipality', () => {
    const mixed = [submission('0164', allStatuses('voldaan')), submission('0153', allStatuses('voldaan'), 'other')];
    expect(() => twenteOutcome(mixed)).toThrow(ValidationError);
    const twice = [submission('0164', allStatuses('voldaan')), submission('0164', allStatuses('deels'))];
    expect(() => twenteOutcome(twice)).toThrow(ValidationError);
  });
});

describe('a mayor who knows their own result cannot deduce another municipality’s', () => {
  it('for every count 0..14 and every own status, both statuses stay possible for any other municipality', () => {
    for (const ownStatus of ASSESSMENT_STATUSES) {
      const ownMet = ownStatus === 'voldaan' ? 1 : 0;
      for (let count = ownMet; count <= 13 + ownMet; count += 1) {
        // The reader (index 0) holds ownStatus; the others fill up to `count` municipalities meeting '2a'.
        const submissions = MUNICIPALITY_CODES.map((code, index) => {
          const status = index === 0 ? ownStatus : index <= count - ownMet ? 'voldaan' : 'niet-voldaan';
          return submission(code, { ...allStatuses('onbekend'), '2a': status });
        });
        const seen = twenteOutcome(submissions, 14, ['2a']).requirements[0]?.band;
        // Counts of the 13 others that produce the same band for this reader.
        const consistentOthers = Array.from({ length: 14 }, (_, others) => others).filter(
          (others) => bandForCount(others + ownMet).id === seen,
        );
        const otherCanMeet = consistentOthers.some((others) => others > 0);
        const otherCanFail = consistentOthers.some((others) => others < 13);
        expect({ ownStatus, count, otherCanMeet, otherCanFail }).toEqual({ ownStatus, count, otherCanMeet: true, otherCanFail: true });
      }
    }
  });

  it('exhaustively over all 2^14 outcomes: for every reader and band seen, every other municipality may have either status', () => {
    // The band depends only on who has "voldaan", so met / not met per municipality covers all cases.
    const n = MUNICIPALITY_CODES.length;
    // possible[reader][readerMet][band] = bitmasks: bit m of [0] set if m can be "not met", of [1] if m can be "met".
    const possible = new Map<string, [number, number]>();
    for (let assignment = 0; assignment < 1 << n; assignment += 1) {
      const submissions = MUNICIPALITY_CODES.map((code, index) =>
        submission(code, { ...allStatuses('onbekend'), '1a': (assignment >> index) & 1 ? 'voldaan' : 'niet-voldaan' }),
      );
      const band = twenteOutcome(submissions, n, ['1a']).requirements[0]?.band;
      for (let reader = 0; reader < n; reader += 1) {
        const key = `${reader}:${(assignment >> reader) & 1}:${band}`;
        const [canFail, canMeet] = possible.get(key) ?? [0, 0];
        possible.set(key, [canFail | (~assignment & ((1 << n) - 1)), canMeet | assignment]);
      }
    }
    const everyone = (1 << n) - 1;
    for (const [key, [canFail, canMeet]] of possible) {
      const reader = Number(key.split(':')[0]);
      const others = everyone & ~(1 << reader);
      expect({ key, canFail: canFail & others, canMeet: canMeet & others }).toEqual({ key, canFail: others, canMeet: others });
    }
    // Every band is seen by readers of both own results where the counts allow it.
    expect(possible.size).toBe(n * 8);
  });
});
