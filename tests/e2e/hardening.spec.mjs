// Served with the real _headers file: no policy violation in any flow; a wasm
// that is missing or corrupted, a content request that hangs, and huge or
// deeply nested posts all end in words on the page, never a frozen tab.
import { test, expect } from '@playwright/test';
import { SIGNUP_ENDPOINT } from '../sites.mjs';
import { readFileSync, readdirSync } from 'node:fs';
import { mainHeading } from './helpers.mjs';

const ENDPOINT = SIGNUP_ENDPOINT;

async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

test('the strict policy is sent, and no flow breaks it', async ({ page }) => {
  await recordViolations(page);
  await page.route(ENDPOINT, (route) =>
    route.request().method() === 'OPTIONS'
      ? route.fulfill({ status: 204, headers: { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type, accept' } })
      : route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*' }, json: { ok: true } }),
  );
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self' 'sha256-");
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain(`connect-src 'self' ${new URL(ENDPOINT).origin}`);
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  expect(response?.headers()['strict-transport-security']).toContain('max-age=');
  await expect(mainHeading(page)).toHaveText('#SENDInTheSpecialists');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Blog' }).click();
  await page.getByRole('link', { name: '1st anniversary of the #SENDInTheSpecialists coalition' }).click();
  await expect(page.getByRole('navigation', { name: 'More posts' })).toBeVisible();
  await nav.getByRole('link', { name: 'Timeline' }).click();
  await expect(page.getByRole('img', { name: 'Coalition membership over time' })).toBeVisible();
  await nav.getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('region', { name: 'Convened by' })).toBeVisible();
  await nav.getByRole('link', { name: 'Join' }).click();
  await page.getByLabel('Organisation name').fill('Policy Test Trust');
  await page.getByRole('radio', { name: 'Other' }).check();
  await page.getByLabel('Type of organisation', { exact: true }).fill('Test');
  await page.getByRole('checkbox', { name: 'Wales' }).check();
  await page.getByLabel('Full name').fill('Pat Policy');
  await page.getByLabel('Email address').fill('pat@example.org');
  await page.getByRole('checkbox', { name: /privacy notice/ }).check();
  await page.getByRole('button', { name: 'Send request to join' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you: your request has been sent' })).toBeVisible();
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});

test('a missing wasm file leaves the page readable and says so', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/blog/first-anniversary');
  await expect(page.getByRole('alert')).toContainText('interactive parts could not start');
  await expect(mainHeading(page)).toHaveText('1st anniversary of the #SENDInTheSpecialists coalition');
  await expect(page.getByRole('contentinfo')).toContainText('contact@example.org');
});

test('a wasm file with one byte changed is refused and the page says so', async ({ page }) => {
  const file = readdirSync('dist').find((name) => name.endsWith('.wasm'));
  const bytes = readFileSync(`dist/${file}`);
  bytes[bytes.length >> 1] ^= 0xff;
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: bytes }));
  await page.goto('/timeline');
  await expect(page.getByRole('alert')).toContainText('interactive parts could not start');
  await expect(mainHeading(page)).toHaveText('Timeline');
  await expect(page.getByRole('contentinfo')).toContainText('contact@example.org');
});

test('a content request that hangs times out with a message and Retry', async ({ page }) => {
  test.slow();
  await page.goto('/timeline');
  await expect(mainHeading(page)).toHaveText('Timeline');
  let hang = true;
  await page.route('**/content/posts/pages/1.json', async (route) => {
    if (hang) return; // never answers
    await route.continue();
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Blog' }).click();
  const panel = page.getByRole('alert');
  await expect(panel.getByRole('heading', { name: 'This is taking too long' })).toBeVisible({ timeout: 20000 });
  hang = false;
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('main').getByRole('listitem').getByRole('heading', { level: 2 })).toHaveCount(4);
});

function post(body) {
  return {
    meta: {
      slug: 'huge',
      title: 'A very large post',
      date: '2024-01-01',
      category: 'news',
      tags: [],
      author: 'Test',
      summary: 'Big.',
      reading_minutes: 99,
    },
    body,
  };
}

test('a 2 MB post renders without freezing the tab', async ({ page }) => {
  const paragraph = { type: 'paragraph', content: [{ type: 'text', text: 'Specialists matter. '.repeat(50) }] };
  const body = Array.from({ length: 2_000 }, () => paragraph);
  const json = JSON.stringify(post(body));
  expect(json.length).toBeGreaterThan(2_000_000);
  await page.route('**/content/posts/huge.json', (route) => route.fulfill({ contentType: 'application/json', body: json }));
  await page.goto('/blog/huge');
  await expect(mainHeading(page)).toHaveText('A very large post', { timeout: 20000 });
  expect(await page.evaluate(() => document.querySelectorAll('.prose p').length)).toBe(2000);
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
});

test('a 500-deep nested list is refused or rendered within the page', async ({ page }) => {
  let list = { type: 'paragraph', content: [{ type: 'text', text: 'the bottom' }] };
  for (let i = 0; i < 500; i++) list = { type: 'list', ordered: false, items: [[list]] };
  await page.route('**/content/posts/huge.json', (route) => route.fulfill({ json: post([list]) }));
  await page.goto('/blog/huge');
  const outcome = page.getByRole('alert').getByRole('heading', { name: 'This content could not be read' }).or(mainHeading(page).filter({ hasText: 'A very large post' }));
  await expect(outcome).toBeVisible({ timeout: 20000 });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
});
