// The join form: validation as GOV.UK does it, and every delivery path with
// routed endpoints: success, field errors, retries, refusals, double clicks,
// offline and back, drafts, the email fallback, keyboard use and axe.
import { test, expect } from '@playwright/test';
import { SIGNUP_ENDPOINT } from '../sites.mjs';
import { answerFormService, expectNoAxeViolations, keepEarlierRequests, holdTheApp, mainHeading, patchJson } from './helpers.mjs';

const SITE = '#SENDInTheSpecialists';
const ENDPOINT = SIGNUP_ENDPOINT;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Serves site.json with a sign-up endpoint, as a deployment would configure it. */
async function withEndpoint(page) {
  await patchJson(page, '**/content/site.json', (site) => {
    site.signup.endpoint = ENDPOINT;
  });
}

/** Answers the form service with `responses` in turn and records every POST body. */
const formService = (page, responses) => answerFormService(page, responses);

async function fillValid(page) {
  await page.getByLabel('Organisation name').fill('Example Speech Therapy Network');
  await page.getByRole('radio', { name: 'Charity or voluntary organisation' }).check();
  await page.getByRole('checkbox', { name: 'England' }).check();
  await page.getByLabel('Full name').fill('Sam Example');
  await page.getByLabel('Email address').fill('sam@example.org');
  await page.getByRole('checkbox', { name: /I have read and agree to the privacy notice/ }).check();
}

const send = (page) => page.getByRole('button', { name: 'Send request to join' });

/** Fills the form and sends it with the connection down, until the page says it is kept; returns the service's record of POSTs. */
async function sendWhileOffline(page, context) {
  await withEndpoint(page);
  const posts = await formService(page, [{ status: 200 }]);
  await page.goto('/join');
  await fillValid(page);
  await context.setOffline(true);
  await page.waitForFunction(() => !navigator.onLine);
  await send(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'saved on this device' })).toBeVisible();
  return posts;
}

test('an empty submit shows the error summary, focused, with a link to each field', async ({ page }) => {
  await page.goto('/join');
  await expectNoAxeViolations(page);
  await page.getByLabel('Organisation name').fill('Kept Organisation');
  await send(page).click();
  await expect(page).toHaveTitle(`Error: Join the coalition – ${SITE}`);
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(summary.getByRole('link')).toHaveText([
    'Select the type of organisation',
    'Select where your organisation works',
    'Enter the name of the person we should contact',
    'Enter an email address',
    'Confirm that you have read and agree to the privacy notice',
  ]);
  await expect(page.getByLabel('Organisation name')).toHaveValue('Kept Organisation');
  const email = page.getByLabel('Email address');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Error: Enter an email address/);
  await summary.getByRole('link', { name: 'Enter an email address' }).click();
  await expect(email).toBeFocused();
  await expectNoAxeViolations(page);
  await email.fill('not-an-email');
  await send(page).click();
  await expect(summary.getByRole('link', { name: /correct format, like name@example.org/ })).toBeVisible();
});

test('"other" asks for the type, and the character count counts down', async ({ page }) => {
  await page.goto('/join');
  const other = page.getByLabel('Type of organisation', { exact: true });
  await expect(other).toBeHidden();
  await page.getByRole('radio', { name: 'Other' }).check();
  await expect(other).toBeVisible();
  await page.getByLabel(/How will your organisation support the coalition/).fill('Sharing updates');
  await expect(page.getByText('You have 985 characters remaining')).toBeVisible();
  await send(page).click();
  await expect(page.locator('.error-summary').getByRole('link', { name: 'Enter the type of organisation' })).toBeVisible();
});

test('without an endpoint the answers become an email and text to copy', async ({ page }) => {
  await patchJson(page, '**/content/site.json', (site) => {
    delete site.signup.endpoint;
  });
  await page.goto('/join');
  await fillValid(page);
  await page.getByLabel('Phone number (optional)').fill('01632 960001');
  await send(page).click();
  const heading = page.getByRole('heading', { name: 'One more step: email your request' });
  await expect(heading).toBeFocused();
  const mail = page.getByRole('link', { name: 'Open an email with your answers' });
  const href = await mail.getAttribute('href');
  expect(href).toMatch(/^mailto:contact@example\.org\?subject=Request%20to%20join%20%23SENDInTheSpecialists%3A%20Example%20Speech%20Therapy%20Network&body=/);
  const body = decodeURIComponent(href.split('&body=')[1]);
  for (const line of [
    'Organisation name: Example Speech Therapy Network',
    'Type of organisation: Charity or voluntary organisation',
    'Works in: England',
    'Contact name: Sam Example',
    'Email: sam@example.org',
    'Phone: 01632 960001',
    'Agreed to the privacy notice: Yes',
    'List us on the members page: No',
  ]) {
    expect(body).toContain(line);
  }
  await expect(page.getByLabel('Your answers')).toContainText('Email: sam@example.org');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Change your answers' }).click();
  await expect(page.getByLabel('Organisation name')).toHaveValue('Example Speech Therapy Network');
});

test('with an endpoint, a success sends one JSON request and confirms with focus', async ({ page }) => {
  await withEndpoint(page);
  const posts = await formService(page, [{ status: 200 }]);
  await page.goto('/join');
  await fillValid(page);
  await page.getByRole('checkbox', { name: /List our organisation/ }).check();
  await send(page).click();
  const confirmation = page.getByRole('heading', { name: 'Thank you: your request has been sent' });
  await expect(confirmation).toBeFocused();
  await expectNoAxeViolations(page);
  expect(posts).toHaveLength(1);
  const body = posts[0];
  expect(body.submission_id).toMatch(UUID);
  expect(body).toMatchObject({
    org_name: 'Example Speech Therapy Network',
    org_type: 'charity',
    nations: ['england'],
    contact_name: 'Sam Example',
    email: 'sam@example.org',
    privacy: true,
    listed: true,
    updates: false,
    privacy_notice_version: '2026-11',
    possibly_automated: true,
  });
  expect(Date.parse(body.submitted_at)).not.toBeNaN();
  // The draft is cleared after success.
  await page.reload();
  await expect(page.getByLabel('Organisation name')).toHaveValue('');
});

test('field errors from the service appear in the error summary', async ({ page }) => {
  await withEndpoint(page);
  await formService(page, [
    { status: 422, body: { errors: [{ field: 'email', code: 'TYPE_EMAIL', message: 'should be an email' }] } },
  ]);
  await page.goto('/join');
  await fillValid(page);
  await send(page).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /the form service says it should be an email/ })).toBeVisible();
  await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Organisation name')).toHaveValue('Example Speech Therapy Network');
});

test('503, 503, then 200 makes three requests with one submission_id and one success', async ({ page }) => {
  await withEndpoint(page);
  const posts = await formService(page, [{ status: 503 }, { status: 503 }, { status: 200 }]);
  await page.goto('/join');
  await fillValid(page);
  await send(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'Trying again in' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Thank you: your request has been sent' })).toBeVisible({ timeout: 15000 });
  expect(posts).toHaveLength(3);
  expect(new Set(posts.map((p) => p.submission_id)).size).toBe(1);
});

test('429 with Retry-After is retried after the time asked', async ({ page }) => {
  await withEndpoint(page);
  const posts = await formService(page, [{ status: 429, headers: { 'retry-after': '1' } }, { status: 200 }]);
  await page.goto('/join');
  await fillValid(page);
  await send(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'Trying again in 1 second.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Thank you: your request has been sent' })).toBeVisible();
  expect(posts).toHaveLength(2);
});

test('pressing Send before the app has taken over loses nothing: the app sends it once it has', async ({ page }) => {
  await withEndpoint(page);
  const posts = await formService(page, [{ status: 200 }]);
  const release = await holdTheApp(page);
  await page.goto('/join');
  await fillValid(page);
  await send(page).click();
  // The built page is still showing: nothing was posted away, and what was typed is there.
  // The host serves a folder's page at its address with a slash.
  await expect(page).toHaveURL(/\/join\/?$/);
  await expect(page.getByLabel('Organisation name')).toHaveValue('Example Speech Therapy Network');
  release();
  await expect(page.getByRole('heading', { name: 'Thank you: your request has been sent' })).toBeVisible();
  expect(posts).toHaveLength(1);
  expect(posts[0].org_name).toBe('Example Speech Therapy Network');
});

test('Retry-After given as an HTTP date is honoured too', async ({ page }) => {
  await withEndpoint(page);
  // Six seconds from now; without reading the date the page would wait about one second.
  const inSixSeconds = new Date(Date.now() + 6000).toUTCString();
  const posts = await formService(page, [{ status: 503, headers: { 'retry-after': inSixSeconds } }, { status: 200 }]);
  await page.goto('/join');
  await fillValid(page);
  await send(page).click();
  await expect(page.getByRole('status').filter({ hasText: /Trying again in [2-6] seconds\./ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Thank you: your request has been sent' })).toBeVisible({ timeout: 10000 });
  expect(posts).toHaveLength(2);
});

test('a website that is not an http(s) address is refused before anything is sent', async ({ page }) => {
  await withEndpoint(page);
  const posts = await formService(page, [{ status: 200 }]);
  await page.goto('/join');
  await fillValid(page);
  await page.getByLabel('Website (optional)').fill('javascript:alert.x');
  await send(page).click();
  await expect(page.getByRole('link', { name: 'Enter a website address in the correct format, like www.example.org' })).toBeVisible();
  expect(posts).toHaveLength(0);
});

test('400 is not retried, and the answers stay', async ({ page }) => {
  await withEndpoint(page);
  const posts = await formService(page, [{ status: 400, body: { error: 'bad' } }]);
  await page.goto('/join');
  await fillValid(page);
  await send(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'could not accept your request (error 400)' })).toBeVisible();
  await page.waitForTimeout(1500);
  expect(posts).toHaveLength(1);
  await expect(page.getByLabel('Organisation name')).toHaveValue('Example Speech Therapy Network');
});

test('a double click sends one request, and the button stays focusable while sending', async ({ page }) => {
  await withEndpoint(page);
  const posts = await formService(page, [{ status: 200, delay: 3000 }]);
  await page.goto('/join');
  await fillValid(page);
  await send(page).dblclick();
  await expect(send(page)).toHaveAttribute('aria-disabled', 'true');
  // Still focusable, but pressing it again does nothing.
  await send(page).focus();
  await expect(send(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Sending your request' })).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(page.getByRole('heading', { name: 'Thank you: your request has been sent' })).toBeVisible();
  expect(posts).toHaveLength(1);
});

test('offline, the request waits on the device and is delivered once when back online', async ({ page, context }) => {
  const posts = await sendWhileOffline(page, context);
  await expectNoAxeViolations(page);
  expect(posts).toHaveLength(0);
  await context.setOffline(false);
  await expect(page.getByRole('heading', { name: 'Thank you: your request has been sent' })).toBeVisible();
  await page.waitForTimeout(500);
  expect(posts).toHaveLength(1);
  expect(posts[0].submission_id).toMatch(UUID);
  // A later visit finds nothing left to send.
  await page.reload();
  await expect(mainHeading(page)).toHaveText('Join the coalition');
  await page.waitForTimeout(500);
  expect(posts).toHaveLength(1);
});

test('a request kept offline is sent on the next visit', async ({ page, context }) => {
  const posts = await sendWhileOffline(page, context);
  const saved = (await page.evaluate(() => JSON.parse(localStorage.getItem('signup-outbox-v2')))).items;
  expect(saved).toHaveLength(1);
  // The reader leaves while offline; the connection comes back before the next visit.
  await page.goto('about:blank');
  await context.setOffline(false);
  expect(posts).toHaveLength(0);
  await page.goto('/members');
  await expect.poll(() => posts.length).toBe(1);
  expect(posts[0].submission_id).toBe(saved[0].submission_id);
  expect(posts[0].org_name).toBe('Example Speech Therapy Network');
});

test('a request kept by the earlier version of the site is still sent after an update', async ({ page }) => {
  await withEndpoint(page);
  const posts = await formService(page, [{ status: 200 }]);
  const submission = {
    org_name: 'Kept Before The Update',
    org_type: 'charity',
    nations: ['wales'],
    contact_name: 'Sam Example',
    email: 'sam@example.org',
    privacy: true,
    submission_id: '0b8f4c1e-8a53-4d5f-9c1a-6f1d2e3a4b5c',
    privacy_notice_version: '2026-01',
    submitted_at: '2026-11-01T10:00:00Z',
    possibly_automated: false,
  };
  // As the earlier version kept it: a plain list, each request's body made once.
  const earlier = [{ endpoint: ENDPOINT, submission_id: submission.submission_id, body: JSON.stringify(submission) }];
  await keepEarlierRequests(page.context(), earlier);
  await page.goto('/members');
  await expect.poll(() => posts.length).toBe(1);
  expect(posts[0]).toEqual(submission);
  await expect
    .poll(() => page.evaluate(() => [localStorage.getItem('signup-outbox'), localStorage.getItem('signup-outbox-v2')]))
    .toEqual([null, null]);
});

test('a reload mid-typing restores the draft; "Clear form" empties it', async ({ page }) => {
  await page.goto('/join');
  await page.getByLabel('Organisation name').fill('Half-finished Organisation');
  await page.getByRole('checkbox', { name: 'Scotland' }).check();
  await page.getByLabel(/How will your organisation support/).fill('We will share it.');
  await page.reload();
  await expect(page.getByLabel('Organisation name')).toHaveValue('Half-finished Organisation');
  await expect(page.getByRole('checkbox', { name: 'Scotland' })).toBeChecked();
  await expect(page.getByLabel(/How will your organisation support/)).toHaveValue('We will share it.');
  await page.getByRole('button', { name: 'Clear form' }).click();
  await expect(page.getByLabel('Organisation name')).toHaveValue('');
  await page.reload();
  await expect(page.getByLabel('Organisation name')).toHaveValue('');
});

test('the whole form can be completed with the keyboard alone', async ({ page }) => {
  await withEndpoint(page);
  const posts = await formService(page, [{ status: 200 }]);
  await page.goto('/join');
  await page.getByLabel('Organisation name').focus();
  await page.keyboard.type('Keyboard Trust');
  await page.keyboard.press('Tab'); // first radio
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab'); // first checkbox: England
  await page.keyboard.press('Space');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab'); // past the other nations
  await page.keyboard.press('Tab'); // register select
  await page.keyboard.press('Tab'); // number
  await page.keyboard.press('Tab'); // website
  await page.keyboard.press('Tab'); // full name
  await page.keyboard.type('Kim Keys');
  await page.keyboard.press('Tab'); // role
  await page.keyboard.press('Tab'); // email
  await page.keyboard.type('kim@example.org');
  await page.keyboard.press('Tab'); // phone
  await page.keyboard.press('Tab'); // support
  await page.keyboard.press('Tab'); // privacy checkbox
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: /privacy notice/ })).toBeChecked();
  await send(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Thank you: your request has been sent' })).toBeFocused();
  expect(posts[0]).toMatchObject({ org_name: 'Keyboard Trust', org_type: 'charity', nations: ['england'], email: 'kim@example.org' });
});

test('the spam trap is hidden from everyone and a filled trap sends nothing', async ({ page }) => {
  await withEndpoint(page);
  const posts = await formService(page, [{ status: 200 }]);
  await page.goto('/join');
  await expect(page.getByLabel('Leave this empty')).toBeHidden();
  const snapshot = await page.locator('form').ariaSnapshot();
  expect(snapshot).not.toContain('Leave this empty');
  await fillValid(page);
  await page.locator('#fax-number').evaluate((input) => {
    input.value = 'bot was here';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await send(page).click();
  await expect(page.getByRole('heading', { name: 'Thank you: your request has been sent' })).toBeVisible();
  expect(posts).toHaveLength(0);
});
