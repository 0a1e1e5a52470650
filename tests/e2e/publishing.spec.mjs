// Pages the build writes: readable with JavaScript off, taken over by the app
// without a layout shift, with link-preview tags, feeds and a sitemap.
import { test, expect } from '@playwright/test';
import { appIsLive, expectNoAxeViolations, holdTheApp, mainHeading } from './helpers.mjs';

const BASE = 'https://sendinthespecialists.example.org';
const ANNIVERSARY = '1st anniversary of the #SENDInTheSpecialists coalition';

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a post reads in full and the navigation works as plain links', async ({ page }) => {
    await page.goto('/blog/first-anniversary');
    await expect(mainHeading(page)).toHaveText(ANNIVERSARY);
    const article = page.getByRole('article');
    await expect(article.getByRole('heading', { level: 2, name: 'What more is needed' })).toBeVisible();
    await expect(article).toContainText('broad definition of SEND and of the specialist workforce');
    await expect(article.locator('time').first()).toHaveText('2 November 2023');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
    await expect(page).toHaveURL(/\/timeline\/?$/);
    await expect(mainHeading(page)).toHaveText('Timeline');
    await expect(page.locator('#first-anniversary')).toContainText('First anniversary');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await expect(page.getByRole('region', { name: 'Convened by' })).toContainText('Royal College of Speech and Language Therapists');
  });

  test('every route has its own readable page', async ({ page }) => {
    for (const [path, heading] of [
      ['/', '#SENDInTheSpecialists'],
      ['/blog', 'Blog'],
      ['/join', 'Join the coalition'],
      ['/privacy', 'Privacy notice for organisations joining the coalition'],
      ['/accessibility', 'Accessibility statement'],
    ]) {
      await page.goto(path);
      await expect(mainHeading(page)).toHaveText(heading);
    }
    await expect(page.getByRole('contentinfo')).toContainText('contact@example.org');
    const response = await page.goto('/no/such/page');
    expect(response?.status()).toBe(404);
    await expect(mainHeading(page)).toHaveText('Page not found');
  });
});

test('the static pages themselves pass axe (the app held back)', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  for (const path of ['/', '/blog', '/blog/first-anniversary', '/timeline', '/members', '/join', '/privacy']) {
    await page.goto(path);
    await expect(mainHeading(page)).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

/** Records every layout shift the reader did not cause: its size, when, whether the app had taken over, and what moved. */
function recordShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__shifts.push({
        value: entry.value,
        at: Math.round(entry.startTime),
        appLive: document.querySelector('#app[data-app="live"]') !== null,
        moved: (entry.sources || []).map((s) => {
          const node = s.node;
          const what = node ? (node.outerHTML || node.textContent || '').slice(0, 120) : '(removed)';
          const from = s.previousRect;
          const to = s.currentRect;
          return `${what} from ${from.x},${from.y} ${from.width}x${from.height} to ${to.x},${to.y} ${to.width}x${to.height}`;
        }),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

// A cheap phone is emulated by slowing the CPU six times: the parser then stops
// part-way through a page, and anything painted half-built would shift.
for (const slowdown of [1, 6]) {
  for (const path of ['/members', '/join', '/', '/timeline', '/blog', '/blog/first-anniversary']) {
    const how = slowdown === 1 ? '' : ` on a ${slowdown}x slower CPU`;
    test(`with JavaScript on, ${path} loads and the app takes over with no layout shift${how}`, async ({ page }) => {
      if (slowdown > 1) {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
      }
      await page.addInitScript(recordShifts);
      await page.goto(path);
      // Waiting longer on the slow CPU is not a speed check: only the shifts are.
      await appIsLive(page, { timeout: 5000 * slowdown });
      await expect(page.locator('.skeleton, .skeleton-line')).toHaveCount(0);
      await page.waitForTimeout(300);
      // Each shift names what moved, so a failure says where to look.
      expect(await page.evaluate(() => window.__shifts)).toEqual([]);
    });
  }
}

test('with JavaScript on, the app takes over a post with no layout shift', async ({ page }) => {
  await page.addInitScript(recordShifts);
  await page.goto('/blog/first-anniversary');
  // The app's own page: the share links are rendered by the app, and the older-post link too.
  await expect(page.getByRole('navigation', { name: 'More posts' })).toBeVisible();
  await expect(mainHeading(page)).toHaveText(ANNIVERSARY);
  await expect(page.locator('#app')).toHaveCount(1);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__shifts)).toEqual([]);
});


test('a keyboard reader who tabbed before the app took over keeps their place', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto('/blog');
  await expect(mainHeading(page)).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Tab');
  const home = page.getByRole('link', { name: '#SENDInTheSpecialists', exact: true });
  await expect(home).toBeFocused();
  release();
  await appIsLive(page);
  await expect(home).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' })).toBeFocused();
});

test('the skip link works while the app has started but not yet taken over', async ({ page }) => {
  // The app starts, but its page waits for the posts, so the static page is what the reader uses.
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route('**/content/posts/pages/1.json', async (route) => {
    await released;
    await route.continue();
  });
  await page.addInitScript(() => window.addEventListener('TrunkApplicationStarted', () => (window.__started = true)));
  await page.goto('/blog');
  await page.waitForFunction(() => window.__started === true);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  release();
  await appIsLive(page);
  await expect(page.getByRole('main')).toBeFocused();
});

test('what a reader typed before the app took over is still there, with the cursor in place', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto('/members');
  const search = page.getByLabel('Search by name');
  await search.fill('speech');
  await expect(search).toBeFocused();
  release();
  await appIsLive(page);
  await expect(search).toHaveValue('speech');
  await expect(search).toBeFocused();
});

test('a shared link to a search never shows the unfiltered list first', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto('/blog?q=said');
  await expect(mainHeading(page)).toHaveText('Blog');
  const main = page.getByRole('main');
  const newsPost = main.getByRole('link', { name: ANNIVERSARY, includeHidden: true });
  await expect(newsPost).toBeAttached();
  await expect(newsPost).toBeHidden();
  release();
  await appIsLive(page);
  await expect(main.getByRole('link', { name: 'What we said about the SEND and AP Improvement Plan' })).toBeVisible();
  await expect(newsPost).toHaveCount(0);
});

test('an old link to a filtered list goes to the built page of that list before the app starts', async ({ page }) => {
  await holdTheApp(page);
  await page.goto('/blog?category=policy');
  await expect(page).toHaveURL(/\/blog\/category\/policy\/?$/);
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'What we said about the SEND and AP Improvement Plan' })).toBeVisible();
  await expect(main.getByRole('link', { name: ANNIVERSARY })).toHaveCount(0);
});

test('a link with other parameters (a newsletter tag) shows the list at once', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto('/blog?utm_source=newsletter');
  await expect(page.getByRole('main').getByRole('link', { name: ANNIVERSARY })).toBeVisible();
  release();
});

test('if the app cannot start, a filtered link shows the whole list and says why', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/members?q=speech');
  await expect(page.getByRole('alert')).toContainText('interactive parts could not start');
  await expect(page.getByRole('main').getByText('Royal College of Speech and Language Therapists')).toBeVisible();
});

test('every page head carries preview tags with absolute URLs', async ({ request }) => {
  const pages = [
    ['/blog/first-anniversary/', `${BASE}/blog/first-anniversary`, 'article'],
    ['/timeline/', `${BASE}/timeline`, 'website'],
    ['/', `${BASE}/`, 'website'],
  ];
  for (const [path, url, type] of pages) {
    const html = await (await request.get(path)).text();
    expect(html).toContain(`<link rel="canonical" href="${url}">`);
    expect(html).toContain(`<meta property="og:url" content="${url}">`);
    expect(html).toContain(`<meta property="og:type" content="${type}">`);
    expect(html).toMatch(/<meta property="og:title" content="[^"]+">/);
    expect(html).toMatch(/<meta property="og:description" content="[^"]+">/);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toMatch(new RegExp(`<meta property="og:image" content="${BASE}/(cards|pictures)/[0-9a-f]{16}(-share)?\\.(png|jpg)">`));
    expect(html).toContain(`<link rel="alternate" type="application/atom+xml" title="#SENDInTheSpecialists blog (Atom)" href="${BASE}/feed.xml">`);
    expect(html).toContain(`href="${BASE}/feed.json"`);
  }
  const post = await (await request.get('/blog/first-anniversary/')).text();
  expect(post).toContain('<meta property="article:published_time" content="2023-11-02T00:00:00Z">');
  expect(post).toContain(`<title>${ANNIVERSARY} – #SENDInTheSpecialists</title>`);
});

test('feeds, sitemap and robots are served, and the blog links to the feed', async ({ page, request }) => {
  const atom = await request.get('/feed.xml');
  expect(await atom.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  const feed = await (await request.get('/feed.json')).json();
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(feed.items.length).toBeGreaterThanOrEqual(4);
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain(`<loc>${BASE}/blog/first-anniversary</loc>`);
  expect(await (await request.get('/robots.txt')).text()).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  await page.goto('/blog');
  await expect(page.getByRole('link', { name: 'Follow the blog with a feed reader' })).toHaveAttribute('href', '/feed.xml');
});
