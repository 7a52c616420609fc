import { HttpSignalsClient, type ApiRequest, type ApiResponse } from './HttpSignalsClient';

/**
 * The signals API through window.fetch with a bearer token: the local workbench, where the token
 * comes from the instance's `POST /dev/login`. The instance runs on another port than the page, so
 * this is a cross-origin call the instance allows for the hub's origin in local mode only.
 */
export class FetchSignalsClient extends HttpSignalsClient {
  public constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    language: string
  ) {
    super(language);
  }

  protected async send(request: ApiRequest): Promise<ApiResponse> {
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
