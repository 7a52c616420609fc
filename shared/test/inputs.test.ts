import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/domain/errors.js';
import {
  INPUT_LIMITS,
  absenceInputSchema,
  assertOccurredOnNotInFuture,
  departmentInputSchema,
  devClockSchema,
  devLoginSchema,
  identityReasonSchema,
  parseInput,
  roleAssignmentInputSchema,
  signalSubmitSchema,
  signalTransitionInputSchema,
} from '../src/schemas/inputs.js';

/** What the Adaptive Card sends on submit (all values as the card delivers them). */
const CARD_SUBMIT = {
  action: 'signal.submit',
  submissionId: 'card-7f3a9c21',
  category: 'drugs',
  description: 'De ramen van de loods zijn afgeplakt en er hangt een hennepgeur.',
  location: 'Industrieweg 12, Hengelo',
  occurredOn: '2026-03-01',
  period: '',
  involved: '',
  noticedHow: 'Tijdens een controle van de vergunning.',
  concernsMtContact: 'false',
  confidentiality: 'named',
};

function fieldOf(schema: Parameters<typeof parseInput>[0], value: unknown): { field: string; message: string } {
  try {
    parseInput(schema, value);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const { field, message } = error as ValidationError;
    return { field, message };
  }
  throw new Error('expected the input to be refused');
}

describe('signalSubmitSchema', () => {
  it('accepts what the card sends, trimming text, dropping blank optionals and reading string booleans', () => {
    const parsed = parseInput(signalSubmitSchema, { ...CARD_SUBMIT, location: '  Industrieweg 12  ', concernsMtContact: 'true' });
    expect(parsed).toEqual({
      action: 'signal.submit',
      submissionId: 'card-7f3a9c21',
      category: 'drugs',
      description: CARD_SUBMIT.description,
      location: 'Industrieweg 12',
      occurredOn: '2026-03-01',
      noticedHow: CARD_SUBMIT.noticedHow,
      concernsMtContact: true,
      confidentiality: 'named',
    });
    expect(parseInput(signalSubmitSchema, { ...CARD_SUBMIT, concernsMtContact: false }).concernsMtContact).toBe(false);
  });

  it('accepts a period instead of a date, and keeps line breaks and tabs', () => {
    const parsed = parseInput(signalSubmitSchema, {
      ...CARD_SUBMIT,
      occurredOn: undefined,
      period: 'sinds maart',
      description: 'Regel een\r\nregel twee\tmet tab',
    });
    expect(parsed.period).toBe('sinds maart');
    expect(parsed.occurredOn).toBeUndefined();
    expect(parsed.description).toBe('Regel een\nregel twee\tmet tab');
  });

  it.each([
    ['submissionId', { submissionId: 'short' }, 'at least 8 characters'],
    ['submissionId', { submissionId: 'x'.repeat(101) }, 'at most 100 characters'],
    ['submissionId', { submissionId: 'card 7f3a/9c21' }, 'only letters, digits'],
    ['category', { category: 'fietsendiefstal' }, 'must be one of: drugs, witwassen'],
    ['description', { description: 'te kort' }, 'at least 10 characters'],
    ['description', { description: 'x'.repeat(INPUT_LIMITS.description.max + 1) }, 'at most 4000 characters'],
    ['description', { description: 42 }, 'must be a string'],
    ['description', { description: undefined }, 'is required'],
    ['description', { description: 'Tekst met een\u0000nul-teken erin' }, 'control characters'],
    ['description', { description: 'Tekst met een\u001bescape-teken' }, 'control characters'],
    ['location', { location: '   ' }, 'must not be empty'],
    ['location', { location: 'y'.repeat(501) }, 'at most 500 characters'],
    ['occurredOn', { occurredOn: '01-03-2026' }, 'yyyy-mm-dd'],
    ['occurredOn', { occurredOn: '2026-02-30' }, 'yyyy-mm-dd'],
    ['period', { period: 'sinds maart' }, 'not both'],
    ['occurredOn', { occurredOn: '', period: '' }, 'is required unless a "period" is given'],
    ['period', { occurredOn: undefined, period: 'p'.repeat(201) }, 'at most 200 characters'],
    ['period', { occurredOn: undefined, period: 'sinds\nmaart' }, 'single line'],
    ['involved', { involved: 'i'.repeat(1001) }, 'at most 1000 characters'],
    ['noticedHow', { noticedHow: 'n'.repeat(1001) }, 'at most 1000 characters'],
    ['concernsMtContact', { concernsMtContact: 'ja' }, 'must be true or false'],
    ['concernsMtContact', { concernsMtContact: undefined }, 'is required'],
    ['confidentiality', { confidentiality: 'secret' }, 'named, confidential, anonymous'],
    ['action', { action: 'signal.update' }, 'must be "signal.submit"'],
  ])('refuses a bad %s (%j)', (field, change, phrase) => {
    const refused = fieldOf(signalSubmitSchema, { ...CARD_SUBMIT, ...change });
    expect(refused.field).toBe(field);
    expect(refused.message).toContain(`Field "${field}"`);
    expect(refused.message).toContain(phrase);
    expect(refused.message).toMatch(/\.$/);
  });

  it('accepts text exactly at the limits', () => {
    const parsed = parseInput(signalSubmitSchema, {
      ...CARD_SUBMIT,
      submissionId: 'a'.repeat(100),
      description: 'd'.repeat(4000),
      location: 'l'.repeat(500),
      involved: 'i'.repeat(1000),
    });
    expect(parsed.description).toHaveLength(4000);
  });

  it('refuses a date of occurrence in the future, judged by the service clock in Dutch time', () => {
    // 23:30 UTC on 28 Feb is already 1 March in the Netherlands.
    expect(() => assertOccurredOnNotInFuture({ occurredOn: '2026-03-01' }, new Date('2026-02-28T23:30:00Z'))).not.toThrow();
    expect(() => assertOccurredOnNotInFuture({ occurredOn: '2026-03-01' }, new Date('2026-02-28T22:30:00Z'))).toThrow(
      expect.objectContaining({ field: 'occurredOn', message: 'Field "occurredOn" must not be in the future.' }),
    );
    expect(() => assertOccurredOnNotInFuture({ period: 'sinds maart' } as { occurredOn?: string }, new Date())).not.toThrow();
  });

  it('refuses a body that is not an object', () => {
    expect(fieldOf(signalSubmitSchema, 'signal')).toEqual({ field: 'input', message: 'Field "input" must be an object.' });
  });
});

describe('dev routes', () => {
  it('login needs a user principal name', () => {
    expect(parseInput(devLoginSchema, { upn: ' medewerker@hengelo.example ' })).toEqual({ upn: 'medewerker@hengelo.example' });
    expect(fieldOf(devLoginSchema, { upn: 'medewerker' }).field).toBe('upn');
    expect(fieldOf(devLoginSchema, {}).message).toBe('Field "upn" is required.');
    expect(fieldOf(devLoginSchema, { upn: `${'a'.repeat(250)}@x.example` }).message).toContain('at most 255');
  });

  it('the clock takes an ISO-8601 moment with a time zone', () => {
    expect(parseInput(devClockSchema, { now: '2026-03-01T09:00:00+01:00' })).toEqual({ now: '2026-03-01T09:00:00+01:00' });
    expect(fieldOf(devClockSchema, { now: '2026-03-01T09:00:00' }).message).toContain('ISO-8601');
    expect(fieldOf(devClockSchema, { now: 'morgen' }).field).toBe('now');
  });
});

describe('organisation admin inputs', () => {
  it('a department has a name within 255 characters and distinct heads', () => {
    expect(parseInput(departmentInputSchema, { name: 'Vergunningen', headUpn: '', deputyHeadUpn: null })).toEqual({ name: 'Vergunningen' });
    expect(fieldOf(departmentInputSchema, { name: 'n'.repeat(256) }).field).toBe('name');
    expect(fieldOf(departmentInputSchema, { name: 'Vergunningen', headUpn: 'geen-upn' }).field).toBe('headUpn');
    expect(fieldOf(departmentInputSchema, { name: 'A', headUpn: 'a@h.example', deputyHeadUpn: 'A@h.example' }).field).toBe('deputyHeadUpn');
  });

  it('a role assignment names one of the assignable roles', () => {
    expect(parseInput(roleAssignmentInputSchema, { role: 'mt-deputy', personUpn: 'p@h.example' }).role).toBe('mt-deputy');
    expect(fieldOf(roleAssignmentInputSchema, { role: 'dvo', personUpn: 'p@h.example' }).field).toBe('role');
    expect(fieldOf(roleAssignmentInputSchema, { role: 'coordinator' }).field).toBe('personUpn');
  });

  it('an absence ends on or after its start', () => {
    const absence = { personUpn: 'p@h.example', startsOn: '2026-07-01', endsOn: '2026-07-01', description: 'Vakantie' };
    expect(parseInput(absenceInputSchema, absence)).toEqual(absence);
    expect(fieldOf(absenceInputSchema, { ...absence, endsOn: '2026-06-30' })).toEqual({
      field: 'endsOn',
      message: 'Field "endsOn" must not be before "startsOn".',
    });
    expect(fieldOf(absenceInputSchema, { ...absence, description: 'd'.repeat(256) }).field).toBe('description');
  });
});

describe('workflow inputs', () => {
  const forward = { action: 'forward', forwardedTo: { organisation: 'riec', forwardedOn: '2026-03-05', legalBasis: 'art. 20 Wpg' } };

  it('accepts each kind of step', () => {
    expect(parseInput(signalTransitionInputSchema, forward)).toEqual(forward);
    expect(parseInput(signalTransitionInputSchema, { action: 'close', outcome: 'doorgezet' })).toEqual({ action: 'close', outcome: 'doorgezet' });
    expect(parseInput(signalTransitionInputSchema, { action: 'reopen' })).toEqual({ action: 'reopen' });
  });

  it.each([
    ['forwardedTo.organisationName', { ...forward, forwardedTo: { ...forward.forwardedTo, organisation: 'anders' } }],
    ['forwardedTo.legalBasis', { ...forward, forwardedTo: { ...forward.forwardedTo, legalBasis: '' } }],
    ['forwardedTo.forwardedOn', { ...forward, forwardedTo: { ...forward.forwardedTo, forwardedOn: 'gisteren' } }],
    ['outcome', { action: 'close', outcome: 'klaar' }],
    ['action', { action: 'archive' }],
  ])('refuses a bad %s', (field, value) => {
    expect(fieldOf(signalTransitionInputSchema, value).field).toBe(field);
  });

  it('names the allowed steps when the step is unknown or missing', () => {
    expect(fieldOf(signalTransitionInputSchema, { action: 'archive' }).message).toBe(
      'Field "action" must be one of: forward, close, acknowledge, start, resume, reopen.',
    );
    expect(fieldOf(signalTransitionInputSchema, {}).message).toBe('Field "action" is required.');
  });

  it('a reason for reading a confidential identity is a real sentence', () => {
    expect(fieldOf(identityReasonSchema, { reason: 'omdat' }).message).toContain(`at least ${INPUT_LIMITS.identityReason.min}`);
    expect(parseInput(identityReasonSchema, { reason: 'Om de melder als getuige te horen.' }).reason).toContain('getuige');
  });
});
