import path from 'node:path';
import type { Person } from '@weerbaar/shared';
import { loadSeed } from '../seed/load-seed.js';
import { launchTopology, type PlaygroundSpec } from './launch-topology.js';

const HENGELO = '0164';
const PLAYGROUND_PORTS = [56150, 56151];

/**
 * `npm start`: the hub, one instance per tenant, and two Agents Playgrounds pointed at
 * Hengelo's instance (an employee, and the MT contact), or with `--as <upn>` the first
 * playground as that person, pointed at their own instance.
 */
export async function startLocal(options: { root: string; basePort: number; asUpn?: string }): Promise<void> {
  const seed = loadSeed(null);
  const find = (predicate: (p: Person) => boolean, what: string): Person => {
    const person = seed.people.find(predicate);
    if (!person) throw new Error(`the seed has no ${what}`);
    return person;
  };
  const first = options.asUpn
    ? find((p) => p.upn.toLowerCase() === options.asUpn!.toLowerCase() && p.municipalityCode !== null, `municipal person ${options.asUpn}`)
    : find((p) => p.municipalityCode === HENGELO && p.roles.length === 1 && p.roles[0] === 'employee', 'Hengelo employee');
  const mtContact = find((p) => p.municipalityCode === HENGELO && p.roles.includes('mt-contact'), 'Hengelo MT contact');
  const playgrounds: PlaygroundSpec[] = [
    { label: `Playground: ${first.displayName} (${first.roles.join(', ')})`, person: first, port: PLAYGROUND_PORTS[0]!, workDir: path.join(options.root, '.tmp/playground-1') },
    { label: `Playground: ${mtContact.displayName} (MT-aanspreekpunt Hengelo)`, person: mtContact, port: PLAYGROUND_PORTS[1]!, workDir: path.join(options.root, '.tmp/playground-2') },
  ];
  const started = Date.now();
  const topology = await launchTopology({
    basePort: options.basePort,
    dataDir: path.join(options.root, 'data'),
    municipalities: seed.municipalities,
    people: seed.people,
    playgrounds,
    playgroundBin: path.join(options.root, 'node_modules/.bin/agentsplayground'),
    stdio: 'inherit',
    logLevel: process.env.LOG_LEVEL ?? 'warn',
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const lines = [
    '',
    `Weerbaar Twente draait lokaal (all ${topology.instances.length + 1} services healthy in ${seconds} s). Stop met Ctrl+C.`,
    `  Startpagina (hub):      ${topology.hubUrl}/`,
    `  Werkbank (dashboard):   ${topology.hubUrl}/workbench`,
    ...topology.instances.map((i) => `  ${i.municipalities.map((m) => m.name).join(' + ').padEnd(24)}${i.baseUrl}   (/api/health, /api/messages)`),
    ...topology.playgrounds.map((p) => `  ${p.label}: ${p.url}`),
    '',
    `  Probeer: ${first.displayName} <${first.upn}> meldt via playground 1;`,
    `           ${mtContact.displayName} <${mtContact.upn}> ziet de melding in playground 2.`,
    `  Token:   curl -X POST ${topology.instances.find((i) => i.municipalityCodes.includes(HENGELO))?.baseUrl}/dev/login -H 'content-type: application/json' -d '{"upn":"${first.upn}"}'`,
    '',
  ];
  console.log(lines.join('\n'));
  const stop = async () => {
    console.log('Stopping…');
    await topology.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
