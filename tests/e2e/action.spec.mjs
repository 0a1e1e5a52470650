// Write to your MP: a postcode typed any way finds the reader's MP from the public
// services (answered here from tests/fixtures/mp-lookup.json, which names their sources)
// and hands the reader to WriteToThem. Every answer and fault ends with a way on: found,
// a vacant seat, an unknown or malformed postcode, a service down, slow or offline, and
// the built page with scripts off. axe runs on every state.
import { test, expect } from '@playwright/test';
import { answerLookups, appIsLive, expectNoAxeViolations } from './helpers.mjs';

const postcode = (page) => page.getByLabel('Postcode');
const find = (page) => page.getByRole('button', { name: 'Find your MP' });
const told = (page) => page.getByRole('status').filter({ hasText: /MP|postcode|WriteToThem/ });

async function lookUp(page, typed) {
  await page.goto('/write-to-your-mp');
  await appIsLive(page);
  await postcode(page).fill(typed);
  await find(page).click();
}

test('in England, the MP is found and one button writes to them on WriteToThem', async ({ page }) => {
  const asked = await answerLookups(page, { place: 'england', member: 'found' });
  await lookUp(page, 'sw1a0aa');
  await expect(told(page)).toContainText(
    'Your MP is Sam Example (Example Party), the Member of Parliament for Cities of London and Westminster.',
  );
  await expect(page.getByRole('link', { name: 'Write to Sam Example on WriteToThem' })).toHaveAttribute(
    'href',
    'https://www.writetothem.com/?a=WMC&pc=SW1A0AA',
  );
  await expect(page.getByText('Education is devolved')).toHaveCount(0);
  await expect(page.getByText('Contains Parliamentary information licensed under the Open Parliament Licence v3.0.')).toBeVisible();
  // The postcode, in the standard form without its space, is all either service is sent.
  expect(asked[0]).toBe('https://api.postcodes.io/postcodes/SW1A0AA');
  const search = new URL(asked[1]);
  expect(search.origin + search.pathname).toBe('https://members-api.parliament.uk/api/Location/Constituency/Search');
  expect(search.searchParams.get('searchText')).toBe('SW1A0AA');
  await expectNoAxeViolations(page);
});

for (const [nation, label, typed, compact, members, own] of [
  ['scotland', 'Scotland', 'EH99 1SP', 'EH991SP', 'MSPs', 'ask your MSPs what the Scottish Government is doing'],
  ['wales', 'Wales', 'cf99 1sn', 'CF991SN', 'Members of the Senedd', null],
  ['northern_ireland', 'Northern Ireland', 'BT43XX', 'BT43XX', 'MLAs', null],
]) {
  test(`in ${label}, the page says education is devolved and offers the ${members} as well`, async ({ page }) => {
    await answerLookups(page, { place: nation, member: 'found' });
    await lookUp(page, typed);
    await expect(told(page)).toContainText(`Education is devolved in ${label}`);
    await expect(page.getByRole('link', { name: 'Write to Sam Example on WriteToThem' })).toHaveAttribute(
      'href',
      `https://www.writetothem.com/?a=WMC&pc=${compact}`,
    );
    await expect(page.getByRole('link', { name: `Write to your ${members} or your MP on WriteToThem` })).toHaveAttribute(
      'href',
      `https://www.writetothem.com/?pc=${compact}`,
    );
    // The nation's own talking points show where editors wrote them; elsewhere the UK-wide ones stand.
    if (own) await expect(told(page)).toContainText(own);
    else await expect(told(page).locator('.prose')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
}

test('a vacant seat is said, and WriteToThem shows who else represents the reader', async ({ page }) => {
  await answerLookups(page, { place: 'england', member: 'vacant' });
  await lookUp(page, 'SW1A 0AA');
  await expect(told(page)).toContainText('Cities of London and Westminster has no MP at the moment.');
  await expect(page.getByRole('link', { name: 'See who represents you on WriteToThem' })).toHaveAttribute(
    'href',
    'https://www.writetothem.com/?pc=SW1A0AA',
  );
  await expectNoAxeViolations(page);
});

test('an unknown or no longer used postcode still hands the reader on', async ({ page }) => {
  const asked = await answerLookups(page, { place: 'not_found', member: 'none' });
  await lookUp(page, 'zz1 1zz');
  await expect(told(page)).toContainText('We could not find ZZ1 1ZZ.');
  await expect(page.getByRole('link', { name: 'Find your MP on WriteToThem' })).toHaveAttribute(
    'href',
    'https://www.writetothem.com/?pc=ZZ11ZZ',
  );
  expect(asked).toHaveLength(1);
  await expectNoAxeViolations(page);
});

test('a malformed or empty postcode is refused as GOV.UK does, and nothing is sent', async ({ page }) => {
  const asked = await answerLookups(page, { place: 'england', member: 'found' });
  await lookUp(page, 'SW1A');
  await expect(page.getByText('Enter a real postcode, like SW1A 1AA')).toBeVisible();
  await expect(postcode(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(postcode(page)).toBeFocused();
  await expectNoAxeViolations(page);
  await postcode(page).fill('');
  await find(page).click();
  await expect(page.getByText('Enter your postcode')).toBeVisible();
  expect(asked).toHaveLength(0);
});

for (const [fault, lookups] of [
  ['both services answer 503', { place: { status: 503, body: '' }, member: { status: 503, body: '' } }],
  ['Parliament answers a page instead of JSON', { place: 'england', member: { status: 200, body: '<html>' } }],
]) {
  test(`when ${fault}, the reader is told and handed on with their postcode`, async ({ page }) => {
    await answerLookups(page, lookups);
    await lookUp(page, 'SW1A 0AA');
    await expect(told(page)).toContainText('We could not look up your MP just now. WriteToThem can find your MP from your postcode.');
    await expect(page.getByRole('link', { name: 'Find your MP on WriteToThem' })).toHaveAttribute(
      'href',
      'https://www.writetothem.com/?pc=SW1A0AA',
    );
    await expectNoAxeViolations(page);
  });
}

test('when postcodes.io is down, Parliament still finds the MP', async ({ page }) => {
  await answerLookups(page, { place: { status: 500, body: '' }, member: 'found' });
  await lookUp(page, 'SW1A 0AA');
  await expect(told(page)).toContainText('Your MP is Sam Example');
});

test('a service that never answers is given up after 10 seconds, and the reader handed on', async ({ page }) => {
  await page.clock.install();
  const asked = await answerLookups(page, { place: 'hang', member: 'hang' });
  await lookUp(page, 'SW1A 0AA');
  await expect(told(page)).toContainText('Looking up your MP…');
  await page.clock.fastForward('00:11');
  await expect.poll(() => asked.length).toBe(2);
  await page.clock.fastForward('00:11');
  await expect(told(page)).toContainText('We could not look up your MP just now.');
  await expect(page.getByRole('link', { name: 'Find your MP on WriteToThem' })).toBeVisible();
});

test('offline, the reader is told so and handed on', async ({ page, context }) => {
  // Not answered by a route: a route would answer even offline.
  await page.goto('/write-to-your-mp');
  await appIsLive(page);
  await context.setOffline(true);
  await postcode(page).fill('SW1A 0AA');
  await find(page).click();
  await expect(told(page)).toContainText('You seem to be offline, so we could not look up your MP.');
  await expect(page.getByRole('link', { name: 'Find your MP on WriteToThem' })).toHaveAttribute(
    'href',
    'https://www.writetothem.com/?pc=SW1A0AA',
  );
  await expectNoAxeViolations(page);
});

test.describe('with scripts off', () => {
  test.use({ javaScriptEnabled: false });

  test('the built page hands the postcode to WriteToThem', async ({ page }) => {
    let arrived;
    await page.route('https://www.writetothem.com/**', (route) => {
      arrived = route.request().url();
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>WriteToThem</title><h1>WriteToThem</h1>' });
    });
    // Firefox over BiDi runs scripts whatever this says, so the app is kept from starting too.
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto('/write-to-your-mp');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Write to your MP');
    await postcode(page).fill('sw1a 0aa');
    await find(page).click();
    await expect(page).toHaveTitle('WriteToThem');
    expect(arrived).toBe('https://www.writetothem.com/?pc=sw1a+0aa');
  });
});
