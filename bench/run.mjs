// The benchmark: builds the release, serves dist/ locally, and writes a table of
// asset sizes, each route's first-load weight, Lighthouse 12 mobile scores
// (median of three runs), and our post's LCP against the same post as a plain
// static page with no script. Run with `make bench`; results go to bench/results.md.
import { spawn, execSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const PORT = 4190;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROUTES = ['/', '/blog', '/blog/first-anniversary', '/timeline', '/members', '/join'];
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
  const json = [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch"/g)].map((m) => `dist${m[1]}`);
  return [routeHtml(route), ...assets.map((a) => `dist/${a}`), ...json].reduce((sum, f) => sum + sizes(f).brotli, 0);
};

// The limit: the same post as a plain static page, same text and stylesheet, no script.
const post = readFileSync('dist/blog/first-anniversary/index.html', 'utf8');
const plain = post.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
mkdirSync('dist/__bench/static-post', { recursive: true });
writeFileSync('dist/__bench/static-post/index.html', plain);

const server = spawn('node', ['tests/serve.mjs', 'dist', String(PORT)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
async function audit(url) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
    runs.push({
      performance: lhr.categories.performance.score * 100,
      accessibility: lhr.categories.accessibility.score * 100,
      bestPractices: lhr.categories['best-practices'].score * 100,
      seo: lhr.categories.seo.score * 100,
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      tbt: lhr.audits['total-blocking-time'].numericValue,
      cls: lhr.audits['cumulative-layout-shift'].numericValue,
    });
  }
  return Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
}

const results = [];
try {
  for (const route of ROUTES) results.push({ route, ...(await audit(ORIGIN + route)) });
  const limit = await audit(`${ORIGIN}/__bench/static-post/`);
  const ours = results.find((r) => r.route === '/blog/first-anniversary');
  const lines = [
    '# Benchmark results',
    '',
    `Measured ${new Date().toISOString()} on this machine: release build served from dist/ on loopback, Lighthouse 12 mobile emulation (simulated throttling), headless Chromium, median of ${RUNS} runs.`,
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
    '## Routes',
    '',
    '| route | first load KB (brotli) | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.route} | ${KB(firstLoad(r.route))} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${Math.round(r.lcp)} | ${Math.round(r.tbt)} | ${r.cls.toFixed(3)} |`),
    '',
    '## Against the limit',
    '',
    `The same post as a plain static page (same text and stylesheet, no script): LCP ${Math.round(limit.lcp)} ms, performance ${limit.performance}.`,
    `Our post page: LCP ${Math.round(ours.lcp)} ms. Ratio of our LCP to the limit: ${(ours.lcp / limit.lcp).toFixed(2)}.`,
    '',
  ];
  writeFileSync('bench/results.md', lines.join('\n'));
  console.log(lines.join('\n'));
} finally {
  await chrome.kill();
  server.kill();
  rmSync('dist/__bench', { recursive: true, force: true });
}
