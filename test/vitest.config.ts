import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// One runner, four kinds of test. e2e drives real Chromium against the built app through the web
// bridge, so it runs after `npm run build` (the `test` script does that) and one file at a time.
export default defineConfig({
  root,
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        extends: true,
        test: { name: 'renderer', include: ['test/renderer/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // On CI only, one more try for a browser test: twice in many runs a test sat until its timeout
          // on a heavily loaded machine (Chromium not answering). A real failure fails both tries.
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
});
