import type { Municipality } from '@weerbaar/shared';

export interface InstanceDescriptor {
  instanceId: string;
  tenantId: string;
  municipalityCodes: string[];
  municipalities: { code: string; name: string }[];
  baseUrl: string;
  port: number;
}

/** The local topology: one instance per tenant, on PORT + localPortOffset (from the seed). */
export function localInstances(municipalities: readonly Municipality[], basePort: number, host = 'localhost'): InstanceDescriptor[] {
  const byTenant = new Map<string, Municipality[]>();
  for (const m of municipalities) byTenant.set(m.tenantId, [...(byTenant.get(m.tenantId) ?? []), m]);
  return [...byTenant.entries()]
    .map(([tenantId, ms]) => {
      const port = basePort + ms[0]!.localPortOffset;
      const codes = ms.map((m) => m.code);
      return {
        instanceId: `tenant-${codes.join('-')}`,
        tenantId,
        municipalityCodes: codes,
        municipalities: ms.map((m) => ({ code: m.code, name: m.name })),
        baseUrl: `http://${host}:${port}`,
        port,
      };
    })
    .sort((a, b) => a.port - b.port);
}

export type InstanceHealth = InstanceDescriptor & { health: 'ok' | 'unreachable' };

export async function checkHealth(instance: InstanceDescriptor, timeoutMs = 1500): Promise<InstanceHealth> {
  try {
    const response = await fetch(`${instance.baseUrl}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json()) as { status?: string; tenantId?: string };
    const ok = response.ok && body.status === 'ok' && body.tenantId === instance.tenantId;
    return { ...instance, health: ok ? 'ok' : 'unreachable' };
  } catch {
    return { ...instance, health: 'unreachable' };
  }
}
