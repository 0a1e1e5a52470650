// What the benchmarks share: serving a built folder on loopback, and Lighthouse 12
// mobile audits (simulated throttling) in headless Chromium, as medians of runs.
import { spawn } from 'node:child_process';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

/** Serves `dir` like a CDN on `port` (tests/serve.mjs) until the returned function is called. */
export async function serve(dir, port) {
  const server = spawn('node', ['tests/serve.mjs', dir, String(port)], { stdio: 'ignore' });
  // The server compresses the site before it answers (seconds for the wasm).
  for (let tries = 0; tries < 300; tries++) {
    if (await fetch(`http://127.0.0.1:${port}/index.html`).then((r) => r.ok).catch(() => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return () => server.kill();
}

/** Starts headless Chromium for Lighthouse; kill it with `chrome.kill()`. */
export function launchChrome() {
  return chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Audits `url` `runs` times: every run's figures, and their medians. */
export async function audit(chrome, url, runs) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
    all.push({
      performance: lhr.categories.performance.score * 100,
      accessibility: lhr.categories.accessibility.score * 100,
      bestPractices: lhr.categories['best-practices'].score * 100,
      seo: lhr.categories.seo.score * 100,
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      tbt: lhr.audits['total-blocking-time'].numericValue,
      cls: lhr.audits['cumulative-layout-shift'].numericValue,
      benchmarkIndex: lhr.environment.benchmarkIndex,
    });
  }
  const medians = Object.fromEntries(Object.keys(all[0]).map((k) => [k, median(all.map((r) => r[k]))]));
  return { ...medians, runs: all };
}
