import { describe, it, expect } from 'vitest';
import {
  defaultRetryAfterMs,
  outcomeFromHttpError,
  outcomeFromThrown,
  parseRetryAfter,
} from '../src/teams/delivery-outcome.js';

const now = new Date('2026-10-21T07:28:00.000Z');

describe('outcomeFromHttpError', () => {
  it.each([
    { status: 200, header: null, expected: { kind: 'sent' } },
    { status: 201, header: null, expected: { kind: 'sent' } },
    { status: 429, header: '7', expected: { kind: 'throttled', retryAfterMs: 7_000 } },
    { status: 429, header: '0.5', expected: { kind: 'throttled', retryAfterMs: 500 } },
    { status: 429, header: 'Wed, 21 Oct 2026 07:28:30 GMT', expected: { kind: 'throttled', retryAfterMs: 30_000 } },
    { status: 429, header: 'Wed, 21 Oct 2026 07:00:00 GMT', expected: { kind: 'throttled', retryAfterMs: 0 } },
    { status: 429, header: null, expected: { kind: 'throttled', retryAfterMs: defaultRetryAfterMs } },
    { status: 429, header: 'soon', expected: { kind: 'throttled', retryAfterMs: defaultRetryAfterMs } },
    { status: 429, header: '-5', expected: { kind: 'throttled', retryAfterMs: defaultRetryAfterMs } },
    { status: 403, header: null, expected: { kind: 'recipient-gone', status: 403 } },
    { status: 404, header: null, expected: { kind: 'recipient-gone', status: 404 } },
    { status: 408, header: null, expected: { kind: 'failed', transient: true, status: 408 } },
    { status: 500, header: null, expected: { kind: 'failed', transient: true, status: 500 } },
    { status: 502, header: null, expected: { kind: 'failed', transient: true, status: 502 } },
    { status: 503, header: '120', expected: { kind: 'failed', transient: true, status: 503 } },
    { status: 504, header: null, expected: { kind: 'failed', transient: true, status: 504 } },
    { status: 400, header: null, expected: { kind: 'failed', transient: false, status: 400 } },
    { status: 401, header: null, expected: { kind: 'failed', transient: false, status: 401 } },
    { status: 413, header: null, expected: { kind: 'failed', transient: false, status: 413 } },
    { status: undefined, header: null, expected: { kind: 'failed', transient: true } },
  ])('HTTP $status (Retry-After $header) → $expected.kind', ({ status, header, expected }) => {
    expect(outcomeFromHttpError(status, header, now)).toEqual(expected);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    { header: '1', expected: 1_000 },
    { header: ' 30 ', expected: 30_000 },
    { header: 'Wed, 21 Oct 2026 07:29:00 GMT', expected: 60_000 },
    { header: '', expected: undefined },
    { header: undefined, expected: undefined },
    { header: '12abc', expected: undefined },
  ])('"$header" → $expected', ({ header, expected }) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('outcomeFromThrown', () => {
  it('reads status and Retry-After from an Azure RestError shape', () => {
    const headers = new Map([['retry-after', '3']]);
    const error = Object.assign(new Error('Too Many Requests'), {
      statusCode: 429,
      response: { status: 429, headers: { get: (name: string) => headers.get(name) } },
    });
    expect(outcomeFromThrown(error, now)).toEqual({ kind: 'throttled', retryAfterMs: 3_000 });
  });

  it('reads a plain header object', () => {
    const error = { statusCode: 429, response: { headers: { 'Retry-After': '4' } } };
    expect(outcomeFromThrown(error, now)).toEqual({ kind: 'throttled', retryAfterMs: 4_000 });
  });

  it.each([
    { name: 'blocked user', error: { statusCode: 403 }, expected: { kind: 'recipient-gone', status: 403 } },
    { name: 'fetch-style status', error: { status: 404 }, expected: { kind: 'recipient-gone', status: 404 } },
    { name: 'server error', error: { statusCode: 500 }, expected: { kind: 'failed', transient: true, status: 500 } },
    {
      name: 'connection reset',
      error: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      expected: { kind: 'failed', transient: true },
    },
    { name: 'a thrown string', error: 'boom', expected: { kind: 'failed', transient: true } },
  ])('$name', ({ error, expected }) => {
    expect(outcomeFromThrown(error, now)).toEqual(expected);
  });
});
