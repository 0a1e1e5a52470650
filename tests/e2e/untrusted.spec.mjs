// What the host does and what the app refuses, whatever the published files say:
// the test server answers as Cloudflare Pages does (tests/serve.mjs), uploaded
// pictures can run nothing, addresses from JSON pass the link policy again, and a
// picture that fails to load is not taken for an app that failed.
import { test, expect } from '@playwright/test';
import { FIXTURE, OWN, SHIPPED } from '../sites.mjs';
import { appIsLive, holdTheApp, patchJson } from './helpers.mjs';

test('the host never serves its own files, sends a folder to its slash and stays inside the site', async ({ request }) => {
  for (const path of ['/_headers', '/_redirects']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  const admin = await request.get('/admin', { maxRedirects: 0 });
  expect(admin.status()).toBe(308);
  expect(admin.headers()['location']).toBe('/admin/');
  // dist-fixture sits beside dist, and its name begins with dist's: an encoded ../ must not reach it.
  const sibling = await request.get(`http://127.0.0.1:${SHIPPED.port}/..%2F${FIXTURE.dist}/index.html`, { maxRedirects: 0 });
  expect(sibling.status()).toBe(404);
  expect(await sibling.text()).not.toContain(`127.0.0.1:${FIXTURE.port}`);
  expect((await request.get('/no/such/page')).status()).toBe(404);
});

test('an uploaded file is served under a policy that runs no script', async ({ request }) => {
  const response = await request.get('/images/.gitkeep');
  const policy = response.headers()['content-security-policy'] ?? '';
  expect(policy).toBe("default-src 'none'; sandbox");
});

test('addresses from JSON that the link policy refuses are never rendered', async ({ page }) => {
  await patchJson(page, '**/content/timeline.json', (json) => {
    for (const m of json.milestones) m.source = { url: 'javascript:alert(document.domain)', label: 'A source' };
  });
  await page.goto('/timeline');
  await appIsLive(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);

  await patchJson(page, '**/content/posts/*.json', (json) => {
    const meta = json.meta ?? null;
    if (meta) meta.image = { src: 'javascript:alert(1)', alt: 'A picture' };
  });
  const index = await (await page.request.get(`http://127.0.0.1:${OWN.port}/content/posts/latest.json`)).json();
  await page.goto(`/blog/${index.posts[0].slug}`);
  await appIsLive(page);
  await expect(page.locator('img[src^="javascript:" i]')).toHaveCount(0);
});

test('a picture that fails to load is not taken for an app that could not start', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto('/blog');
  // A picture on the built page fails while the app is still loading.
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = '/images/not-there.jpg';
    img.alt = 'A picture that is missing';
    img.id = 'missing-picture';
    document.querySelector('main')?.append(img);
  });
  await expect.poll(() => page.evaluate(() => document.getElementById('missing-picture')?.complete)).toBe(true);
  release();
  await appIsLive(page);
  await expect(page.locator('#app-failed')).toBeHidden();
});
