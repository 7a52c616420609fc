import type { DeliveryOutcome } from '@weerbaar/shared';

/** Wait used when a 429 carries no usable Retry-After. */
export const defaultRetryAfterMs = 1_000;

/**
 * Parses a Retry-After header: delay-seconds ("120", fractions tolerated) or an HTTP-date
 * ("Wed, 21 Oct 2026 07:28:00 GMT"). Returns milliseconds from `now`, or undefined when the
 * header is missing or unreadable. A date in the past means "now": 0.
 */
export function parseRetryAfter(header: string | null | undefined, now: Date = new Date()): number | undefined {
  const value = header?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1_000);
  // Only an HTTP-date (it names a weekday or month) is a date; "-5" or "soon" are not.
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/**
 * Maps an HTTP answer from the Bot Connector to a delivery outcome. `status` undefined
 * means no answer at all (connection refused, reset, timeout): worth retrying.
 */
export function outcomeFromHttpError(
  status: number | undefined,
  retryAfterHeader: string | null | undefined,
  now: Date = new Date(),
): DeliveryOutcome {
  if (status === undefined) return { kind: 'failed', transient: true };
  if (status >= 200 && status < 300) return { kind: 'sent' };
  if (status === 429) {
    return { kind: 'throttled', retryAfterMs: parseRetryAfter(retryAfterHeader, now) ?? defaultRetryAfterMs };
  }
  // 403: the user blocked or uninstalled the bot, or left the tenant; 404: the conversation is gone.
  if (status === 403 || status === 404) return { kind: 'recipient-gone', status };
  // 408 (request timeout) and 5xx are the service's trouble, not the message's.
  if (status === 408 || status >= 500) return { kind: 'failed', transient: true, status };
  return { kind: 'failed', transient: false, status };
}

/**
 * Maps what a Bot Framework client threw (an Azure RestError: `statusCode` plus
 * `response.headers`, or a plain network error without a status) to an outcome.
 */
export function outcomeFromThrown(error: unknown, now: Date = new Date()): DeliveryOutcome {
  return outcomeFromHttpError(statusOf(error), retryAfterOf(error), now);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function statusOf(error: unknown): number | undefined {
  if (!isRecord(error)) return undefined;
  for (const candidate of [error['statusCode'], error['status'], isRecord(error['response']) ? error['response']['status'] : undefined]) {
    if (typeof candidate === 'number' && Number.isInteger(candidate)) return candidate;
  }
  return undefined;
}

function retryAfterOf(error: unknown): string | undefined {
  if (!isRecord(error) || !isRecord(error['response'])) return undefined;
  const headers = error['response']['headers'];
  if (!isRecord(headers)) return undefined;
  // core-rest-pipeline HttpHeaders and fetch Headers expose get(); older clients a plain object.
  const get = headers['get'];
  if (typeof get === 'function') {
    const value: unknown = get.call(headers, 'retry-after');
    return typeof value === 'string' ? value : undefined;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'retry-after' && typeof value === 'string') return value;
  }
  return undefined;
}
