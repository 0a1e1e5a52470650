// End-to-end tests in the system's Chromium against the release builds (tests/sites.mjs).
import { defineConfig } from '@playwright/test';
import { ALL_SITES, CHROMIUM_ARGS, OWN } from './tests/sites.mjs';

// Behaviour is tested on the suite's own content; see tests/sites.mjs.
const port = OWN.port;

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
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    ...ALL_SITES.map((site) => ({
      command: `node tests/serve.mjs ${site.dist} ${site.port}`,
      url: `http://127.0.0.1:${site.port}/index.html`,
      reuseExistingServer: !process.env.CI,
    })),
    // The content manager's local backend, on a copy of content/ (tests/cms-backend.mjs).
    { command: 'node tests/cms-backend.mjs', port: 8081, reuseExistingServer: !process.env.CI },
  ],
});
