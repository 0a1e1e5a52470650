// The join form's promise under faults, against the release build: a request is never
// lost, never delivered twice, and never claimed when it was not. Each test is a fault a
// reader meets (a background send, a closed tab, blocked storage, a reload, a silent
// service, a second tab, a redirect, an old address, a month away) and asserts what
// the form service received, under which ids, what the reader saw and what was left.
import { test, expect } from '@playwright/test';
import {
  answerFormService,
  appIsLive,
  earlierRequest,
  expectNoAxeViolations,
  fillJoinForm,
  keepEarlierRequests,
  leaveOnDevice,
  outboxLeft,
} from './helpers.mjs';

const send = (page) => page.getByRole('button', { name: 'Send request to join' });
const thanks = (page) => page.getByRole('heading', { name: 'Thank you: your request has been sent' });
const status = (page, text) => page.getByRole('status').filter({ hasText: text });
const DAY_MS = 86_400_000;
/** Reads what the service received: Firefox's BiDi does not hand request bodies to routes yet. */
const BODY = { tag: '@reads-request-body' };

test('a request sent in the background never clears the form being typed', BODY, async ({ page, context }) => {
  const posts = await answerFormService(page, [{ status: 200, delay: 1500 }]);
  await keepEarlierRequests(context, [earlierRequest('Sent Earlier Group')]);
  await page.goto('/join');
  await appIsLive(page);
  await page.getByLabel('Organisation name').fill('Typed Now Group');
  await expect.poll(() => posts.length).toBe(1);
  await expect.poll(() => outboxLeft(page)).toBeNull();
  await expect(page.getByLabel('Organisation name')).toHaveValue('Typed Now Group');
  await expect(thanks(page)).toHaveCount(0);
  expect(posts[0].org_name).toBe('Sent Earlier Group');
});

test('a tab closed while its request is retried still sends it on the next visit, under the same id', BODY, async ({ page, context }) => {
  const posts = await answerFormService(page, [{ status: 503 }]);
  await page.goto('/join');
  await fillJoinForm(page);
  await send(page).click();
  await expect(status(page, 'Trying again in')).toBeVisible();
  const id = posts[0].submission_id;
  await page.close();
  const next = await context.newPage();
  const later = await answerFormService(next, [{ status: 200 }]);
  await next.goto('/members');
  await expect.poll(() => later.length).toBe(1);
  expect(later[0].submission_id).toBe(id);
  expect(later[0].org_name).toBe('Example Speech Therapy Network');
  await expect.poll(() => outboxLeft(next)).toBeNull();
});

test('where the browser keeps nothing, the page says so at once and never claims a request is saved', async ({ page, context }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The site is not allowed to keep data', 'SecurityError');
    };
  });
  const posts = await answerFormService(page, [{ status: 200 }]);
  await page.goto('/join');
  await expect(page.getByText('This browser is not letting this site save anything on your device')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Email your answers to us instead' })).toHaveAttribute('href', /^mailto:/);
  await fillJoinForm(page);
  await context.setOffline(true);
  await page.waitForFunction(() => !navigator.onLine);
  await send(page).click();
  await expect(status(page, 'does not let this site save it')).toBeVisible();
  await expect(status(page, 'saved on this device')).toHaveCount(0);
  await expectNoAxeViolations(page);
  // Still open, the page sends it when the connection returns.
  await context.setOffline(false);
  await expect(thanks(page)).toBeVisible();
  expect(posts).toHaveLength(1);
});

test('storage full but for a probe: Send says at once that nothing is saved, and still sends', async ({ page }) => {
  // The device's storage takes the app's one-character probe, and nothing larger.
  await page.addInitScript(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (this === window.localStorage && String(value).length > 10) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return set.call(this, key, value);
    };
  });
  const posts = await answerFormService(page, [{ status: 200 }]);
  await page.goto('/join');
  await appIsLive(page);
  await fillJoinForm(page);
  await send(page).click();
  await expect(page.getByText('This browser is not letting this site save anything on your device')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Email your answers to us instead' })).toHaveAttribute('href', /^mailto:/);
  await expect(thanks(page)).toBeVisible();
  expect(posts).toHaveLength(1);
});

test('a reload while the request is retried sends it under the same id, and the page says it was sent', BODY, async ({ page }) => {
  const posts = await answerFormService(page, [{ status: 503, headers: { 'retry-after': '3' } }, { status: 200 }]);
  await page.goto('/join');
  await fillJoinForm(page);
  await send(page).click();
  await expect(status(page, 'Trying again in')).toBeVisible();
  await page.reload();
  await expect(thanks(page)).toBeVisible({ timeout: 10_000 });
  expect(posts).toHaveLength(2);
  expect(new Set(posts.map((p) => p.submission_id)).size).toBe(1);
  await expect.poll(() => outboxLeft(page)).toBeNull();
});

test('a service that never answers is given up after 30 seconds and tried again under the same id', BODY, async ({ page }) => {
  await page.clock.install();
  const posts = await answerFormService(page, [{ hang: true }, { status: 200 }]);
  await page.goto('/join');
  await fillJoinForm(page);
  await send(page).click();
  await expect(status(page, 'Sending your request')).toBeVisible();
  await page.clock.fastForward('00:31');
  await expect(status(page, /could not reach the/)).toBeVisible();
  await expect(thanks(page)).toBeVisible();
  expect(posts).toHaveLength(2);
  expect(posts[1].submission_id).toBe(posts[0].submission_id);
});

test('two tabs open at once send a waiting request once', async ({ context }) => {
  const posts = await answerFormService(context, [{ status: 200, delay: 1000 }]);
  await keepEarlierRequests(context, [earlierRequest('Two Tabs Group')]);
  const [first, second] = [await context.newPage(), await context.newPage()];
  await Promise.all([first.goto('/members'), second.goto('/timeline')]);
  await Promise.all([appIsLive(first), appIsLive(second)]);
  await expect.poll(() => posts.length).toBe(1);
  await expect.poll(() => outboxLeft(first)).toBeNull();
  await Promise.all([first.reload(), second.reload()]);
  await Promise.all([appIsLive(first), appIsLive(second)]);
  expect(posts).toHaveLength(1);
});

test('a page reached by redirect is not taken as a confirmation, nor sent again', async ({ page }) => {
  const posts = await answerFormService(page, [{ redirect: true }]);
  await page.goto('/join');
  await fillJoinForm(page);
  await send(page).click();
  await expect(status(page, 'answered with a web page instead of a confirmation')).toBeVisible();
  await expect(thanks(page)).toHaveCount(0);
  await expect(page.getByLabel('Organisation name')).toHaveValue('Example Speech Therapy Network');
  await page.reload();
  await appIsLive(page);
  expect(posts).toHaveLength(1);
});

test('a request kept while the site used another address goes to the current one, under its id', BODY, async ({ page, context }) => {
  const kept = earlierRequest('Old Address Group', { endpoint: 'https://old-forms.example/f/join' });
  const posts = await answerFormService(page, [{ status: 200 }]);
  await keepEarlierRequests(context, [kept]);
  await page.goto('/members');
  await expect.poll(() => posts.length).toBe(1);
  expect(posts[0].submission_id).toBe(kept.submission_id);
  expect(posts[0].org_name).toBe('Old Address Group');
});

test('a request refused for good is told on the next page, with its answers to use or email', async ({ page, context }) => {
  const posts = await answerFormService(page, [{ status: 403, body: { error: 'Form not active' } }]);
  await keepEarlierRequests(context, [earlierRequest('Refused Group')]);
  await page.goto('/members');
  const notice = status(page, 'A request to join that you made on this device could not be sent');
  await expect(notice).toBeVisible();
  await expectNoAxeViolations(page);
  await notice.getByRole('link', { name: 'See why, and send it another way' }).click();
  const earlier = page.getByRole('region', { name: 'A request you made earlier was not sent' });
  await expect(earlier).toContainText('Request for Refused Group: The form service could not accept your request (error 403). It said: “Form not active”');
  await expect(earlier.getByRole('link', { name: 'Email these answers instead' })).toHaveAttribute('href', /^mailto:.*Refused%20Group/);
  await expectNoAxeViolations(page);
  await earlier.getByRole('button', { name: 'Put these answers in the form' }).click();
  await expect(page.getByLabel('Organisation name')).toHaveValue('Refused Group');
  await page.getByRole('button', { name: 'Clear form' }).click();
  await page.getByRole('button', { name: 'Clear the form and remove the request' }).click();
  await expect(page.getByLabel('Organisation name')).toHaveValue('');
  await expect.poll(() => outboxLeft(page)).toBeNull();
  expect(posts).toHaveLength(1);
});

test('a request that waited 30 days is no longer sent, and the reader is told', async ({ page, context }) => {
  const posts = await answerFormService(page, [{ status: 200 }]);
  const kept = JSON.parse(earlierRequest('Month Away Group').body);
  const item = { submission_id: kept.submission_id, body: JSON.stringify(kept), queued_at_ms: Date.now() - 31 * DAY_MS };
  await leaveOnDevice(context, { 'signup-outbox-v2': JSON.stringify({ version: 2, items: [item], unreadable: [] }) });
  await page.goto('/join');
  const earlier = page.getByRole('region', { name: 'A request you made earlier was not sent' });
  await expect(earlier).toContainText('It could not be sent within 30 days, so this device stopped trying.');
  await earlier.getByRole('button', { name: 'Remove this request' }).click();
  await expect(earlier).toHaveCount(0);
  await expect.poll(() => outboxLeft(page)).toBeNull();
  expect(posts).toHaveLength(0);
});

test('a request kept for a time days away (a clock moved back) is sent now, and the page stays idle', async ({ page, context }) => {
  const posts = await answerFormService(page, [{ status: 200 }]);
  const kept = JSON.parse(earlierRequest('Clock Moved Back Group').body);
  const item = { submission_id: kept.submission_id, body: JSON.stringify(kept), queued_at_ms: Date.now(), not_before_ms: Date.now() + 40 * DAY_MS };
  await leaveOnDevice(context, { 'signup-outbox-v2': JSON.stringify({ version: 2, items: [item], unreadable: [] }) });
  // Counts the page's writes to storage: a wait the browser cannot hold ran as a busy loop.
  await page.addInitScript(() => {
    window.__writes = 0;
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (...args) {
      window.__writes += 1;
      return set.apply(this, args);
    };
  });
  await page.goto('/');
  await appIsLive(page);
  await expect.poll(() => posts.length).toBe(1);
  await expect.poll(() => outboxLeft(page)).toBeNull();
  const before = await page.evaluate(() => window.__writes);
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => window.__writes) - before, 'storage writes in a second of idling').toBeLessThan(5);
});

test('a request waiting offline can be cancelled, or removed with the form, and is then never sent', async ({ page, context }) => {
  const posts = await answerFormService(page, [{ status: 200 }]);
  await page.goto('/join');
  await fillJoinForm(page);
  await context.setOffline(true);
  await page.waitForFunction(() => !navigator.onLine);
  await send(page).click();
  await expect(status(page, 'saved on this device')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel this request' }).click();
  await expect.poll(() => outboxLeft(page)).toBeNull();
  await expect(page.getByLabel('Organisation name')).toHaveValue('Example Speech Therapy Network');
  // Sent again, then "Clear form": the page asks whether the waiting request goes too.
  await send(page).click();
  await expect(status(page, 'saved on this device')).toBeVisible();
  await page.getByRole('button', { name: 'Clear form' }).click();
  const question = page.getByRole('group', { name: /also saved on this device/ });
  await expect(question).toBeVisible();
  await expectNoAxeViolations(page);
  await question.getByRole('button', { name: 'Clear the form and remove the request' }).click();
  await expect.poll(() => outboxLeft(page)).toBeNull();
  await context.setOffline(false);
  await page.reload();
  await appIsLive(page);
  expect(posts).toHaveLength(0);
});
