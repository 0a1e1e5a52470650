// The app adopts the page the build wrote: the elements a reader sees at load are the
// ones the app makes live, on every kind of route, and nothing is drawn a second time.
import { test, expect } from '@playwright/test';
import { appIsLive, collectPageErrors, holdTheApp, mainHeading } from './helpers.mjs';

/** One page of each kind the sitemap lists, on the suite's own content. */
const ROUTE_KINDS = {
  home: '/',
  'blog list': '/blog',
  post: '/blog/first-anniversary',
  timeline: '/timeline',
  members: '/members',
  join: '/join',
  'write to your MP': '/write-to-your-mp',
  'standard page': '/privacy',
};

for (const [kind, path] of Object.entries(ROUTE_KINDS)) {
  test(`the ${kind} page's elements at load are the ones the app uses`, async ({ page }) => {
    const errors = collectPageErrors(page);
    const release = await holdTheApp(page);
    await page.goto(path);
    await expect(mainHeading(page)).toBeVisible();
    const before = await page.evaluate(() => {
      window.__atLoad = [document.getElementById('app'), ...document.querySelectorAll('#app *')];
      return window.__atLoad.length;
    });
    release();
    await appIsLive(page);
    const after = await page.evaluate(() => ({
      replaced: window.__atLoad.filter((el) => !el.isConnected).map((el) => el.outerHTML.slice(0, 80)),
      count: document.querySelectorAll('#app *').length + 1,
    }));
    expect(after.replaced, 'elements the app replaced').toEqual([]);
    expect(after.count, 'elements the app added').toBe(before);
    expect(errors).toEqual([]);
  });
}

test('the adopted page is the app: its links navigate without reloading', async ({ page }) => {
  await page.goto('/timeline');
  await appIsLive(page);
  await page.evaluate(() => (window.__samePage = true));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
  await expect(mainHeading(page)).toHaveText('Members');
  expect(await page.evaluate(() => window.__samePage)).toBe(true);
});

test('a page served for another address is drawn by the app, not adopted', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/no/such/page');
  await appIsLive(page);
  await expect(mainHeading(page)).toHaveText('Page not found');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Blog' }).click();
  await expect(mainHeading(page)).toHaveText('Blog');
  expect(errors).toEqual([]);
});

test('a content file changed since the build is drawn anew, not adopted wrongly', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.route('**/content/members.json', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.members = [{ ...json.members[0], name: 'A Member Added After The Build' }];
    await route.fulfill({ response, json });
  });
  await page.goto('/members');
  await appIsLive(page);
  await expect(page.getByText('A Member Added After The Build')).toBeVisible();
  expect(errors).toEqual([]);
});
