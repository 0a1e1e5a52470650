// Every built page is valid HTML, as the Nu HTML Checker (vnu-jar, on Java) reads it:
// nothing a reader's browser or assistive technology must repair. The only error
// allowed is the checker's own gap: it does not know `blocking` on `<link rel=expect>`
// yet, which the HTML standard has.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ALL_SITES } from '../sites.mjs';
import { builtPaths } from './helpers.mjs';

const VNU = 'node_modules/vnu-jar/build/dist/vnu.jar';
const KNOWN_GAP = /^A “link” element with a “blocking” attribute must have a “rel” attribute whose value is “stylesheet”\.$/;

test('every built page of every site validates', () => {
  test.setTimeout(180_000);
  const files = ALL_SITES.flatMap((site) =>
    builtPaths(site.dist)
      .map((path) => (path === '/' ? `${site.dist}/index.html` : `${site.dist}${path}/index.html`))
      .filter(existsSync)
      .concat(`${site.dist}/404.html`),
  );
  let report;
  try {
    report = execFileSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    // The checker exits non-zero when it finds an error, and writes its report to stderr.
    report = String(error.stderr || error.stdout);
  }
  const messages = JSON.parse(report || '{"messages":[]}').messages ?? [];
  const errors = messages
    .filter((m) => !KNOWN_GAP.test(m.message))
    .map((m) => `${m.url?.replace(/^file:.*?\/(dist[^/]*)/, '$1')}:${m.lastLine}: ${m.message}`);
  console.log(`nu checker: ${files.length} pages, ${messages.length} messages, ${errors.length} not the known gap`);
  expect(errors).toEqual([]);
});
