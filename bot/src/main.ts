import { createServer } from 'node:http';
import { ConfigError, loadConfig } from './config/config.js';
import { createLogger } from './logging.js';
import { loadSeed } from './seed/load-seed.js';
import { composeInstance, type RunningService } from './instance.js';
import { composeHub } from './hub/hub-service.js';

/**
 * Entry point of one service process (a municipality instance or the district hub).
 * Configuration errors stop the start with a message naming the variable.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, instanceId: config.instanceId });
  const seed = loadSeed(config.seedDir);
  const playgrounds = parsePlaygrounds(process.env.PLAYGROUND_URLS);
  const service: RunningService =
    config.role === 'hub' ? await composeHub(config, logger, seed, playgrounds) : await composeInstance(config, logger, seed);

  const server = createServer(service.app);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  logger.info({ port: config.port, role: config.role, mode: config.mode }, 'listening');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    // Stop accepting, let in-flight requests (and so bot turns) finish, then close stores.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await Promise.race([closed, new Promise((r) => setTimeout(r, 10_000))]);
    await service.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function parsePlaygrounds(value: string | undefined): { label: string; url: string }[] {
  if (!value) return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? (parsed as { label: string; url: string }[]) : [];
  } catch {
    return [];
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Start failed: ${message}\n`);
  process.exit(1);
});
