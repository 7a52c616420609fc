import { apiErrorFrom } from './SignalsApiError';

/** One HTTP exchange with a Weerbaar Twente API (an instance or the hub). */
export interface TransportRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path and query below the API's base URL, e.g. `/api/checklist`. */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface TransportResponse {
  readonly status: number;
  text(): Promise<string>;
}

/** How a request travels: AadHttpClient with an Entra token in SharePoint, fetch with a local token in the workbench. */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
}

/**
 * window.fetch with a bearer token: the local workbench, where the token comes from the
 * instance's or the hub's `POST /dev/login`.
 */
export class FetchTransport implements Transport {
  public constructor(
    private readonly baseUrl: string,
    private readonly token: string
  ) {}

  public async send(request: TransportRequest): Promise<TransportResponse> {
    const response = await fetch(this.baseUrl.replace(/\/+$/, '') + request.path, {
      method: request.method,
      headers: { ...request.headers, Authorization: 'Bearer ' + this.token },
      body: request.body,
      credentials: 'omit',
      cache: 'no-store'
    });
    return { status: response.status, text: () => response.text() };
  }
}

/** JSON in, JSON out, and the API's `{"error":{…}}` as a SignalsApiError with its translated message. */
export class JsonApi {
  public constructor(
    private readonly transport: Transport,
    private readonly language: string
  ) {}

  public async json<T>(method: TransportRequest['method'], path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
    const text = await this.text(method, path, 'application/json', body, extraHeaders);
    return JSON.parse(text) as T;
  }

  public async text(
    method: TransportRequest['method'],
    path: string,
    accept: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {}
  ): Promise<string> {
    const headers: Record<string, string> = { Accept: accept, 'Accept-Language': this.language, ...extraHeaders };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await this.transport.send({ method, path, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (response.status < 200 || response.status >= 300) throw apiErrorFrom(response.status, text);
    return text;
  }
}
