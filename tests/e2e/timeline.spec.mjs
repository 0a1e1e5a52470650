// The timeline: order, grouping, filters, the "now" marker under a fixed clock,
// fragment links, the chart's alternatives, faults and axe.
import { test, expect } from '@playwright/test';
import { appIsLive, expectNoAxeViolations, mainHeading } from './helpers.mjs';

function milestoneTitles(page) {
  return page.getByRole('main').getByRole('heading', { level: 3 });
}

test('milestones are oldest first, grouped by year, with dates at their own precision', async ({ page }) => {
  await page.goto('/timeline');
  await expect(mainHeading(page)).toHaveText('Timeline');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([
    '2022',
    'Between November 2022 and November 2023',
    '2023',
    '2025',
    'Membership over time',
  ]);
  const titles = milestoneTitles(page);
  await expect(titles.first()).toHaveText('The coalition launches');
  await expect(titles.last()).toHaveText("Steering group's work to be completed");
  const launch = page.locator('#coalition-launch');
  await expect(launch.locator('time')).toHaveText('2 November 2022');
  await expect(launch.locator('time')).toHaveAttribute('datetime', '2022-11-02');
  await expect(page.locator('#workforce-steering-group time')).toHaveText('2023');
  await expect(page.locator('#westminster-hall-debate')).toContainText('exact date not known');
  await expect(launch.getByText('Achieved')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('filters by kind and status live in the URL', async ({ page }) => {
  await page.goto('/timeline');
  await page.getByRole('navigation', { name: 'Filter by kind' }).getByRole('link', { name: 'Research' }).click();
  await expect(page).toHaveURL('/timeline?kind=research');
  await expect(milestoneTitles(page)).toHaveCount(2);
  await page.goto('/timeline?kind=government');
  await page.getByRole('navigation', { name: 'Filter by status' }).getByRole('link', { name: 'Planned' }).click();
  await expect(page).toHaveURL('/timeline?kind=government&status=planned');
  await expect(milestoneTitles(page)).toHaveText([
    'SEND workforce steering group to be set up',
    "Steering group's work to be completed",
  ]);
  await page.reload();
  await expect(milestoneTitles(page)).toHaveCount(2);
  await page.goto('/timeline?kind=parliament&status=planned');
  await expect(page.getByText('No milestones match these filters.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('in December 2023 the "now" marker sits before the planned steering group, nothing overdue', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2023-12-01T12:00:00Z'));
  await page.goto('/timeline');
  const marker = page.locator('.now-marker');
  await expect(marker).toHaveText('Now: 1 December 2023');
  const nextItem = marker.locator('xpath=following-sibling::li[1]');
  await expect(nextItem.getByRole('heading')).toHaveText('SEND workforce steering group to be set up');
  await expect(page.getByText('Overdue')).toHaveCount(0);
});

test('today, planned milestones whose dates have passed are labelled overdue', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-28T12:00:00Z'));
  await page.goto('/timeline');
  await expect(page.locator('#workforce-steering-group').getByText('Overdue')).toBeVisible();
  await expect(page.locator('#workforce-steering-group-complete').getByText('Overdue')).toBeVisible();
  await expect(page.locator('#first-anniversary').getByText('Overdue')).toHaveCount(0);
  await expect(page.locator('.now-marker')).toHaveText('Now: 28 November 2026');
  await expect(page.locator('ol.timeline > li').last()).toHaveClass(/now-marker/);
});

test('a fragment link scrolls to the milestone and focuses it', async ({ page }) => {
  await page.goto('/timeline#first-anniversary');
  const item = page.locator('#first-anniversary');
  await expect(item).toBeFocused();
  await expect(item).toBeInViewport();
});

test('a post links to its milestone and the milestone links back to the post', async ({ page }) => {
  await page.goto('/blog/first-anniversary');
  // The app's own navigation: before it takes over, the built page's link goes to the host.
  await appIsLive(page);
  await page.getByRole('article').getByRole('link', { name: 'timeline' }).click();
  await expect(page).toHaveURL('/timeline#workforce-steering-group');
  await expect(page.locator('#workforce-steering-group')).toBeFocused();
  await page.locator('#send-ap-improvement-plan').getByRole('link', { name: /Read more/ }).click();
  await expect(mainHeading(page)).toHaveText('What we said about the SEND and AP Improvement Plan');
});

test('the membership chart has a text alternative and the same figures in a table', async ({ page }) => {
  await page.goto('/timeline');
  const chart = page.getByRole('img', { name: 'Coalition membership over time' });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(
    'Membership grew from more than 100 organisations on 2 November 2022 to more than 130 on 2 November 2023.',
  );
  const table = page.getByRole('table', { name: 'Membership figures' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(2)).toContainText('more than 130');
});

test('the chart and list follow the data, not the code', async ({ page }) => {
  await page.route('**/content/timeline.json', async (route) => {
    const response = await route.fetch();
    const data = await response.json();
    data.membership.push({ date: '2024-06', count: 150, at_least: false });
    data.milestones.push({
      id: 'new-step',
      date: '2027-01',
      title: 'A routed future step',
      description: [{ type: 'paragraph', content: [{ type: 'text', text: 'Only in the test.' }] }],
      kind: 'coalition',
      status: 'planned',
    });
    await route.fulfill({ response, json: data });
  });
  await page.clock.setFixedTime(new Date('2026-11-28T12:00:00Z'));
  await page.goto('/timeline');
  await expect(page.getByRole('table', { name: 'Membership figures' }).getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('img', { name: 'Coalition membership over time' })).toHaveAccessibleDescription(/to 150 in June 2024/);
  const marker = page.locator('.now-marker');
  await expect(marker.locator('xpath=following-sibling::li[1]').getByRole('heading')).toHaveText('A routed future step');
});

test('a failing timeline file shows the error panel, and Retry recovers', async ({ page }) => {
  let broken = true;
  await page.route('**/content/timeline.json', (route) =>
    broken ? route.fulfill({ status: 500, body: 'no' }) : route.continue(),
  );
  await page.goto('/timeline');
  await expect(page.getByRole('alert').getByRole('heading', { name: 'The server had a problem' })).toBeVisible();
  await expectNoAxeViolations(page);
  broken = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(milestoneTitles(page).first()).toHaveText('The coalition launches');
});
