// What a long archive costs: the site built with the shipped 4 posts and with 1,000
// (made by tests/fixtures/site.mjs), then for each: how long `publish` takes, how big
// the JSON is that / and /blog fetch, the built /blog's size, and Lighthouse 12 mobile
// for / and /blog (five runs each: the medians, and the worst LCP). Writes bench/scale.md.
// Run with `make scale`; `SCALE_POSTS=500 make scale` tries another size.
import { execSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { audit, launchChrome, serve } from './lighthouse.mjs';
import { contentFiles } from '../tests/sites.mjs';

const SIZES = [4, Number(process.env.SCALE_POSTS ?? 1000)];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = 4191;
const KB = (n) => (n / 1024).toFixed(1);

/** The JSON a built page preloads, which is what its view reads. */
const fetched = (dist, page) =>
  contentFiles(readFileSync(`${dist}${page}`, 'utf8'));

const rows = [];
for (const posts of SIZES) {
  const content = `target/scale-${posts}/content`;
  const dist = `target/scale-${posts}/dist`;
  execSync(`node tests/fixtures/site.mjs ${content} ${posts}`, { stdio: 'inherit' });
  const log = execSync(`PUBLISH_CONTENT=${content} trunk build --release --offline --dist ${dist} 2>&1`, { encoding: 'utf8' });
  const times = [...log.matchAll(/publish: .* in (\d+) ms/g)].map((m) => Number(m[1]));
  const sizes = {};
  for (const page of ['/index.html', '/blog/index.html']) {
    sizes[page] = Math.max(...fetched(dist, page).map((file) => statSync(`${dist}${file}`).size));
  }
  const stop = await serve(dist, PORT);
  const chrome = await launchChrome();
  try {
    for (const route of ['/', '/blog']) {
      const result = await audit(chrome, `http://127.0.0.1:${PORT}${route}`, RUNS);
      rows.push({
        posts,
        route,
        publish: times,
        largestJson: sizes[route === '/' ? '/index.html' : '/blog/index.html'],
        blogHtml: statSync(`${dist}/blog/index.html`).size,
        index: statSync(`${dist}/content/posts/index.json`).size,
        ...result,
        worstLcp: Math.max(...result.runs.map((r) => r.lcp)),
      });
    }
  } finally {
    await chrome.kill();
    stop();
  }
}

const lines = [
  '# What a long archive costs',
  '',
  `Measured ${new Date().toISOString()} with \`make scale\`: the release build of the shipped content and of the same with made-up posts added, served on loopback; Lighthouse 12 mobile (simulated throttling), ${RUNS} runs each, medians, with the worst LCP of the runs and Lighthouse's benchmark index of this machine.`,
  '',
  '| posts | route | publish build + finish ms | largest JSON the page fetches KB | built /blog KB | search index KB (fetched only to search) | performance | LCP ms (worst) | TBT ms | CLS | benchmark index |',
  '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.posts} | ${r.route} | ${r.publish.join(' + ')} | ${KB(r.largestJson)} | ${KB(r.blogHtml)} | ${KB(r.index)} | ${r.performance} | ${Math.round(r.lcp)} (${Math.round(r.worstLcp)}) | ${Math.round(r.tbt)} | ${r.cls.toFixed(3)} | ${Math.round(r.benchmarkIndex)} |`,
  ),
  '',
];
writeFileSync('bench/scale.md', lines.join('\n'));
console.log(lines.join('\n'));
