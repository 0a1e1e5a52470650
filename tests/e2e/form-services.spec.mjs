// The form services a coalition uses. With the app: each service's documented
// answers (tests/fixtures/form-services.json, which names its sources) driven
// through the real join form: what the reader sees, what the service received,
// and whether the draft is kept. With scripts off: the built form posts
// form-encoded straight to the service (the shipped test build uses Formspree;
// the fixture build Netlify) and the reader lands on /join/thanks/.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { FIXTURE, OWN, SIGNUP_ENDPOINT } from '../sites.mjs';
import { appIsLive, expectNoAxeViolations, fillJoinForm, patchJson } from './helpers.mjs';

const FIXTURES = JSON.parse(readFileSync('tests/fixtures/form-services.json', 'utf8')).services;
const ENDPOINT = SIGNUP_ENDPOINT;
const ACCESS_KEY = '1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f';
const DRAFT = 'signup-draft';
const send = (page) => page.getByRole('button', { name: 'Send request to join' });

/** Where each service is reached from the app: Netlify takes posts at the site's own root. */
const endpointOf = (service, base) => (service === 'netlify' ? `${base}/` : ENDPOINT);

/** Configures the app for `service` and answers its posts with `answer`, recording each request. */
async function serviceAnswering(page, service, answer, base) {
  await patchJson(page, '**/content/site.json', (site) => {
    site.signup.service = service;
    site.signup.endpoint = service === 'netlify' ? '/' : ENDPOINT;
    if (service === 'web3forms') site.signup.access_key = ACCESS_KEY;
    else delete site.signup.access_key;
  });
  const requests = [];
  await page.route(endpointOf(service, base), async (route) => {
    const request = route.request();
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type, accept',
      'access-control-expose-headers': 'retry-after',
    };
    if (request.method() === 'GET') return route.continue();
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    requests.push({ type: request.headers()['content-type'], body: request.postData() ?? '' });
    await route.fulfill({
      status: answer.status,
      headers: { ...cors, ...(answer.retry_after ? { 'retry-after': answer.retry_after } : {}) },
      contentType: answer.content_type ?? 'application/json',
      body: answer.body,
    });
  });
  return requests;
}

/** What the reader should see for each kind of answer, per service. */
const SEEN = {
  success: () => ({ heading: 'Thank you: your request has been sent', kept: false }),
  rate_limit: () => ({ status: /Trying again in \d+ seconds?/, kept: true }),
  field_error: (service) =>
    service === 'formspree'
      ? { summary: /the form service says it should be an email/, kept: true }
      : {
          status: {
            basin: /error 422\)\. It said: “email is invalid”/,
            web3forms: /error 200\)\. It said: “Please provide a valid email”/,
            netlify: /error 404\)/,
          }[service],
          kept: true,
        },
  refusal: (service) => ({
    status: {
      formspree: /error 403\)\. It said: “Submission blocked as spam”/,
      basin: /could not accept your request \(error 403\)\. Your answers are still here/,
      web3forms: /error 400\)\. It said: “Invalid access key”/,
      netlify: /could not accept your request \(error 403\)/,
    }[service],
    kept: true,
  }),
};

for (const [service, { answers }] of Object.entries(FIXTURES)) {
  for (const [kind, answer] of Object.entries(answers)) {
    test(`${service}, ${kind.replace('_', ' ')}: the reader is told, and the draft is ${SEEN[kind](service).kept ? 'kept' : 'cleared'}`, async ({
      page,
      baseURL,
    }) => {
      const requests = await serviceAnswering(page, service, answer, baseURL);
      await page.goto('/join');
      await appIsLive(page);
      await fillJoinForm(page);
      await send(page).click();
      const seen = SEEN[kind](service);
      if (seen.heading) await expect(page.getByRole('heading', { name: seen.heading })).toBeFocused();
      if (seen.summary) await expect(page.locator('.error-summary').getByRole('link', { name: seen.summary })).toBeVisible();
      if (seen.status) await expect(page.getByRole('status').filter({ hasText: seen.status })).toBeVisible();
      expect(requests.length, 'one request sent').toBeGreaterThan(0);

      // What the service received: the body it documents, under our field names.
      const { type, body } = requests[0];
      if (service === 'netlify') {
        expect(type).toBe('application/x-www-form-urlencoded');
        const form = new URLSearchParams(body);
        expect(form.get('form-name')).toBe('join');
        expect(form.get('org_name')).toBe('Example Speech Therapy Network');
        expect(form.get('nations')).toBe('england, wales');
        expect(form.get('privacy')).toBe('true');
      } else {
        expect(type).toBe('application/json');
        const json = JSON.parse(body);
        expect(json).toMatchObject({ org_name: 'Example Speech Therapy Network', nations: ['england', 'wales'], privacy: true });
        expect(json.access_key).toBe(service === 'web3forms' ? ACCESS_KEY : undefined);
      }

      const draft = await page.evaluate((key) => sessionStorage.getItem(key), DRAFT);
      if (seen.kept) {
        expect(draft, 'the draft is kept on the device').toContain('Example Speech Therapy Network');
        await expect(page.getByLabel('Organisation name')).toHaveValue('Example Speech Therapy Network');
      } else {
        expect(draft ?? '', 'a delivered request leaves no answers behind').not.toContain('Example Speech Therapy Network');
        await expect(page.getByLabel('Organisation name')).toHaveValue('');
      }
      await expectNoAxeViolations(page);
    });
  }
}

/** Answers a plain form post the way the services do when the redirect setting is made: 303 to our thank-you page. */
async function plainPost(context, url, origin) {
  const posts = [];
  await context.route(url, async (route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    posts.push({ type: request.headers()['content-type'], form: new URLSearchParams(request.postData() ?? '') });
    await route.fulfill({ status: 303, headers: { location: `${origin}/join/thanks/` } });
  });
  return posts;
}

test('with scripts off, the built form posts form-encoded to Formspree and the reader lands on the thank-you page', async ({ browser }) => {
  const origin = `http://127.0.0.1:${OWN.port}`;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const posts = await plainPost(context, ENDPOINT, origin);
  const page = await context.newPage();
  await page.goto(`${origin}/join`);
  await expect(page.getByText(/needs JavaScript/)).toBeHidden();
  await fillJoinForm(page);
  await page.getByLabel('Role (optional)').fill('Chair');
  await send(page).click();
  await expect(page).toHaveURL(`${origin}/join/thanks/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you: your request to join has been sent');
  expect(posts).toHaveLength(1);
  const { type, form } = posts[0];
  expect(type).toBe('application/x-www-form-urlencoded');
  expect(Object.fromEntries([...form.keys()].map((k) => [k, form.getAll(k)]))).toEqual({
    org_name: ['Example Speech Therapy Network'],
    org_type: ['charity'],
    org_type_other: [''],
    nations: ['england', 'wales'],
    register: [''],
    register_number: [''],
    website: [''],
    contact_name: ['Sam Example'],
    role: ['Chair'],
    email: ['sam@example.org'],
    phone: [''],
    support: [''],
    privacy: ['true'],
    fax_number: [''],
    privacy_notice_version: ['2026-11'],
  });
  expect(form.has('submission_id'), 'an id fixed at build time would be every reader’s').toBe(false);
  await context.close();
});

test('Netlify: the hidden form the build writes lists exactly the fields the app sends', async ({ page }) => {
  const origin = `http://127.0.0.1:${FIXTURE.port}`;
  const html = readFileSync(`${FIXTURE.dist}/__forms.html`, 'utf8');
  expect(html).toContain('<form name="join" data-netlify="true" netlify-honeypot="fax_number" hidden>');
  const detected = [...html.matchAll(/<input type="hidden" name="([^"]+)"/g)].map((m) => m[1]);
  const sent = [];
  await page.route(`${origin}/`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    sent.push(new URLSearchParams(route.request().postData() ?? ''));
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>ok</title>' });
  });
  await page.goto(`${origin}/join`);
  await appIsLive(page);
  await fillJoinForm(page);
  await send(page).click();
  await expect(page.getByRole('heading', { name: 'Thank you: your request has been sent' })).toBeFocused();
  expect(sent).toHaveLength(1);
  expect(sent[0].get('form-name')).toBe('join');
  const fields = [...sent[0].keys()].filter((k) => k !== 'form-name');
  expect(fields.sort()).toEqual([...detected].sort());
});

test('Netlify, with scripts off: the built form posts to the site itself and lands on the thank-you page', async ({ browser }) => {
  const origin = `http://127.0.0.1:${FIXTURE.port}`;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const posts = await plainPost(context, `${origin}/join/thanks/`, origin);
  const page = await context.newPage();
  await page.goto(`${origin}/join`);
  await fillJoinForm(page);
  await send(page).click();
  await expect(page).toHaveURL(`${origin}/join/thanks/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you: your request to join has been sent');
  expect(posts).toHaveLength(1);
  expect(posts[0].form.get('form-name')).toBe('join');
  expect(posts[0].form.get('email')).toBe('sam@example.org');
  await context.close();
});

test('the privacy notice names the service from the settings', async ({ page }) => {
  await page.goto('/privacy');
  await expect(page.getByText('reach us through Formspree (formspree.io).')).toBeVisible();
  await page.goto(`http://127.0.0.1:${FIXTURE.port}/privacy`);
  await expect(page.getByText(/reach us through Netlify Forms \(netlify\.com\)/)).toBeVisible();
});

test('if the app cannot start, the built form still reaches the service', async ({ page, baseURL }) => {
  const posts = await plainPost(page.context(), ENDPOINT, baseURL);
  await page.route('**/*.wasm', (route) => route.abort('failed'));
  await page.goto('/join');
  await expect(page.locator('#app-failed')).toBeVisible();
  await fillJoinForm(page);
  await send(page).click();
  await expect(page).toHaveURL(`${baseURL}/join/thanks/`);
  expect(posts).toHaveLength(1);
  expect(posts[0].form.get('email')).toBe('sam@example.org');
});

test('a reader the service returns to /join/thanks/ with scripts on keeps the thank-you page once the app starts', async ({ page }) => {
  await page.goto('/join/thanks/');
  await appIsLive(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you: your request to join has been sent');
  await expectNoAxeViolations(page);
});
