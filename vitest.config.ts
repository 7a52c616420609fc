import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const sharedEntry = fileURLToPath(new URL('./shared/src/index.ts', import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run the TypeScript sources directly; the service itself runs the built output.
    alias: [{ find: /^@weerbaar\/shared$/, replacement: sharedEntry }],
  },
  test: {
    include: ['shared/test/**/*.test.ts', 'bot/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'spfx/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
