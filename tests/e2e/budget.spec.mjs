// Size budgets on the release build in dist/, measured after brotli as a CDN
// would serve them. A failure names the file, its size and the budget.
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const KB = 1024;
const brotli = (path) =>
  brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const find = (suffix) => readdirSync('dist').filter((name) => name.endsWith(suffix) && /-[0-9a-f]{16}/.test(name));

function withinBudget(file, budget) {
  const size = brotli(`dist/${file}`);
  return { ok: size <= budget, message: `${file} is ${(size / KB).toFixed(1)} KB after brotli; the budget is ${budget / KB} KB` };
}

/** The JSON each route needs on its first load (what its page preloads). */
function routeJson(html) {
  return [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch"/g)].map((m) => m[1]);
}

function firstLoad(route) {
  const htmlPath = route === '/' ? 'dist/index.html' : `dist${route}/index.html`;
  const html = readFileSync(htmlPath, 'utf8');
  const files = [htmlPath, ...[...find('.css'), ...find('.js'), ...find('.wasm')].map((f) => `dist/${f}`)];
  files.push(...routeJson(html).map((url) => `dist${url}`).filter(existsSync));
  files.push('dist/prefs.js', 'dist/boot-check.js');
  return files.reduce((sum, file) => sum + brotli(file), 0);
}

const ROUTES = ['/', '/blog', '/blog/first-anniversary', '/timeline', '/members', '/join'];

test('the JS glue is within 10 KB after brotli', () => {
  for (const file of find('.js')) {
    const { ok, message } = withinBudget(file, 10 * KB);
    expect(ok, message).toBe(true);
  }
});

test('the CSS is within 15 KB after brotli', () => {
  for (const file of find('.css')) {
    const { ok, message } = withinBudget(file, 15 * KB);
    expect(ok, message).toBe(true);
  }
});

test('the site uses system fonts: no font files are shipped', () => {
  const fonts = readdirSync('dist', { recursive: true }).filter((f) => /\.(woff2?|ttf|otf)$/.test(String(f)));
  expect(fonts).toEqual([]);
});

test('the wasm does not grow past its current ceiling of 245 KB after brotli', () => {
  // A ratchet while the 150 KB goal below is still out of reach: lower it as the wasm shrinks.
  for (const file of find('.wasm')) {
    const { ok, message } = withinBudget(file, 245 * KB);
    expect(ok, message).toBe(true);
  }
});

test.describe('budgets not yet met (expected to fail until the wasm is cut)', () => {
  test('the wasm is within 150 KB after brotli', () => {
    test.fail(true, 'The wasm is about 240 KB after brotli: Leptos, its router and the shell every page needs are about 139 KB, and split by route the module every page loads is still 158 KB (bench/wasm-makeup.md).');
    for (const file of find('.wasm')) {
      const { ok, message } = withinBudget(file, 150 * KB);
      expect(ok, message).toBe(true);
    }
  });

  test('the first load of every route is within 200 KB after brotli', () => {
    test.fail(true, 'The wasm alone is over the route budget; see issue 8.');
    for (const route of ROUTES) {
      const size = firstLoad(route);
      expect(size, `${route} first load is ${(size / KB).toFixed(1)} KB after brotli; the budget is 200 KB`).toBeLessThanOrEqual(200 * KB);
    }
  });
});

test('content files are fetched once per visit, and start downloading before the wasm', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url().replace(/^https?:\/\/[^/]+/, '')));
  await page.goto('/');
  await expect(page.locator('#app[data-app="live"]')).toBeAttached();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('region', { name: 'Convened by' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('region', { name: 'Latest news' })).toBeVisible();
  for (const file of ['/content/site.json', '/content/timeline.json', '/content/members.json', '/content/posts/index.json']) {
    expect(requests.filter((u) => u === file), file).toHaveLength(1);
  }
  const wasm = requests.findIndex((u) => u.endsWith('.wasm'));
  const timeline = requests.indexOf('/content/timeline.json');
  expect(timeline).toBeGreaterThanOrEqual(0);
  expect(timeline, 'timeline.json is requested beside the wasm, not after the app starts').toBeLessThan(wasm);
});
