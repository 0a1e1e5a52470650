// Shared helpers for the end-to-end suite.
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';

export { builtPaths } from '../sites.mjs';

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

/** Answers a JSON file with `edit` applied to the published one, as another deployment's settings would. */
export async function patchJson(page, glob, edit) {
  await page.route(glob, async (route) => {
    try {
      const response = await route.fetch();
      const json = await response.json();
      edit(json);
      await route.fulfill({ response, json });
    } catch {
      // The page navigated away while this answer was being made.
    }
  });
}

/** Fills the join form with answers that pass its own checks. */
export async function fillJoinForm(page) {
  await page.getByLabel('Organisation name').fill('Example Speech Therapy Network');
  await page.getByRole('radio', { name: 'Charity or voluntary organisation' }).check();
  await page.getByRole('checkbox', { name: 'England' }).check();
  await page.getByRole('checkbox', { name: 'Wales' }).check();
  await page.getByLabel('Full name').fill('Sam Example');
  await page.getByLabel('Email address').fill('sam@example.org');
  await page.getByRole('checkbox', { name: /I have read and agree to the privacy notice/ }).check();
}
