// The benchmark: builds the release, serves dist/ locally, and writes a table of
// asset sizes, each route's first-load weight, Lighthouse 12 mobile scores
// (median of three runs), and our post's LCP against the same post as a plain
// static page with no script. Run with `make bench`; results go to bench/results.md.
import { execSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { audit as auditRuns, launchChrome, serve } from './lighthouse.mjs';
import { contentFiles } from '../tests/sites.mjs';

const PORT = 4190;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROUTES = ['/', '/blog', '/blog/first-anniversary', '/timeline', '/members', '/join', '/write-to-your-mp'];
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

// The limit: the same post as a plain static page, same text, stylesheet and picture, no script.
const post = readFileSync('dist/blog/first-anniversary/index.html', 'utf8');
const plain = post.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<link rel="(modulepreload|preload)"(?![^>]*as="image")[^>]*>/g, '').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
mkdirSync('dist/__bench/static-post', { recursive: true });
writeFileSync('dist/__bench/static-post/index.html', plain);

const stopServer = await serve('dist', PORT);
const chrome = await launchChrome();
const audit = (url) => auditRuns(chrome, url, RUNS);

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
  stopServer();
  rmSync('dist/__bench', { recursive: true, force: true });
}
