import * as React from 'react';
import { devLogin, fetchInstances, fetchPeople, hubLogin, instanceFor, type WorkbenchInstance, type WorkbenchPerson } from './hubApi';
import { WORKBENCH_STRINGS, type WorkbenchLanguage } from './workbenchStrings';

/** Where a person signs in: an instance, the hub this page comes from ('hub'), or nowhere (undefined). */
export type SignInService = WorkbenchInstance | 'hub' | undefined;

/** Municipal web parts: a person signs in at the instance of their municipality, which has to be running. */
export function ownInstance(person: WorkbenchPerson, instances: readonly WorkbenchInstance[]): SignInService {
  const instance = instanceFor(instances, person);
  return instance && instance.health === 'ok' ? instance : undefined;
}

/** Parts that also serve the district: the hub signs in whoever has no instance of their own (district roles). */
export function instanceOrHub(person: WorkbenchPerson, instances: readonly WorkbenchInstance[]): SignInService {
  return instanceFor(instances, person) ?? 'hub';
}

export type ReadySession<Services> = {
  readonly state: 'ready';
  readonly upn: string;
  readonly person: WorkbenchPerson;
  /** Undefined when the person signed in at the hub. */
  readonly instance: WorkbenchInstance | undefined;
  readonly services: Services;
};

export type WorkbenchSession<Services> =
  | { readonly state: 'none' }
  | { readonly state: 'signing-in'; readonly upn: string }
  | { readonly state: 'failed'; readonly upn: string; readonly message: string }
  | ReadySession<Services>;

/** What the page shows when something fails; each page kept its own wording, so each may set its own. */
export interface FailureMessages {
  /** The person is unknown, or nothing is there for them to sign in at. */
  readonly unavailable: string;
  readonly signInFailed: (reason: unknown) => string;
  readonly loadFailed: (reason: unknown) => string;
}

export interface WorkbenchSessionOptions<Services> {
  readonly language: WorkbenchLanguage;
  readonly initialUpn: string | undefined;
  readonly signInAt: (person: WorkbenchPerson, instances: readonly WorkbenchInstance[]) => SignInService;
  /** The web part's clients against the service the person signed in at. */
  readonly connect: (baseUrl: string, token: string) => Services;
  /**
   * When set, each sign-in writes `?lang&part&as` to the address bar, so a reload or a shared link shows
   * the same part as the same person. The dashboard leaves it out: it keeps ?theme= too, on its own.
   */
  readonly part?: string;
  readonly messages?: Partial<FailureMessages>;
}

export interface WorkbenchSessionState<Services> {
  readonly people: readonly WorkbenchPerson[];
  readonly instances: readonly WorkbenchInstance[];
  readonly session: WorkbenchSession<Services>;
  /** Whom the identity switcher shows: the person chosen last, '' after the hub could not be reached. */
  readonly selectedUpn: string | undefined;
  readonly signIn: (upn: string) => void;
}

/**
 * Loads the seeded people and the running instances once, then signs in as a chosen person through the
 * development login of the service they belong to (the page's `?as=` first, if any).
 */
export function useWorkbenchSession<Services>(options: WorkbenchSessionOptions<Services>): WorkbenchSessionState<Services> {
  const [people, setPeople] = React.useState<readonly WorkbenchPerson[]>([]);
  const [instances, setInstances] = React.useState<readonly WorkbenchInstance[]>([]);
  const [session, setSession] = React.useState<WorkbenchSession<Services>>({ state: 'none' });
  const messages: FailureMessages = {
    unavailable: WORKBENCH_STRINGS[options.language].noInstance,
    signInFailed: String,
    loadFailed: String,
    ...options.messages
  };

  // Takes the lists as arguments: the first sign-in runs before the state holding them has updated.
  const signInWith = (upn: string, knownPeople: readonly WorkbenchPerson[], knownInstances: readonly WorkbenchInstance[]): void => {
    const person = knownPeople.find((candidate) => candidate.upn.toLowerCase() === upn.toLowerCase());
    const service = person ? options.signInAt(person, knownInstances) : undefined;
    if (!person || !service) {
      setSession({ state: 'failed', upn, message: messages.unavailable });
      return;
    }
    const instance = service === 'hub' ? undefined : service;
    setSession({ state: 'signing-in', upn: person.upn });
    (instance ? devLogin(instance, person.upn) : hubLogin(person.upn)).then(
      (token) => {
        const services = options.connect(instance ? instance.baseUrl : window.location.origin, token);
        setSession({ state: 'ready', upn: person.upn, person, instance, services });
      },
      (reason: unknown) => setSession({ state: 'failed', upn: person.upn, message: messages.signInFailed(reason) })
    );
    if (options.part !== undefined) {
      const next = new URLSearchParams({ lang: options.language, part: options.part, as: person.upn });
      window.history.replaceState(null, '', '?' + next.toString());
    }
  };

  // The lists load once, on mount, with what the first render knew: the page's `?as=` applies to that load only.
  const onMount = React.useRef({ initialUpn: options.initialUpn, signInWith, loadFailed: messages.loadFailed });
  React.useEffect(() => {
    const first = onMount.current;
    Promise.all([fetchPeople(), fetchInstances()]).then(
      ([loadedPeople, loadedInstances]) => {
        setPeople(loadedPeople);
        setInstances(loadedInstances);
        if (first.initialUpn) first.signInWith(first.initialUpn, loadedPeople, loadedInstances);
      },
      // Nobody can be chosen without the lists, so the failure takes the place of the session.
      (reason: unknown) => setSession({ state: 'failed', upn: '', message: first.loadFailed(reason) })
    );
  }, []);

  return {
    people,
    instances,
    session,
    selectedUpn: session.state === 'none' ? undefined : session.upn,
    signIn: (upn) => signInWith(upn, people, instances)
  };
}
