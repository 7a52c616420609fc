import type { Dispatcher } from 'undici-types';

/**
 * A fetch dispatcher that trusts the test CA, for Node's built-in fetch (which the Graph
 * client uses) inside this process.
 *
 * Why not NODE_EXTRA_CA_CERTS: Node reads it once at start-up, and the vitest worker is
 * already running when the test makes its CA. Why not a child process: the contract suite
 * must run in this process to share vitest's describe/it. Node does not export undici's
 * Agent, but its fetch registers the global dispatcher under the cross-version symbol
 * `undici.globalDispatcher.1` (the one the undici package uses to share it), so its Agent
 * class is reachable there; a new Agent with `connect.ca` trusts exactly our CA, and is
 * handed to the Graph client through its standard `fetchOptions`.
 */
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

export async function trustingDispatcher(caPem: string): Promise<Dispatcher> {
  // The global dispatcher is created when fetch is first used; a data: URL needs no network.
  await fetch('data:,');
  const global: unknown = Reflect.get(globalThis, GLOBAL_DISPATCHER);
  const AgentClass: unknown = isObject(global) ? global.constructor : undefined;
  if (typeof AgentClass !== 'function') throw new Error("Node's fetch dispatcher is not reachable; run the Graph tests in a child with NODE_EXTRA_CA_CERTS");
  const agent: unknown = Reflect.construct(AgentClass, [{ connect: { ca: caPem } }]);
  if (!isDispatcher(agent)) throw new Error('Could not create a fetch dispatcher');
  return agent;
}

function isObject(value: unknown): value is { constructor: unknown } {
  return typeof value === 'object' && value !== null;
}

function isDispatcher(value: unknown): value is Dispatcher {
  return isObject(value) && typeof Reflect.get(value, 'dispatch') === 'function' && typeof Reflect.get(value, 'close') === 'function';
}
