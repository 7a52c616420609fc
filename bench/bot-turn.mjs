// bench/bot-turn: one run measures p50/p95 of
//   1. a bare Node HTTP echo,
//   2. a bare botbuilder echo bot whose reply is POSTed to a local connector,
//   3. this bot's intake turns (the real service process, SQLite, outbox),
// and prints as its last line: ratio p95 bot/botbuilder-echo: <number>
// Traffic goes to 127.0.0.1 only; every loop is bounded. Run `npm run build` first.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ActivityHandler } from 'botbuilder';
import { measure } from './lib/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const HENGELO = '0164';

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
const close = (server) => new Promise((resolve) => server.close(() => resolve()));
const post = (url, body) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => {
    await r.arrayBuffer();
    if (r.status >= 300) throw new Error(`${url} answered ${r.status}`);
  });

// A local connector: counts the bot's replies and answers like the Bot Connector does.
let replies = 0;
const connector = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    replies++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `r${replies}` }));
  });
});
const connectorUrl = `http://127.0.0.1:${await listen(connector)}`;

const seed = JSON.parse(readFileSync(path.join(root, 'shared/seed/people.json'), 'utf8')).people;
const municipalities = JSON.parse(readFileSync(path.join(root, 'shared/seed/municipalities.json'), 'utf8')).municipalities;
const tenantId = municipalities.find((m) => m.code === HENGELO).tenantId;
const reporter = seed.find((p) => p.municipalityCode === HENGELO && p.roles.length === 1 && p.roles[0] === 'employee');

let counter = 0;
function activity(extra) {
  counter++;
  return {
    type: 'message',
    id: `bench-${counter}`,
    timestamp: new Date().toISOString(),
    serviceUrl: connectorUrl,
    channelId: 'msteams',
    from: { id: `29:${reporter.objectId}`, aadObjectId: reporter.objectId, name: 'Bench' },
    recipient: { id: '28:bench-bot', name: 'Bot' },
    conversation: { id: `a:bench-${reporter.objectId}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    locale: 'nl-NL',
    ...extra,
  };
}

// 1. Bare Node HTTP echo.
const echo = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(Buffer.concat(chunks));
  });
});
const echoUrl = `http://127.0.0.1:${await listen(echo)}/`;
const nodeEcho = await measure('bare Node HTTP echo', ITERATIONS, () => post(echoUrl, activity({ text: 'hallo' })));
await close(echo);

// 2. Bare botbuilder echo bot.
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const echoBot = new ActivityHandler();
echoBot.onMessage(async (context, next) => {
  await context.sendActivity(`echo: ${context.activity.text}`);
  await next();
});
const botServer = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    // The CloudAdapter speaks the express/restify response shape.
    res.status = (code) => ((res.statusCode = code), res);
    res.header = (name, value) => (res.setHeader(name, value), res);
    res.send = (body) => res.end(body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body));
    adapter.process(req, res, (context) => echoBot.run(context)).catch((error) => {
      if (process.env.BENCH_VERBOSE) console.error(error);
      res.statusCode = 500;
      res.end();
    });
  });
});
const botUrl = `http://127.0.0.1:${await listen(botServer)}/api/messages`;
const bbEcho = await measure('bare botbuilder echo bot', ITERATIONS, () => post(botUrl, activity({ text: 'hallo' })));
await close(botServer);

// 3. This bot, as a real service process.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-bench-'));
const port = 20000 + Math.floor(Math.random() * 20000);
const service = spawn(process.execPath, [path.join(root, 'bot/dist/main.js')], {
  env: { ...process.env, MODE: 'local', PORT: String(port), TENANT_ID: tenantId, MUNICIPALITY_CODES: HENGELO, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  stdio: ['ignore', process.env.BENCH_VERBOSE ? 'inherit' : 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 200; i++) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {
    /* starting */
  }
  await new Promise((r) => setTimeout(r, 100));
}
const messages = `${base}/api/messages`;
const openTurn = await measure('this bot: "melden" (opens the card)', ITERATIONS, () => post(messages, activity({ text: 'melden' })));
const submit = (mode) => (i) =>
  post(
    messages,
    activity({
      value: {
        action: 'signal.submit',
        submissionId: `bench-${mode}-${process.pid}-${i}`,
        category: 'drugs',
        description: 'Afgeplakte ramen en een sterke wietlucht bij de loods achter de boerderij.',
        location: 'Buitengebied Hengelo',
        occurredOn: '2026-11-20',
        concernsMtContact: 'false',
        confidentiality: mode,
      },
    }),
  );
const namedTurn = await measure('this bot: card submit, named', ITERATIONS, submit('named'));
// Anonymous submissions hash the receipt code's secret with scrypt on purpose (slow hash).
const anonymousTurn = await measure('this bot: card submit, anonymous', ITERATIONS, submit('anonymous'));
service.kill('SIGTERM');
await new Promise((r) => service.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });
await close(connector);

const botP95 = Math.max(openTurn.p95, namedTurn.p95, anonymousTurn.p95);
console.log(`\nnode echo p95 ${nodeEcho.p95.toFixed(2)} ms; botbuilder echo p95 ${bbEcho.p95.toFixed(2)} ms; intake turns p95 ${botP95.toFixed(2)} ms`);
console.log(`ratio p95 bot/botbuilder-echo: ${(botP95 / bbEcho.p95).toFixed(2)}`);
