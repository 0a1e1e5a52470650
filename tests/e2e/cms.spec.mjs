// The content manager at /admin/ (Decap CMS from the site's own files), against its
// local backend on a copy of content/ (tests/cms-backend.mjs): an editor writes a
// post in the CMS's own form, and the build's content check accepts the file it
// wrote. /admin/ gets its own policy, and loads nothing from another site.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CMS_PORT, CMS_REPO } from '../cms-backend.mjs';

// The tests edit one copy of the content, one after another (the last deletes a post).
test.describe.configure({ mode: 'serial' });

/** Runs the build's content check on `content`, returning what it printed; throws with its words if it refuses. */
function contentCheck(content, out = mkdtempSync(join(tmpdir(), 'cms-check-'))) {
  return execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'publish', '--', 'build', '--content', content, '--out', out], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The check's words when it refuses `content`. */
function contentCheckRefusal(content) {
  try {
    contentCheck(content);
  } catch (error) {
    return String(error.stderr);
  }
  throw new Error('the content check accepted what it should refuse');
}

/** Signs in to the content manager and opens the one file of a collection of one file. */
async function openFile(page, collection) {
  await page.goto('/admin/');
  await page.getByRole('button', { name: 'Login' }).click();
  await page.getByRole('link', { name: collection, exact: true }).click();
  const links = page.getByRole('link', { name: collection, exact: true });
  await expect(links).toHaveCount(2, { timeout: 15_000 });
  await links.last().click();
}

/** Saves the open entry as the editor's Publish, Publish now does. */
async function publishNow(page) {
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Publish now').click();
  await expect(page.getByText('Entry saved')).toBeVisible();
}

/** Chooses `option` in the select labelled `label` of the entry's open part, as a keyboard user would. */
async function choose(page, label, option) {
  const select = page.getByRole('combobox', { name: label, exact: true }).last();
  await select.fill(option);
  await select.press('Enter');
}

test('an editor writes a post in the CMS, and the content check accepts the file it wrote', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const elsewhere = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const ours = url.origin === baseURL || url.origin === `http://localhost:${CMS_PORT}` || ['data:', 'blob:'].includes(url.protocol);
    if (!ours) elsewhere.push(request.url());
  });
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });

  const response = await page.goto('/admin/');
  const policy = response.headers()['content-security-policy'];
  expect(policy, 'exactly one policy, the CMS’s own').not.toContain(', ');
  expect(policy).toContain("connect-src 'self' blob: https://api.github.com");
  expect(response.headers()['x-robots-tag']).toBe('noindex');

  await page.getByRole('button', { name: 'Login' }).click();
  await expect(page.getByRole('link', { name: 'Blog posts' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('link', { name: /Blog post$/ }).click();

  const title = `Editors publish from a browser ${Date.now()}`;
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Now' }).click();
  await page.getByLabel('Category').click();
  await page.getByText('Policy', { exact: true }).click();
  await page.getByLabel('Author').fill('Update from RCSLT');
  await page.getByLabel('Summary').fill('The coalition can now post news from a web browser.');
  await page.getByLabel('In short (optional)').fill('News can be posted without a terminal.');
  await page.locator('[data-slate-editor="true"]').click();
  await page.keyboard.type('A post written in the content manager, with a link to the timeline.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Publish now').click();
  await expect(page.getByText('Entry saved')).toBeVisible();

  const slug = title.toLowerCase().replaceAll(' ', '-');
  const file = join(CMS_REPO, 'content', 'posts', `${slug}.md`);
  await expect.poll(() => existsSync(file), { message: `the CMS writes ${file}` }).toBe(true);
  const written = readFileSync(file, 'utf8');
  expect(written).toMatch(/^\+\+\+\n/);
  expect(written).toContain(`title = "${title}"`);
  expect(written).toContain('category = "policy"');

  const said = contentCheck(join(CMS_REPO, 'content'));
  expect(said).toMatch(/publish: \d+ posts checked/);

  expect(elsewhere, '/admin/ loads nothing from another site').toEqual([]);
  expect(violations, 'the CMS works within its policy').toEqual([]);
});

test('each file editors keep opens in the CMS with what it holds, and a change to the timeline still passes the check', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/admin/');
  await page.getByRole('button', { name: 'Login' }).click();
  const shown = (text) =>
    [...document.querySelectorAll('input, textarea')].some((field) => field.value === text) ||
    document.body.innerText.includes(text);
  for (const [collection, entry, holds] of [
    ['Pages', 'Privacy notice for organisations joining the coalition', 'What happens to the details you give when your organisation asks to join #SENDInTheSpecialists.'],
    ['Members', 'Members', 'Royal College of Speech and Language Therapists'],
    ['Site settings', 'Site settings', '#SENDInTheSpecialists'],
    ['Timeline', 'Timeline', 'coalition-launch'],
  ]) {
    await page.getByRole('link', { name: collection, exact: true }).click();
    // The entry's card, once the list has loaded (a file named as its collection has a second link).
    const links = page.getByRole('link', { name: entry, exact: true });
    await expect(links).toHaveCount(entry === collection ? 2 : 1, { timeout: 15_000 });
    await links.last().click();
    await expect
      .poll(() => page.evaluate(shown, holds), { message: `${collection} shows ${holds}`, timeout: 15_000 })
      .toBe(true);
    if (collection !== 'Timeline') await page.goBack();
    if (collection !== 'Timeline') await page.goBack();
  }
  // The first milestone, opened and renamed (the list's items toggle by the button before their name).
  await page.getByText('The coalition launches', { exact: true }).first().locator('xpath=..').getByRole('button').first().click();
  const title = page.locator('input[id^="title-field"]:visible').first();
  await expect(title).toHaveValue(/^The coalition launches/);
  const renamed = `The coalition launches, edited ${Date.now()}`;
  await title.fill(renamed);
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Publish now').click();
  await expect(page.getByText('Entry saved')).toBeVisible();
  const file = join(CMS_REPO, 'content', 'timeline.toml');
  await expect.poll(() => readFileSync(file, 'utf8')).toContain(`title = "${renamed}"`);
  expect(contentCheck(join(CMS_REPO, 'content'))).toMatch(/publish: \d+ posts checked/);
});

test('a milestone added at the end, dated early, saves and is shown in date order', async ({ page }) => {
  test.setTimeout(120_000);
  await openFile(page, 'Timeline');
  // A folded milestone shows its title, as editors know it.
  await expect(page.getByText(/^The coalition launches/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Add milestones' }).click();
  await page.getByLabel('Link name').last().fill('added-in-the-cms');
  await page.getByLabel('Date (optional)').last().fill('2022-12');
  await page.getByLabel('Title', { exact: true }).last().fill('Added at the end in the content manager');
  await page.locator('[data-slate-editor="true"]').last().click();
  await page.keyboard.type('An editor added this milestone last.');
  await choose(page, 'Kind', 'Coalition');
  await choose(page, 'Status', 'Achieved');
  await publishNow(page);
  const file = join(CMS_REPO, 'content', 'timeline.toml');
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('id = "added-in-the-cms"');
  const text = readFileSync(file, 'utf8');
  expect(text.lastIndexOf('id = "added-in-the-cms"'), 'saved last in the file').toBeGreaterThan(text.lastIndexOf('[[milestones]]') - 1);
  const out = mkdtempSync(join(tmpdir(), 'cms-timeline-'));
  expect(contentCheck(join(CMS_REPO, 'content'), out)).toMatch(/publish: \d+ posts checked/);
  const ids = JSON.parse(readFileSync(join(out, 'content', 'timeline.json'), 'utf8')).milestones.map((m) => m.id);
  // December 2022: after the launch (and the milestones known only by a period that
  // follow it), before the plan of March 2023.
  expect(ids.indexOf('added-in-the-cms'), 'published in date order').toBeGreaterThan(ids.indexOf('coalition-launch'));
  expect(ids.indexOf('added-in-the-cms'), 'published in date order').toBe(ids.indexOf('send-ap-improvement-plan') - 1);
});

test('a field an editor empties saves as the field left out, and the check accepts it', async ({ page }) => {
  test.setTimeout(120_000);
  await openFile(page, 'Members');
  const member = 'Example Speech Therapy Network';
  await page.getByText(member, { exact: true }).locator('xpath=..').getByRole('button').first().click();
  // Folded entries keep their fields in the page, hidden: the open one's is the one shown.
  const website = page.getByLabel('Website (optional)').filter({ visible: true });
  await expect(website).toHaveCount(1);
  await expect(website).toHaveValue(/^https:/);
  await website.fill('');
  await publishNow(page);
  const file = join(CMS_REPO, 'content', 'members.toml');
  await expect.poll(() => readFileSync(file, 'utf8')).not.toContain('speech-network.example.org');
  expect(contentCheck(join(CMS_REPO, 'content'))).toMatch(/publish: \d+ posts checked/);
});

test('before saving, the picture asks for its description; deleting a post a milestone names is refused in words', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/admin/');
  await page.getByRole('button', { name: 'Login' }).click();
  await expect(page.getByRole('link', { name: 'Blog posts' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('link', { name: /Blog post$/ }).click();
  await expect(page.getByText('Needed whenever this part is filled in.').first()).toBeVisible();

  // A post that a milestone names, deleted in the content manager (which asks only
  // "are you sure"): the check then names the milestone by its title, and the post.
  const asked = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.message());
    dialog.accept();
  });
  await page.goto('/admin/#/collections/posts');
  await page.getByRole('link', { name: /A new coalition calls/ }).first().click({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Delete entry' }).click();
  const post = join(CMS_REPO, 'content', 'posts', 'coalition-launches.md');
  await expect.poll(() => existsSync(post), { message: 'the CMS deletes the file' }).toBe(false);
  expect(asked.join(' '), 'the editor is asked to confirm').toMatch(/delete/i);
  const said = contentCheckRefusal(join(CMS_REPO, 'content'));
  // (An earlier test renamed the milestone; the check names it as it is now.)
  expect(said).toMatch(/the milestone "The coalition launches[^"]*" links to the post "coalition-launches", which does not exist/);
});
