// Pictures as readers get them: a post's lead picture at the width the screen needs,
// in WebP, with its place kept while it loads; the same picture on the cards that list
// the post; and a share picture of the preview size for every built page of every site.
import { test, expect } from '@playwright/test';
import { readFileSync, existsSync } from 'node:fs';
import { ALL_SITES, builtPaths } from '../sites.mjs';
import { appIsLive, expectNoAxeViolations } from './helpers.mjs';

// The suite's own post and picture (tests/fixtures/content, tests/fixtures/public/images).
const POST = '/blog/first-anniversary';
const ALT = 'A drawing of a group gathered around a child, talking.';

/** A PNG's or JPEG's width and height, read from its header. */
function dimensions(bytes) {
  if (bytes.subarray(1, 4).toString() === 'PNG') return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  let at = 2;
  while (at < bytes.length) {
    const marker = bytes[at + 1];
    const length = bytes.readUInt16BE(at + 2);
    // Start of frame (baseline, progressive): height, then width.
    if (marker >= 0xc0 && marker <= 0xc3) return [bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5)];
    at += 2 + length;
  }
  return [0, 0];
}

/** The width a `srcset` candidate names (`/pictures/x-800.webp 800w` → 800). */
const candidateWidths = (srcset) => srcset.split(', ').map((c) => Number(c.split(' ')[1].replace('w', '')));

for (const [name, viewport] of [['a 390 px phone', { width: 390, height: 844 }], ['a 1,280 px screen', { width: 1280, height: 800 }]]) {
  test.describe(`on ${name}`, () => {
    test.use({ viewport });

    test(`a post's lead picture is a WebP no wider than the screen needs, asked for first`, async ({ page }) => {
      await page.goto(POST);
      const picture = page.getByRole('img', { name: ALT });
      await expect(picture).toBeVisible();
      await expect(picture).not.toHaveAttribute('loading', 'lazy');
      await expect(page.locator('head link[rel="preload"][as="image"]'), 'asked for first, from the head').toHaveAttribute('fetchpriority', 'high');
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
      await appIsLive(page);
      await expect(picture, 'the app took it over as it was').toHaveJSProperty('currentSrc', new URL(chosen.src, page.url()).href);
    });
  });
}

test('while the picture is still on its way, the page already keeps its place', async ({ page }) => {
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

test.describe('share pictures', () => {
  test.skip(({ browserName }) => browserName !== 'chromium', 'the built files are the same for every engine');

  for (const site of ALL_SITES) {
    test(`every page of ${site.dist} names a share picture of 1200 × 630 that is in the build`, () => {
      const pages = builtPaths(site.dist).filter((path) => existsSync(`${site.dist}${path}/index.html`) || path === '/');
      expect(pages.length).toBeGreaterThan(5);
      const seen = new Set();
      for (const path of pages) {
        const html = readFileSync(path === '/' ? `${site.dist}/index.html` : `${site.dist}${path}/index.html`, 'utf8');
        const meta = (key) => html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`))?.[1];
        const image = meta('og:image');
        expect(image, `${path} has og:image`).toBeTruthy();
        const file = `${site.dist}${new URL(image).pathname}`;
        expect(existsSync(file), `${path}: ${file} is in the build`).toBe(true);
        expect(dimensions(readFileSync(file)), `${path}: ${file}`).toEqual([1200, 630]);
        expect([meta('og:image:width'), meta('og:image:height')]).toEqual(['1200', '630']);
        expect(meta('og:image:alt')?.length, `${path} says what its share picture shows`).toBeGreaterThan(10);
        expect(meta('twitter:card')).toBe('summary_large_image');
        expect(meta('twitter:image')).toBe(image);
        seen.add(image);
      }
      expect(seen.size, 'each page has its own, or its post\'s picture').toBeGreaterThan(pages.length / 2);
    });
  }
});
