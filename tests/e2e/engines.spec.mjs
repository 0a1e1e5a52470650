// What every engine must do alike, counted at a test server of this test's own (so no
// other test's visits are counted): each built page downloads each content file (and
// picture) once,
// and asks for it before the wasm, so the content arrives beside the app. WebKit, which
// Playwright cannot drive here, is held to the same in tests/webkit.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { FIXTURE, OWN, builtPaths } from '../sites.mjs';
import { appIsLive, fillJoinForm } from './helpers.mjs';

/** Serves `dist` on a port of this test's own, counting what it is asked; stopped after `body`. */
async function withOwnServer(dist, testInfo, offset, body) {
  const port = 4380 + offset * 10 + testInfo.parallelIndex;
  const server = spawn('node', ['tests/serve.mjs', dist, String(port)], { stdio: 'ignore' });
  try {
    const base = `http://127.0.0.1:${port}`;
    await expect.poll(() => fetch(`${base}/index.html`).then((r) => r.ok).catch(() => false), { timeout: 30_000 }).toBe(true);
    const counted = async () => (await fetch(`${base}/__requests`)).json();
    const reset = () => fetch(`${base}/__requests`, { method: 'DELETE' });
    await body({ base, counted, reset });
  } finally {
    server.kill();
  }
}

test('each built page downloads each content file and picture once, and content before the wasm', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await withOwnServer(OWN.dist, testInfo, 0, async ({ base, counted, reset }) => {
    const twice = [];
    const late = [];
    for (const path of builtPaths(OWN.dist)) {
      await reset();
      const order = [];
      const listen = (request) => order.push(new URL(request.url()).pathname);
      page.on('request', listen);
      await page.goto(base + path);
      await appIsLive(page);
      page.off('request', listen);
      const content = Object.entries(await counted()).filter(([request]) => request.startsWith('GET /content/'));
      expect(content.length, `${path} reads its content`).toBeGreaterThan(0);
      for (const [request, count] of content) if (count !== 1) twice.push(`${path}: ${request} ×${count}`);
      // Its pictures too: the head's preload, the built page and the app share one download.
      for (const [request, count] of Object.entries(await counted())) {
        if (request.startsWith('GET /pictures/') && count !== 1) twice.push(`${path}: ${request} ×${count}`);
      }
      const wasm = order.findIndex((p) => p.endsWith('.wasm'));
      const first = order.findIndex((p) => p.startsWith('/content/'));
      if (first < 0 || first > wasm) late.push(path);
    }
    expect(twice, 'a content file came down more than once').toEqual([]);
    expect(late, 'content asked for after the wasm').toEqual([]);
  });
});

// Counted at the server, not read from the browser's requests: over WebDriver BiDi
// Playwright cannot yet give a request's body, which the join and form-service specs read.
test('a sign-up reaches a form service that answers, once, and the reader is thanked', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  // The fixture site sends to Netlify Forms at its own address, which the test server answers.
  await withOwnServer(FIXTURE.dist, testInfo, 1, async ({ base, counted, reset }) => {
    await page.goto(`${base}/join`);
    await appIsLive(page);
    await fillJoinForm(page);
    await reset();
    await page.getByRole('button', { name: 'Send request to join' }).click();
    await expect(page.getByRole('heading', { name: 'Thank you: your request has been sent' })).toBeFocused();
    expect((await counted())['POST /'], 'one request reached the service').toBe(1);
  });
});
