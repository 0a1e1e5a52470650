// Shared helpers for the end-to-end suite.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

import { SIGNUP_ENDPOINT } from '../sites.mjs';

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

/**
 * Answers the test builds' form service with `responses` in turn (the last repeats) and
 * records every POST body it receives. A response may carry `delay` (ms), `headers`,
 * `body`, `hang: true` (never answered) or `redirect: true` (a 303 to a thank-you web page,
 * tests/serve.mjs's stand-in, as a service that takes only plain form posts answers). `target`
 * is a page, or a browser context to answer every tab in it.
 */
export async function answerFormService(target, responses, endpoint = SIGNUP_ENDPOINT) {
  const posts = [];
  await target.route(endpoint, async (route) => {
    const request = route.request();
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type, accept',
      'access-control-allow-methods': 'POST',
      'access-control-expose-headers': 'retry-after',
    };
    if (request.method() === 'OPTIONS') {
      await route.fulfill({ status: 204, headers: cors });
      return;
    }
    posts.push(request.postDataJSON());
    const next = responses[Math.min(posts.length - 1, responses.length - 1)];
    if (next.hang) return;
    if (next.delay) await new Promise((resolve) => setTimeout(resolve, next.delay));
    if (next.redirect) {
      const location = new URL('/__service-page', (await request.allHeaders()).origin).href;
      await route.fulfill({ status: 303, headers: { ...cors, location } });
      return;
    }
    await route.fulfill({
      status: next.status,
      headers: { ...cors, ...(next.headers ?? {}) },
      contentType: 'application/json',
      body: JSON.stringify(next.body ?? { ok: next.status < 300 }),
    });
  });
  return posts;
}

/** A join request as the earlier version of the site kept it on the device: its body made once. */
export function earlierRequest(orgName, { id = crypto.randomUUID(), endpoint = SIGNUP_ENDPOINT } = {}) {
  const submission = {
    org_name: orgName,
    org_type: 'charity',
    nations: ['wales'],
    contact_name: 'Sam Example',
    email: 'sam@example.org',
    privacy: true,
    submission_id: id,
    privacy_notice_version: '2026-01',
    submitted_at: '2026-11-01T10:00:00Z',
    possibly_automated: false,
  };
  return { endpoint, submission_id: id, body: JSON.stringify(submission) };
}

/**
 * Leaves `items` (key → text) in the site's storage on the device before any of its pages
 * opens, from a page of the same origin that runs no app (tests/serve.mjs's stand-in).
 */
export async function leaveOnDevice(context, items) {
  const page = await context.newPage();
  await page.goto('/__service-page');
  await page.evaluate((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, items);
  await page.close();
}

/** Leaves `requests` on the device as the earlier version of the site kept them. */
export function keepEarlierRequests(context, requests) {
  return leaveOnDevice(context, { 'signup-outbox': JSON.stringify(requests) });
}

/** What is left on the device of the sign-up outbox, in either version's place. */
export function outboxLeft(page) {
  return page.evaluate(() => localStorage.getItem('signup-outbox-v2') ?? localStorage.getItem('signup-outbox'));
}

/**
 * Answers the action page's two services: `place` for postcodes.io and `member` for the
 * UK Parliament Members API, each a fixture answer name from tests/fixtures/mp-lookup.json,
 * `{ status, body }`, or `'hang'` (never answered). Returns the addresses asked for.
 */
export async function answerLookups(page, { place, member }) {
  const fixtures = JSON.parse(readFileSync('tests/fixtures/mp-lookup.json', 'utf8'));
  const asked = [];
  const answer = (service, given) => async (route) => {
    asked.push(route.request().url());
    const chosen = typeof given === 'string' ? fixtures[service].answers[given] : given;
    if (given === 'hang') return;
    await route.fulfill({
      status: chosen.status,
      headers: { 'access-control-allow-origin': '*' },
      contentType: 'application/json',
      body: typeof chosen.body === 'string' ? chosen.body : JSON.stringify(chosen.body),
    });
  };
  await page.route('https://api.postcodes.io/**', answer('postcodes_io', place));
  await page.route('https://members-api.parliament.uk/**', answer('members_api', member));
  return asked;
}
