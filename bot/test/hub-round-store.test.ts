import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll } from 'vitest';
import { describeLearningBandRepositoryContract } from '../../shared/test/contracts/learning-band-repository.contract.js';
import { describeRoundRepositoryContract } from '../../shared/test/contracts/round-repository.contract.js';
import { openSqliteServiceStore } from '../src/stores/sqlite/index.js';
import { openPostgresServiceStore } from '../src/stores/postgres/index.js';
import { makeTempFolder, removeFolder, testMasterKey } from './helpers/store-fixtures.js';
import { startTestPostgres, type TestPostgres } from './support/postgres.js';

describeRoundRepositoryContract('SQLite (the hub in local mode)', async () => {
  const folder = makeTempFolder('weerbaar-rounds-');
  const file = path.join(folder, 'service.db');
  const masterKey = testMasterKey();
  return {
    open: () => openSqliteServiceStore({ file, masterKey }),
    async raw(statement) {
      const connection = new Database(file);
      try {
        connection.exec(statement);
      } finally {
        connection.close();
      }
    },
    async cleanup() {
      removeFolder(folder);
    },
  };
});

let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => {
  await server?.stop();
});

describeRoundRepositoryContract('PostgreSQL (the hub in production)', async () => {
  const url = await server.createDatabase('rounds');
  const masterKey = testMasterKey();
  return {
    open: () => openPostgresServiceStore({ connectionString: url, masterKey, poolSettings: { max: 2 } }),
    async raw(statement) {
      await server.query(url, statement);
    },
    async cleanup() {
      await server.dropDatabase(url);
    },
  };
});

describeLearningBandRepositoryContract('SQLite (the hub in local mode)', async () => {
  const folder = makeTempFolder('weerbaar-learning-bands-');
  const file = path.join(folder, 'service.db');
  const masterKey = testMasterKey();
  return {
    open: () => openSqliteServiceStore({ file, masterKey }),
    async cleanup() {
      removeFolder(folder);
    },
  };
});

describeLearningBandRepositoryContract('PostgreSQL (the hub in production)', async () => {
  const url = await server.createDatabase('learningbands');
  const masterKey = testMasterKey();
  return {
    open: () => openPostgresServiceStore({ connectionString: url, masterKey, poolSettings: { max: 2 } }),
    async cleanup() {
      await server.dropDatabase(url);
    },
  };
});
