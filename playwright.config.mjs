// End-to-end tests in the system's Chromium against the release build in dist/.
import { defineConfig } from '@playwright/test';
import { FIXTURE, SHIPPED } from './tests/sites.mjs';

const port = SHIPPED.port;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    ...[SHIPPED, FIXTURE].map((site) => ({
      command: `node tests/serve.mjs ${site.dist} ${site.port}`,
      url: `http://127.0.0.1:${site.port}/index.html`,
      reuseExistingServer: !process.env.CI,
    })),
    // The content manager's local backend, on a copy of content/ (tests/cms-backend.mjs).
    { command: 'node tests/cms-backend.mjs', port: 8081, reuseExistingServer: !process.env.CI },
  ],
});
