import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.js';

const BASE = { MODE: 'local', TENANT_ID: 'b918ae37-0803-4acd-b7c1-78de67c55597', MUNICIPALITY_CODES: '0164' };

describe('SIGNAL_RETENTION_MONTHS', () => {
  it('defaults to 12 months after closure', () => {
    expect(loadConfig(BASE).retention).toEqual({ defaultMonths: 12, perMunicipality: {} });
  });

  it('takes a default and per-municipality terms', () => {
    expect(loadConfig({ ...BASE, SIGNAL_RETENTION_MONTHS: '24,0164=18,0153=36' }).retention).toEqual({
      defaultMonths: 24,
      perMunicipality: { '0164': 18, '0153': 36 },
    });
  });

  it.each(['0', '121', 'twaalf', '12,0164', '12;0164=18'])('refuses %s, naming the variable', (value) => {
    expect(() => loadConfig({ ...BASE, SIGNAL_RETENTION_MONTHS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...BASE, SIGNAL_RETENTION_MONTHS: value })).toThrow(/SIGNAL_RETENTION_MONTHS/);
  });
});
