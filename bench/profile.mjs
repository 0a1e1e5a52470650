// Where a page's blocking time goes: Lighthouse 12 mobile (simulated throttling) on one
// route of the release build in dist/, printing its long tasks and its main-thread
// work by kind (script evaluation, compile, style and layout, parsing). Not part of
// `make test`. Run with `make profile` (ROUTE=/blog to profile another page).
import lighthouse from 'lighthouse';
import { launchChrome, serve } from './lighthouse.mjs';

const PORT = 4192;
const ROUTE = process.env.ROUTE ?? '/blog/first-anniversary';
const stop = await serve('dist', PORT);
const chrome = await launchChrome();
try {
  // The first run warms the server and Chromium's caches; the second is reported.
  await lighthouse(`http://127.0.0.1:${PORT}${ROUTE}`, { port: chrome.port, logLevel: 'error', onlyCategories: ['performance'] });
  const { lhr } = await lighthouse(`http://127.0.0.1:${PORT}${ROUTE}`, { port: chrome.port, logLevel: 'error', onlyCategories: ['performance'] });
  const ms = (n) => `${Math.round(n)} ms`;
  console.log(`${ROUTE}: TBT ${ms(lhr.audits['total-blocking-time'].numericValue)}, LCP ${ms(lhr.audits['largest-contentful-paint'].numericValue)}`);
  console.log('\nLong tasks (simulated mobile CPU):');
  for (const task of lhr.audits['long-tasks'].details?.items ?? []) {
    console.log(`  at ${ms(task.startTime)}: ${ms(task.duration)}  ${task.url.replace(/^https?:\/\/[^/]+/, '')}`);
  }
  console.log('\nMain-thread work by kind:');
  for (const item of lhr.audits['mainthread-work-breakdown'].details?.items ?? []) {
    console.log(`  ${item.groupLabel}: ${ms(item.duration)}`);
  }
  console.log('\nScript time by file (evaluation, then parse and compile):');
  for (const item of lhr.audits['bootup-time'].details?.items ?? []) {
    console.log(`  ${item.url.replace(/^https?:\/\/[^/]+/, '')}: ${ms(item.scripting)}, ${ms(item.scriptParseCompile)}`);
  }
} finally {
  await chrome.kill();
  stop();
}
