import { readFileSync } from 'node:fs';

// The sites the browser tests run against, each the same app served from its own folder.
// Tests own their data: a test that asserts words, names, counts or ids runs on OWN or
// FIXTURE, whose content the suite keeps; the editors' content/ (SHIPPED, and EDITED, a
// copy changed as a coalition would) is checked only by rules that hold for any content.
/** The release build of the shipped content/: parity, axe, reflow and sizes only. */
export const SHIPPED = { dist: 'dist', port: 4173 };
/** The suite's own content (tests/fixtures/content), with 16 posts and no conveners, sending to Netlify Forms. */
export const FIXTURE = { dist: 'dist-fixture', port: 4174 };
/** The suite's own content as it is, sending to a Formspree-style service: where behaviour is tested. */
export const OWN = { dist: 'dist-own', port: 4175 };
/** content/ as a coalition's first months would change it (tests/fixtures/edit-content.mjs). */
export const EDITED = { dist: 'dist-edited', port: 4176 };
/** Where the test builds send sign-ups: a Formspree form (its host is pinned), answered by the tests' routes, never reached. */
export const SIGNUP_ENDPOINT = process.env.E2E_SIGNUP_ENDPOINT || 'https://formspree.io/f/xe2etest';
/** The sites made from the editors' content: every check that holds for any content runs on each. */
export const EDITORS_SITES = [
  ['shipped site', SHIPPED],
  ['edited site', EDITED],
];
/** Every site the browser tests serve. */
export const ALL_SITES = [SHIPPED, FIXTURE, OWN, EDITED];
/** How every test launches the system's Chromium: as root, headless, and without reaching for the closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Every page a built site lists in its sitemap, as paths, plus an address it does not have. */
export function builtPaths(dist) {
  const sitemap = readFileSync(`${dist}/sitemap.xml`, 'utf8');
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  return [...paths, '/no/such/page'];
}

/** The content files a built page downloads early for its app (its `content-files` meta tag). */
export function contentFiles(html) {
  const meta = html.match(/<meta name="content-files" content="([^"]*)">/);
  return meta ? meta[1].split(' ').filter(Boolean) : [];
}
