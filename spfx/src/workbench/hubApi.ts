/** The local hub's and instances' development endpoints the workbench uses (local mode only). */

export interface WorkbenchPerson {
  readonly upn: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  // eslint-disable-next-line @rushstack/no-new-null -- the hub's people.json sends null for a district person (no municipality)
  readonly municipalityCode: string | null;
}

export interface WorkbenchInstance {
  readonly instanceId: string;
  readonly baseUrl: string;
  readonly municipalityCodes: readonly string[];
  readonly municipalities: readonly { code: string; name: string }[];
  readonly health: 'ok' | 'unreachable';
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { cache: 'no-store', credentials: 'omit', ...init });
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export function fetchPeople(): Promise<WorkbenchPerson[]> {
  return getJson<{ people: WorkbenchPerson[] }>('/workbench/people.json').then((body) => body.people);
}

export function fetchInstances(): Promise<WorkbenchInstance[]> {
  return getJson<{ instances: WorkbenchInstance[] }>('/api/instances').then((body) => body.instances);
}

/** Signs in as a seeded person on the instance that serves their municipality; returns its bearer token. */
export async function devLogin(instance: WorkbenchInstance, upn: string): Promise<string> {
  const body = await getJson<{ token: string }>(instance.baseUrl + '/dev/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ upn })
  });
  return body.token;
}

export function instanceFor(instances: readonly WorkbenchInstance[], person: WorkbenchPerson): WorkbenchInstance | undefined {
  return instances.find((instance) => person.municipalityCode !== null && instance.municipalityCodes.indexOf(person.municipalityCode) >= 0);
}

/** A district person's token from the hub's own /dev/login (this page's origin): district roles live at the hub. */
export async function hubLogin(upn: string): Promise<string> {
  const body = await getJson<{ token: string }>('/dev/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ upn })
  });
  return body.token;
}
