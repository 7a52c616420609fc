/** A browser without JavaScript, in a few functions: GET and POST the /melden pages as forms. */

export interface PageResponse {
  status: number;
  headers: Headers;
  html: string;
}

export async function getPage(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<PageResponse> {
  const res = await fetch(`${baseUrl}${path}`, { headers });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

export async function postPage(baseUrl: string, path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<PageResponse> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

/** The hidden nonce of a freshly served form. */
export async function freshSubmissionId(baseUrl: string): Promise<string> {
  const page = await getPage(baseUrl, '/melden');
  const match = /name="submissionId" value="([^"]+)"/.exec(page.html);
  if (!match?.[1]) throw new Error('form has no submissionId');
  return match[1];
}

/** A complete, valid report as the form would post it. */
export function validReport(submissionId: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    submissionId,
    category: 'vastgoed',
    description: 'Twaalf mensen ingeschreven op een adres met twee kamers.',
    location: 'Dorpsstraat 1',
    occurredOn: '',
    period: 'sinds maart',
    involved: '',
    noticedHow: 'Bij een huisbezoek',
    ...overrides,
  };
}

export function receiptCodeOf(html: string): string | undefined {
  return /<code class="receipt-code" id="receipt-code">([^<]+)<\/code>/.exec(html)?.[1];
}

export function referenceOf(html: string): string | undefined {
  return /<dd class="reference">([^<]+)<\/dd>/.exec(html)?.[1];
}

/** The value of a text field as the page gives it back, unescaped. */
export function fieldValue(html: string, name: string): string | undefined {
  const textarea = new RegExp(`<textarea[^>]*name="${name}"[^>]*>\\n([\\s\\S]*?)</textarea>`).exec(html);
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html);
  const raw = textarea?.[1] ?? input?.[1];
  return raw === undefined ? undefined : unescapeHtml(raw);
}

export function isChecked(html: string, id: string): boolean {
  return new RegExp(`<input[^>]*id="${id}"[^>]*\\schecked[\\s>]`).test(html);
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
