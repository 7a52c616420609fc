import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JWK } from 'jose';
import { z } from 'zod';
import type { InstanceRegistry, RegisteredInstance } from './hub-credential-verifier.js';

/**
 * Where the hub learns each instance's public key and what it may speak for.
 *
 * Local mode: the hub's allow-list (instance id -> tenant and municipalities) comes from the
 * seed's topology, exactly as `npm start` lays it out; each instance publishes only its
 * PUBLIC key into `data/hub/instances/<instanceId>.json` at start. A published file that
 * claims other municipalities or another tenant than the allow-list is ignored, so an
 * instance cannot widen its own reach by writing its file.
 *
 * Production: one registry file kept by the hub's operator (`HUB_INSTANCE_REGISTRY`),
 * listing every instance with its tenant, municipalities and registered public key(s).
 */

const publicJwkSchema = z
  .object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string().min(40).max(50) })
  .strict()
  .transform((jwk): JWK => ({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }));

const entrySchema = z.object({
  instanceId: z.string().regex(/^[a-z0-9-]{2,40}$/),
  tenantId: z.string().uuid(),
  municipalityCodes: z.array(z.string().regex(/^\d{4}$/)).min(1),
  publicKeys: z.array(publicJwkSchema).min(1).max(4),
});

const registryFileSchema = z.object({ instances: z.array(entrySchema) });

export type PublishedInstanceKey = z.output<typeof entrySchema>;

export function localRegistryDir(dataDir: string): string {
  return path.resolve(dataDir, 'hub', 'instances');
}

/** The instance side, local mode: publish this instance's public key for the hub to read. */
export function publishInstanceKey(registryDir: string, entry: PublishedInstanceKey): string {
  const checked = entrySchema.parse(entry);
  mkdirSync(registryDir, { recursive: true });
  const file = path.join(registryDir, `${checked.instanceId}.json`);
  const temporary = `${file}.${process.pid}.tmp`;
  // Write then rename, so the hub never reads a half-written file.
  writeFileSync(temporary, `${JSON.stringify(checked, null, 2)}\n`, { mode: 0o644 });
  renameSync(temporary, file);
  return file;
}

type AllowedInstance = Omit<RegisteredInstance, 'publicKeys'>;

/** Local mode: allow-list from the topology, public keys from the files the instances published. */
export class LocalInstanceRegistry implements InstanceRegistry {
  private readonly allowed: Map<string, AllowedInstance>;

  constructor(
    private readonly registryDir: string,
    allowList: readonly AllowedInstance[],
  ) {
    this.allowed = new Map(allowList.map((entry) => [entry.instanceId, entry]));
  }

  async lookup(instanceId: string): Promise<RegisteredInstance | undefined> {
    const allowed = this.allowed.get(instanceId);
    if (!allowed) return undefined;
    const file = path.join(this.registryDir, `${instanceId}.json`);
    if (!existsSync(file)) return undefined;
    // Read on every lookup: an instance restarted with a new data folder publishes a new key.
    const parsed = entrySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')) as unknown);
    if (!parsed.success) return undefined;
    const published = parsed.data;
    const sameCodes =
      published.municipalityCodes.length === allowed.municipalityCodes.length &&
      published.municipalityCodes.every((code) => allowed.municipalityCodes.includes(code));
    if (published.instanceId !== instanceId || published.tenantId !== allowed.tenantId || !sameCodes) return undefined;
    return { ...allowed, publicKeys: published.publicKeys };
  }
}

/** Production: the operator's registry file, read once at start and validated strictly. */
export class StaticInstanceRegistry implements InstanceRegistry {
  private readonly entries: Map<string, RegisteredInstance>;

  constructor(entries: readonly RegisteredInstance[]) {
    this.entries = new Map(entries.map((entry) => [entry.instanceId, entry]));
  }

  static fromFile(file: string): StaticInstanceRegistry {
    const parsed = registryFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')) as unknown);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`hub instance registry ${file} is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
    }
    const claimed = new Map<string, string>();
    for (const entry of parsed.data.instances) {
      for (const code of entry.municipalityCodes) {
        const other = claimed.get(code);
        if (other && other !== entry.instanceId) throw new Error(`hub instance registry ${file}: municipality ${code} is registered to two instances`);
        claimed.set(code, entry.instanceId);
      }
    }
    return new StaticInstanceRegistry(parsed.data.instances);
  }

  async lookup(instanceId: string): Promise<RegisteredInstance | undefined> {
    return this.entries.get(instanceId);
  }
}
