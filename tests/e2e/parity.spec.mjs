// One renderer: every page the build writes is the app's own view. With scripts off,
// and again once the app has taken over (its clock pinned to the build date, so
// "Overdue" and "Now" compare equal), the main region has the same headings in order,
// link targets, figures and tables, forms, images and list items. Run on the shipped
// site and on the fixture site (16 posts, no conveners).
import { test, expect } from '@playwright/test';
import { EDITORS_SITES, FIXTURE } from '../sites.mjs';
import { appIsLive, builtPaths } from './helpers.mjs';

/** What a reader of the main region meets, element by element; hidden parts left out. */
function readMain() {
  const main = document.querySelector('main');
  const shown = (el) => !el.closest('[hidden], noscript, template');
  const all = (selector) => [...main.querySelectorAll(selector)].filter(shown);
  const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
  const control = (c) =>
    `${c.tagName.toLowerCase()}#${c.id}[name=${c.getAttribute('name') ?? ''}][type=${c.getAttribute('type') ?? ''}]`;
  return {
    headings: all('h1, h2, h3, h4, h5, h6').map((h) => `${h.tagName}: ${text(h)}`),
    links: all('a[href]').map((a) => a.getAttribute('href')),
    figures: all('svg, table, dl').map((el) => `${el.tagName}: ${text(el)}`),
    forms: all('form').map(
      (f) =>
        `${f.getAttribute('action') ?? ''} ${f.getAttribute('method') ?? 'get'}: ` +
        [...f.querySelectorAll('input, select, textarea, button')].filter(shown).map(control).join(' '),
    ),
    labels: all('label, legend').map(text),
    images: all('img').map((img) => `${img.getAttribute('src')} | ${img.getAttribute('alt')}`),
    listItems: all('li').map(text),
  };
}

for (const [name, site] of [...EDITORS_SITES, ['fixture site', FIXTURE]]) {
  const base = `http://127.0.0.1:${site.port}`;
  test.describe(name, () => {
    for (const path of builtPaths(site.dist)) {
      test(`${path} reads the same with scripts off and after the app takes over`, async ({ browser }) => {
        const off = await browser.newContext({ javaScriptEnabled: false });
        const built = await off.newPage();
        await built.goto(base + path);
        const buildDate = await built.locator('meta[name="build-date"]').getAttribute('content');
        expect(buildDate, 'the built page names its build date').toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const withoutScripts = await built.evaluate(readMain);
        await off.close();

        const on = await browser.newContext();
        const page = await on.newPage();
        await page.clock.setFixedTime(new Date(`${buildDate}T12:00:00`));
        await page.goto(base + path);
        await appIsLive(page);
        await expect(page.locator('main .skeleton, main .skeleton-line, main .skeleton-list')).toHaveCount(0);
        const afterTakeover = await page.evaluate(readMain);
        await on.close();

        expect(withoutScripts.headings.length, 'the page has a heading').toBeGreaterThan(0);
        for (const part of Object.keys(afterTakeover)) {
          expect(withoutScripts[part], `${part} of ${path}`).toEqual(afterTakeover[part]);
        }
      });
    }
  });
}
