// The shell every page stands on: routes, deep links, keyboard, announcements,
// and the error panel when the site settings cannot be loaded.
import { test, expect } from '@playwright/test';
import { appIsLive, collectPageErrors, expectNoAxeViolations, mainHeading } from './helpers.mjs';

const SITE = '#SENDInTheSpecialists';
const ROUTES = [
  ['/', SITE],
  ['/blog', 'Blog'],
  ['/timeline', 'Timeline'],
  ['/members', 'Members'],
  ['/join', 'Join the coalition'],
];

for (const [path, heading] of ROUTES) {
  test(`${path} renders its heading, landmarks and passes axe`, async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto(path);
    await expect(mainHeading(page)).toHaveText(heading);
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText('contact@example.org');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });
}

test('the navigation marks the current page', async ({ page }) => {
  await page.goto('/timeline');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Timeline' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current', /.*/);
});

// Phone widths: the marked link must not be wider than the others, or the menu
// wraps on some pages and not others, and the whole page jumps as the reader moves.
for (const width of [360, 390, 412]) {
  test(`at ${width} px the header keeps one height as the reader moves between pages`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const banner = page.getByRole('banner');
    const heights = {};
    for (const name of ['Home', 'Blog', 'Timeline', 'Members', 'Join']) {
      await nav.getByRole('link', { name }).click();
      await expect(nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
      heights[name] = Math.round((await banner.boundingBox()).height);
    }
    expect(new Set(Object.values(heights)).size, `header heights: ${JSON.stringify(heights)}`).toBe(1);
  });
}

/** The heading's text as the reader sees it: one string for each line on screen. */
function linesOnScreen(heading) {
  return heading.evaluate((h1) => {
    const lines = [];
    let top = null;
    const range = document.createRange();
    const walker = document.createTreeWalker(h1, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        if (Math.round(rect.top) !== top) lines.push('');
        top = Math.round(rect.top);
        lines[lines.length - 1] += node.data[i];
      }
    }
    return lines.map((line) => line.trim());
  });
}

// A phone cannot fit the coalition's name on one line at heading size; it should
// wrap between the words of the hashtag, never inside one, both before and after
// the app takes over.
const WHOLE_WORDS = /^(?:(?:#SEND|In|The|Specialists|1st|anniversary|of|the|coalition) ?)+$/;
for (const [path, title] of [['/', SITE], ['/blog/first-anniversary', '1st anniversary of the #SENDInTheSpecialists coalition']]) {
  test(`on a 360 px phone the ${path} heading wraps between words`, async ({ page, browser }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(path);
    await appIsLive(page);
    const heading = mainHeading(page);
    await expect(heading).toHaveText(title);
    const live = await linesOnScreen(heading);
    expect(live.length, `one line: ${live}`).toBeGreaterThan(1);
    for (const line of live) expect(line, `lines: ${JSON.stringify(live)}`).toMatch(WHOLE_WORDS);

    const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const staticPage = await noScript.newPage();
    // Firefox over BiDi runs scripts whatever the context says, so the app is kept from
    // starting too: it would otherwise take the page over while its heading is measured.
    await staticPage.route('**/*.wasm', (route) => route.abort());
    await staticPage.goto(path);
    expect(await linesOnScreen(mainHeading(staticPage))).toEqual(live);
    await noScript.close();
  });
}

test('a deep link loads directly and survives a reload', async ({ page }) => {
  const response = await page.goto('/members');
  expect(response?.status()).toBe(200);
  await expect(mainHeading(page)).toHaveText('Members');
  await page.reload();
  await expect(mainHeading(page)).toHaveText('Members');
});

test('an unknown address shows the not-found page with a way home', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(mainHeading(page)).toHaveText('Page not found');
  await expect(page).toHaveTitle(`Page not found – ${SITE}`);
  await expectNoAxeViolations(page);
  await page.getByRole('main').getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL('/');
  await expect(mainHeading(page)).toHaveText(SITE);
});

test('the skip link is the first Tab stop and moves focus to main', async ({ page }) => {
  await page.goto('/blog');
  await expect(mainHeading(page)).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('navigating sets the title, moves focus to the heading and announces the page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(SITE);
  // The first load keeps focus at the top of the page.
  await expect(mainHeading(page)).not.toBeFocused();
  // A click on the built page, before the app has taken over, is the browser's own
  // navigation (a new page, as without JavaScript); this test is of the app's.
  await appIsLive(page);
  await expect(mainHeading(page)).not.toBeFocused();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(page).toHaveURL('/timeline');
  await expect(page).toHaveTitle(`Timeline – ${SITE}`);
  await expect(mainHeading(page)).toBeFocused();
  await expect(page.getByRole('status')).toHaveText('Timeline');
});

const SITE_FAULTS = {
  'is missing (404)': { status: 404, contentType: 'text/plain', body: 'Not found', words: 'This content is missing' },
  'fails with 500': { status: 500, contentType: 'text/plain', body: 'Internal error', words: 'The server had a problem' },
  'is malformed': { status: 200, contentType: 'application/json', body: '{"name": "x",', words: 'This content could not be read' },
  'is an HTML page (SPA fallback)': {
    status: 200,
    contentType: 'text/html',
    body: '<!doctype html><title>app</title>',
    words: 'This content is missing',
  },
};

for (const [name, fault] of Object.entries(SITE_FAULTS)) {
  test(`site.json that ${name} shows the error panel, and Retry recovers`, async ({ page }) => {
    const errors = collectPageErrors(page);
    let broken = true;
    await page.route('**/content/site.json', async (route) => {
      if (broken) {
        await route.fulfill({ status: fault.status, contentType: fault.contentType, body: fault.body });
      } else {
        await route.continue();
      }
    });
    await page.goto('/members');
    const panel = page.getByRole('alert');
    await expect(panel.getByRole('heading', { name: fault.words })).toBeVisible();
    // The rest of the page keeps working.
    await expect(mainHeading(page)).toHaveText('Members');
    await expectNoAxeViolations(page);
    broken = false;
    await panel.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('contentinfo')).toContainText('contact@example.org');
    await expect(page.getByRole('banner').getByRole('link', { name: SITE })).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('a network failure for site.json says so in words', async ({ page }) => {
  await page.route('**/content/site.json', (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  await expect(page.getByRole('alert').getByRole('heading', { name: "We couldn't connect" })).toBeVisible();
});
