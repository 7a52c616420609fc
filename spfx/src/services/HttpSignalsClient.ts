import type {
  CurrentUserDto,
  InsightsDto,
  SignalActionRequest,
  SignalDetailDto,
  SignalListDto,
  SignalListQuery,
  SignalsClient
} from '@weerbaar/shared';
import { apiErrorFrom } from './SignalsApiError';

/** What one HTTP exchange with the API needs; AadHttpClient and window.fetch both provide it. */
export interface ApiRequest {
  readonly method: 'GET' | 'POST';
  /** Path and query below the API's base URL, e.g. `/api/signals?status=received`. */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface ApiResponse {
  readonly status: number;
  text(): Promise<string>;
}

const LIST_QUERY_KEYS: readonly (keyof SignalListQuery)[] = [
  'status',
  'category',
  'from',
  'to',
  'department',
  'overdue',
  'sort',
  'pageSize',
  'cursor'
];

/** `?status=received&from=2026-01-01` from the set fields of a query; empty when none is set. */
export function queryString(query: SignalListQuery): string {
  const parts: string[] = [];
  for (const key of LIST_QUERY_KEYS) {
    const value = query[key];
    if (value !== undefined && value !== '') {
      parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(String(value)));
    }
  }
  return parts.length > 0 ? '?' + parts.join('&') : '';
}

/**
 * The signals API over HTTP. Subclasses only say how a request travels (with an Entra token through
 * AadHttpClient in SharePoint, with a local token through fetch in the workbench); the routes, the
 * If-Match header and the error contract live here once, so components never build a URL.
 */
export abstract class HttpSignalsClient implements SignalsClient {
  protected constructor(private readonly language: string) {}

  protected abstract send(request: ApiRequest): Promise<ApiResponse>;

  public me(): Promise<CurrentUserDto> {
    return this.json<CurrentUserDto>('GET', '/api/me');
  }

  public list(query: SignalListQuery): Promise<SignalListDto> {
    return this.json<SignalListDto>('GET', '/api/signals' + queryString(query));
  }

  public get(id: string): Promise<SignalDetailDto> {
    return this.json<SignalDetailDto>('GET', '/api/signals/' + encodeURIComponent(id));
  }

  public act(id: string, etag: string, action: SignalActionRequest): Promise<SignalDetailDto> {
    return this.json<SignalDetailDto>('POST', '/api/signals/' + encodeURIComponent(id) + '/actions', action, {
      'If-Match': etag
    });
  }

  public insights(query: Pick<SignalListQuery, 'from' | 'to'>): Promise<InsightsDto> {
    return this.json<InsightsDto>('GET', '/api/insights' + queryString({ from: query.from, to: query.to }));
  }

  public async exportCsv(query: SignalListQuery): Promise<string> {
    const exportQuery: SignalListQuery = { ...query, cursor: undefined, pageSize: undefined };
    const response = await this.send({
      method: 'GET',
      path: '/api/signals/export.csv' + queryString(exportQuery),
      headers: { Accept: 'text/csv', 'Accept-Language': this.language }
    });
    const text = await response.text();
    if (response.status < 200 || response.status >= 300) throw apiErrorFrom(response.status, text);
    return text;
  }

  private async json<T>(method: 'GET' | 'POST', path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': this.language, ...extraHeaders };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await this.send({ method, path, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (response.status < 200 || response.status >= 300) throw apiErrorFrom(response.status, text);
    return JSON.parse(text) as T;
  }
}
