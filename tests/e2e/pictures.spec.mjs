// Pictures as readers get them: a post's lead picture, and a picture in a post's text,
// at the width the screen needs, in WebP, with its place kept while it loads; and the
// lead picture on the cards that list the post. Share pictures are checked in share-pictures.spec.mjs.
import { test, expect } from '@playwright/test';
import { appIsLive, expectNoAxeViolations, holdTheApp } from './helpers.mjs';

// The suite's own post and picture (tests/fixtures/content, tests/fixtures/public/images).
const POST = '/blog/first-anniversary';
const ALT = 'A drawing of a group gathered around a child, talking.';

/** A picture in the text of another of the suite's posts. */
const IN_TEXT = { post: '/blog/why-the-specialist-workforce-matters', alt: "The fixture's drawing again, shown in the text of a post." };

/** The width a `srcset` candidate names (`/pictures/x-800.webp 800w` → 800). */
const candidateWidths = (srcset) => srcset.split(', ').map((c) => Number(c.split(' ')[1].replace('w', '')));

/** Waits for `picture` to load and checks that the browser took a WebP, the narrowest
 * candidate at least as wide as its box times the device pixel ratio; returns its address. */
async function expectTheWidthItNeeds(picture) {
  await expect.poll(() => picture.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  const chosen = await picture.evaluate((img) => ({
    src: new URL(img.currentSrc).pathname,
    srcset: img.parentElement.querySelector('source').getAttribute('srcset'),
    needed: img.getBoundingClientRect().width * devicePixelRatio,
  }));
  expect(chosen.src).toMatch(/^\/pictures\/[0-9a-f]{16}-\d+\.webp$/);
  const widths = candidateWidths(chosen.srcset);
  const width = Number(chosen.src.match(/-(\d+)\.webp$/)[1]);
  const enough = widths.filter((w) => w >= chosen.needed);
  expect(width, `the smallest of ${widths} at least ${chosen.needed} px`).toBe(enough.length ? Math.min(...enough) : Math.max(...widths));
  return chosen.src;
}

for (const [name, viewport] of [['a 390 px phone', { width: 390, height: 844 }], ['a 1,280 px screen', { width: 1280, height: 800 }]]) {
  test.describe(`on ${name}`, () => {
    test.use({ viewport });

    // Each is measured on the built page with the app held back, then again once the app
    // has taken over: a node the takeover replaces mid-measurement would measure nothing.
    test(`a post's lead picture is a WebP no wider than the screen needs, asked for first`, async ({ page }) => {
      const release = await holdTheApp(page);
      await page.goto(POST);
      const picture = page.getByRole('img', { name: ALT });
      await expect(picture).toBeVisible();
      await expect(picture).not.toHaveAttribute('loading', 'lazy');
      await expect(page.locator('head link[rel="preload"][as="image"]'), 'asked for first, from the head').toHaveAttribute('fetchpriority', 'high');
      const src = await expectTheWidthItNeeds(picture);
      release();
      await appIsLive(page);
      await expect(picture, 'the app took it over as it was').toHaveJSProperty('currentSrc', new URL(src, page.url()).href);
    });

    test('a picture in the text of a post is as light, waits until it is near, and keeps its place', async ({ page }) => {
      const release = await holdTheApp(page);
      await page.goto(IN_TEXT.post);
      const picture = page.getByRole('img', { name: IN_TEXT.alt });
      await expect(picture).toHaveAttribute('loading', 'lazy');
      const box = await picture.boundingBox();
      const [width, height] = await picture.evaluate((img) => [Number(img.getAttribute('width')), Number(img.getAttribute('height'))]);
      expect(Math.abs(box.height - (box.width * height) / width), "its box has the picture's shape before it loads").toBeLessThan(2);
      await picture.scrollIntoViewIfNeeded();
      const src = await expectTheWidthItNeeds(picture);
      release();
      await appIsLive(page);
      await expect(picture, 'the app took it over as it was').toHaveJSProperty('currentSrc', new URL(src, page.url()).href);
    });
  });
}

test('while the picture is still on its way, the page already keeps its place', async ({ page }) => {
  // The built page, as a reader sees it first: the app is held back throughout.
  await holdTheApp(page);
  await page.route('**/pictures/**', () => {});
  await page.goto(POST, { waitUntil: 'domcontentloaded' });
  const picture = page.getByRole('img', { name: ALT });
  await expect(picture).toBeVisible();
  const box = await picture.boundingBox();
  const [width, height] = await picture.evaluate((img) => [Number(img.getAttribute('width')), Number(img.getAttribute('height'))]);
  expect(box.width).toBeGreaterThan(100);
  expect(Math.abs(box.height - (box.width * height) / width), 'the box has the picture\'s shape before a byte of it').toBeLessThan(2);
  const below = await page.locator('.post .in-short').boundingBox();
  await page.unroute('**/pictures/**');
  await page.reload();
  await expect.poll(() => picture.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  const after = await page.locator('.post .in-short').boundingBox();
  expect(after.y, 'the words below did not move when it arrived').toBe(below.y);
});

test('the cards that list the post show its picture, lazily, and pass axe', async ({ page }) => {
  for (const path of ['/', '/blog']) {
    await page.goto(path);
    const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: /1st anniversary/ }) });
    const picture = card.getByRole('img', { name: ALT });
    await expect(picture).toHaveAttribute('loading', 'lazy');
    await expect(card.locator('picture source[type="image/webp"]')).toHaveAttribute('srcset', /^\/pictures\/[0-9a-f]{16}-400\.webp 400w, /);
    await expect(picture).toHaveAttribute('src', /^\/pictures\/[0-9a-f]{16}-800\.jpg$/);
    await appIsLive(page);
    await expect(picture).toHaveCount(1);
    await expectNoAxeViolations(page);
  }
});
