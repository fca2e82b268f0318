import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'hub/**/*.test.ts',
            'resources/**/*.test.ts',
            'scripts/**/*.test.ts',
            'renderer/**/*.test.ts',
          ],
          exclude: ['**/*.integration.test.ts'],
          // Timeouts stop a hung test, they do not measure speed (benchmarks do): on a loaded
          // 2-core CI machine a PDF or a demo-registry test takes 5 to 10 times its quiet time.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['**/*.integration.test.ts'],
          exclude: ['node_modules/**', 'e2e/**'],
          globalSetup: ['test-support/postgres-global-setup.ts'],
          // CI's first leg runs the suite on a fresh 2-core machine with every project at once:
          // the fault and fuzz scenarios took 2-4x their quiet time there and hit 60-240 s limits
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
