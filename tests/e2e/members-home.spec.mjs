// The members directory and the home page: counts and figures from content,
// filters in the URL, the sample notice, independent failures, and axe.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, mainHeading } from './helpers.mjs';

async function shipped(request, path) {
  const response = await request.get(path);
  expect(response.ok()).toBe(true);
  return response.json();
}

test('the directory counts what the file lists and gives the headline figure', async ({ page, request }) => {
  const data = await shipped(request, '/content/members.json');
  await page.goto('/members');
  await expect(page.getByText(`${data.members.length} organisations listed.`)).toBeVisible();
  await expect(page.getByText('The coalition has more than 130 member organisations (as of 2 November 2023)')).toBeVisible();
  const conveners = page.getByRole('region', { name: 'Convened by' });
  await expect(conveners.getByRole('listitem')).toHaveCount(data.members.filter((m) => m.convener).length);
  await expect(conveners).toContainText('Royal College of Speech and Language Therapists');
  await expect(page.getByRole('main').getByRole('heading', { level: 3 })).toHaveText(['E', 'S']);
  await expect(page.getByRole('note')).toContainText('made-up examples');
  const website = page.getByRole('link', { name: 'Website of Example Speech Therapy Network' });
  await expect(website).toHaveAttribute('rel', /noopener/);
  await expect(page.getByRole('main').getByRole('link', { name: 'Join the coalition' })).toHaveAttribute('href', '/join');
  await expectNoAxeViolations(page);
});

test('search and filters narrow the directory and live in the URL', async ({ page }) => {
  await page.goto('/members');
  await page.getByLabel('Search by name').fill('speech');
  await page.getByRole('button', { name: 'Show organisations' }).click();
  await expect(page).toHaveURL('/members?q=speech');
  await expect(page.getByText('Showing 3 of 9 organisations.')).toBeVisible();
  await page.getByLabel('Search by name').fill('');
  await page.getByLabel('Type of organisation').selectOption({ label: 'Trade union' });
  await page.getByLabel('Works in').selectOption({ label: 'Wales' });
  await page.getByRole('button', { name: 'Show organisations' }).click();
  await expect(page).toHaveURL('/members?type=trade_union&nation=wales');
  await expect(page.getByText('Sample Union of Support Staff')).toBeVisible();
  await expect(page.getByText('Showing 1 of 9 organisations.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Type of organisation')).toHaveValue('trade_union');
  await expect(page.getByLabel('Works in')).toHaveValue('wales');
  await page.goto('/members?q=zebra');
  await expect(page.getByText('No listed organisations match.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the sample notice appears only when sample entries exist', async ({ page, request }) => {
  const data = await shipped(request, '/content/members.json');
  const real = { members: data.members.filter((m) => !m.sample) };
  await page.route('**/content/members.json', (route) => route.fulfill({ json: real }));
  await page.goto('/members');
  await expect(page.getByText(`${real.members.length} organisations listed.`)).toBeVisible();
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect(page.getByText('Sample entry')).toHaveCount(0);
});

test('a failing directory shows the error panel and the join invitation stays', async ({ page }) => {
  await page.route('**/content/members.json', (route) => route.fulfill({ status: 500, body: 'x' }));
  await page.goto('/members');
  await expect(page.getByRole('alert').getByRole('heading', { name: 'The server had a problem' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Join the coalition' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('home makes the case from content, with the latest posts and progress', async ({ page }) => {
  await page.goto('/');
  await expect(mainHeading(page)).toHaveText('#SENDInTheSpecialists');
  await expect(page.getByText('We are asking the UK Government to invest in')).toBeVisible();
  await expect(page.getByText(/^Convened by .*Royal College of Speech and Language Therapists/)).toBeVisible();
  await expect(page.getByText('more than 130 as of 2 November 2023')).toBeVisible();
  const posts = page.getByRole('region', { name: 'Latest news' });
  await expect(posts.getByRole('heading', { level: 3 })).toHaveCount(3);
  const progress = page.getByRole('region', { name: 'Progress so far' });
  await expect(progress.getByRole('link', { name: 'First anniversary: more than 130 organisations' })).toHaveAttribute(
    'href',
    '/timeline#first-anniversary',
  );
  await expect(progress.getByRole('link', { name: 'SEND workforce steering group to be set up' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Join the coalition' })).toHaveAttribute('href', '/join');
  await expectNoAxeViolations(page);
});

test('home shows whatever the content says: nothing is hard-coded', async ({ page }) => {
  await page.route('**/content/site.json', async (route) => {
    const response = await route.fetch();
    const site = await response.json();
    site.home.ask = 'A routed ask that only this test knows.';
    await route.fulfill({ response, json: site });
  });
  await page.route('**/content/timeline.json', async (route) => {
    const response = await route.fetch();
    const timeline = await response.json();
    timeline.membership.push({ date: '2026-05', count: 275, at_least: true });
    timeline.milestones[0].date = '2022-10-01';
    await route.fulfill({ response, json: timeline });
  });
  await page.route('**/content/posts/latest.json', (route) =>
    route.fulfill({
      json: {
        posts: [
          {
            slug: 'routed-post',
            title: 'A routed post title',
            date: '2026-06-01',
            category: 'news',
            tags: [],
            author: 'Test',
            summary: 'Routed.',
            reading_minutes: 3,
          },
        ],
      },
    }),
  );
  await page.route('**/content/members.json', (route) =>
    route.fulfill({ json: { members: [{ name: 'Only Routed Convener', type: 'charity', nations: [], convener: true, sample: false }] } }),
  );
  await page.goto('/');
  await expect(page.getByText('A routed ask that only this test knows.')).toBeVisible();
  await expect(page.getByText('275+')).toBeVisible();
  await expect(page.getByText('more than 275 as of May 2026')).toBeVisible();
  await expect(page.locator('dl.figures').getByText('1 October 2022')).toBeVisible();
  await expect(page.getByText('Convened by Only Routed Convener.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Latest news' }).getByRole('heading', { level: 3 })).toHaveText([
    'A routed post title',
  ]);
});

test('one failing file on home leaves the other sections working', async ({ page }) => {
  let broken = true;
  await page.route('**/content/timeline.json', (route) =>
    broken ? route.fulfill({ status: 503, body: 'busy' }) : route.continue(),
  );
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Latest news' }).getByRole('heading', { level: 3 })).toHaveCount(3);
  await expect(page.getByText(/^Convened by/)).toBeVisible();
  const progress = page.getByRole('region', { name: 'Progress so far' });
  await expect(progress.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page);
  broken = false;
  await progress.getByRole('button', { name: 'Try again' }).click();
  await expect(progress.getByRole('link', { name: 'The coalition launches' })).toBeVisible();
  await expect(page.getByText('more than 130 as of 2 November 2023')).toBeVisible();
});

test('failing posts on home leave the figures and progress working', async ({ page }) => {
  await page.route('**/content/posts/latest.json', (route) => route.abort('failed'));
  await page.goto('/');
  const posts = page.getByRole('region', { name: 'Latest news' });
  await expect(posts.getByRole('alert').getByRole('heading', { name: "We couldn't connect" })).toBeVisible();
  await expect(page.getByText('more than 130 as of 2 November 2023')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Progress so far' }).getByRole('link').first()).toBeVisible();
});
