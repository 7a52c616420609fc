import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localHubCors } from '../src/http/local-cors.js';

const HUB = 'http://localhost:3978';

describe('local CORS allowance for the hub workbench', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(localHubCors(HUB));
    app.get('/api/signals', (_req, res) => void res.json({ items: [] }));
    app.post('/dev/login', (_req, res) => void res.json({ token: 't' }));
    app.post('/dev/clock', (_req, res) => void res.json({ now: 'x' }));
    app.get('/melden', (_req, res) => void res.send('form'));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    { what: 'the hub origin on the API', origin: HUB, method: 'GET', path: '/api/signals', allowed: true },
    { what: 'the hub origin as 127.0.0.1', origin: 'http://127.0.0.1:3978', method: 'GET', path: '/api/signals', allowed: true },
    { what: 'the hub origin on /dev/login', origin: HUB, method: 'POST', path: '/dev/login', allowed: true },
    { what: 'another local port', origin: 'http://localhost:4000', method: 'GET', path: '/api/signals', allowed: false },
    { what: 'another host', origin: 'https://evil.example', method: 'GET', path: '/api/signals', allowed: false },
    { what: 'the hub origin on /dev/clock', origin: HUB, method: 'POST', path: '/dev/clock', allowed: false },
    { what: 'the hub origin on a page', origin: HUB, method: 'GET', path: '/melden', allowed: false },
  ])('$what: allowed=$allowed', async ({ origin, method, path, allowed }) => {
    const response = await fetch(base + path, { method, headers: { origin } });
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed ? origin : null);
  });

  it('answers the preflight of an action (If-Match, Authorization) for the hub only', async () => {
    const preflight = (origin: string) =>
      fetch(`${base}/api/signals/x/actions`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, if-match' },
      });
    const ok = await preflight(HUB);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-methods')).toBe('GET, POST, PATCH, DELETE');
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/If-Match/);
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    const refused = await preflight('https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});
