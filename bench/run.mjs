// The benchmark: builds the release, serves dist/ locally, and writes a table of
// asset sizes, each route's first-load weight, and its Lighthouse 12 mobile scores
// (median of five runs) beside its static twin's LCP (the same page with no script).
// Run with `make bench`; results go to bench/results.md.
import { execSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { audit as auditRuns, launchChrome, median, serve } from './lighthouse.mjs';
import { contentFiles } from '../tests/sites.mjs';

const PORT = 4190;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// One of each kind of route the sitemap lists.
const ROUTES = ['/', '/blog', '/blog/first-anniversary', '/timeline', '/members', '/join', '/write-to-your-mp', '/privacy'];
const KB = (n) => (n / 1024).toFixed(1);

if (!process.env.BENCH_SKIP_BUILD) execSync('make build', { stdio: 'inherit' });

const sizes = (path) => {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const assets = readdirSync('dist').filter((f) => /\.(wasm|js|css)$/.test(f));
const routeHtml = (route) => (route === '/' ? 'dist/index.html' : `dist${route}/index.html`);
const firstLoad = (route) => {
  const html = readFileSync(routeHtml(route), 'utf8');
  const json = contentFiles(html).map((url) => `dist${url}`);
  return [routeHtml(route), ...assets.map((a) => `dist/${a}`), ...json].reduce((sum, f) => sum + sizes(f).brotli, 0);
};

// Each route's limit: the same page with no script (same text, stylesheet and pictures).
const twin = (route) => `/__bench/static${route === '/' ? '' : route}/`;
for (const route of ROUTES) {
  const plain = readFileSync(routeHtml(route), 'utf8')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="(modulepreload|preload)"(?![^>]*as="image")[^>]*>/g, '')
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  mkdirSync(`dist${twin(route)}`, { recursive: true });
  writeFileSync(`dist${twin(route)}index.html`, plain);
}

const stopServer = await serve('dist', PORT);
const chrome = await launchChrome();

const results = [];
try {
  for (const route of ROUTES) {
    // Ours and its twin in turn, one run each at a time, so a busy moment of the machine
    // falls on both alike.
    const ours = [];
    const limit = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(await auditRuns(chrome, ORIGIN + route, 1));
      limit.push(await auditRuns(chrome, ORIGIN + twin(route), 1));
    }
    const med = (runs, key) => median(runs.map((r) => r[key]));
    results.push({
      route,
      performance: med(ours, 'performance'),
      accessibility: med(ours, 'accessibility'),
      bestPractices: med(ours, 'bestPractices'),
      seo: med(ours, 'seo'),
      lcp: med(ours, 'lcp'),
      tbt: med(ours, 'tbt'),
      tbts: ours.map((r) => Math.round(r.tbt)),
      cls: med(ours, 'cls'),
      limitLcp: med(limit, 'lcp'),
    });
  }
  const lines = [
    '# Benchmark results',
    '',
    `Measured ${new Date().toISOString()} on this machine: release build served from dist/ on loopback, Lighthouse 12 mobile emulation (simulated throttling), headless Chromium, median of ${RUNS} runs; each route against its static twin (the same page with every script removed), run in turn.`,
    '',
    '## Assets',
    '',
    '| file | raw KB | gzip KB | brotli KB |',
    '| --- | ---: | ---: | ---: |',
    ...assets.map((a) => {
      const s = sizes(`dist/${a}`);
      return `| ${a} | ${KB(s.raw)} | ${KB(s.gzip)} | ${KB(s.brotli)} |`;
    }),
    '',
    '## Routes against their static twins',
    '',
    'The aims (issue 35): LCP at most 1.1 times the static page\'s, TBT at most 50 ms, performance at least 99, CLS 0.',
    '',
    '| route | first load KB (brotli) | LCP ms | static LCP ms | ratio | TBT ms (median; runs) | performance | accessibility | best practices | SEO | CLS |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.route} | ${KB(firstLoad(r.route))} | ${Math.round(r.lcp)} | ${Math.round(r.limitLcp)} | ${(r.lcp / r.limitLcp).toFixed(2)} | ${Math.round(r.tbt)}; ${r.tbts.join(', ')} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${r.cls.toFixed(3)} |`,
    ),
    '',
  ];
  writeFileSync('bench/results.md', lines.join('\n'));
  console.log(lines.join('\n'));
} finally {
  await chrome.kill();
  stopServer();
  rmSync('dist/__bench', { recursive: true, force: true });
}
