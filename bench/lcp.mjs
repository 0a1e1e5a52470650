// A page's Largest Contentful Paint (the post page's, or ROUTE's) in a real Chromium, throttled as Lighthouse's
// mobile preset says (150 ms, 1.6 Mbps, 4x slower CPU), against its static twin (the same
// page with no script): `node bench/lcp.mjs` after `make build`, median of RUNS visits,
// with the element that painted last. Lighthouse's own figure for this page is simulated
// from an unthrottled trace, and counts the wasm's start-up as a cause of the picture's
// paint when both land together on loopback; this one is measured.
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { median, serve } from './lighthouse.mjs';
import { CHROMIUM_ARGS } from '../tests/sites.mjs';

const PORT = 4191;
const RUNS = Number(process.env.RUNS || 5);
const POST = process.env.ROUTE || '/blog/first-anniversary';
const post = readFileSync(POST === '/' ? 'dist/index.html' : `dist${POST}/index.html`, 'utf8');
// As bench/run.mjs makes it: no script, no wasm or script preloads, the picture's kept.
const plain = post
  .replace(/<script[\s\S]*?<\/script>/g, '')
  .replace(/<link rel="(modulepreload|preload)"(?![^>]*as="image")[^>]*>/g, '')
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
mkdirSync('dist/__bench/static-post', { recursive: true });
writeFileSync('dist/__bench/static-post/index.html', plain);

const stop = await serve('dist', PORT);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
async function lcp(path) {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__lcp = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp.push({ time: e.startTime, element: e.element?.tagName ?? '?' });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(`http://127.0.0.1:${PORT}${path}`);
  await page.waitForTimeout(6000);
  const entries = await page.evaluate(() => window.__lcp);
  await page.close();
  return entries[entries.length - 1];
}
try {
  const lines = [];
  for (const [name, path] of [[`our page ${POST}`, POST], ['its static twin', '/__bench/static-post/']]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await lcp(path));
    const time = median(runs.map((r) => r.time));
    lines.push(`${name}: LCP ${Math.round(time)} ms (median of ${RUNS}; last element painted: ${[...new Set(runs.map((r) => r.element))].join(', ')})`);
  }
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  stop();
  rmSync('dist/__bench', { recursive: true, force: true });
}
