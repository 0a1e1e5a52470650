// Shared helpers for the end-to-end suite.
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Runs axe on the page as it is now and fails with a readable list of violations. */
export async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

/** Collects uncaught page errors so a test can assert that nothing crashed. */
export function collectPageErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The main heading of the page. */
export function mainHeading(page) {
  return page.getByRole('heading', { level: 1 });
}

/** Waits until the app has taken over from the built page (options: Playwright's, e.g. a timeout). */
export function appIsLive(page, options) {
  return expect(page.locator('#app[data-app="live"]')).toBeAttached(options);
}

/** Holds the app's wasm back until the returned function is called, so a test can act on the built page first. */
export async function holdTheApp(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}
