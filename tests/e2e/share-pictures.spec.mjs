// Every built page of every site names a share picture (og:image) of the preview size
// that is in the build, with its size, alt and X's large card. The built files are the
// same for every engine, so this runs in Chromium only (playwright.config.mjs).
import { test, expect } from '@playwright/test';
import { readFileSync, existsSync } from 'node:fs';
import { ALL_SITES, builtPaths } from '../sites.mjs';

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

test.describe('share pictures', () => {
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
