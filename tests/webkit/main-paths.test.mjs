// The reader's main paths in WebKit, Safari's engine: Debian's WebKitGTK MiniBrowser
// driven over WebDriver by selenium-webdriver (Playwright's WebKit is a patched build
// not to be had here). Run under a virtual display: `xvfb-run -a node --test tests/webkit/`
// (`make webkit`). The driver cannot read the console, so the test server adds a
// same-origin recorder (`tests/serve.mjs --record-console`) and counts what it serves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Builder, By, Key, until } from 'selenium-webdriver';
import { FIXTURE, OWN, builtPaths } from '../sites.mjs';

const DRIVER_PORT = 4444;
/** Each site on a port of its own, so this suite can run beside the others. */
const SITES = { own: { ...OWN, port: OWN.port + 100 }, fixture: { ...FIXTURE, port: FIXTURE.port + 100 } };
const base = (site) => `http://127.0.0.1:${site.port}`;
const LIVE = By.css('#app[data-app="live"]');

const children = [];
let driver;

function start(command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

async function until200(url) {
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(url).then((r) => r.ok).catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered`);
}

before(async () => {
  for (const site of Object.values(SITES)) {
    start('node', ['tests/serve.mjs', site.dist, String(site.port), '--record-console']);
    await until200(`${base(site)}/index.html`);
  }
  start('WebKitWebDriver', [`--port=${DRIVER_PORT}`]);
  await until200(`http://127.0.0.1:${DRIVER_PORT}/status`);
  driver = await new Builder()
    .usingServer(`http://127.0.0.1:${DRIVER_PORT}`)
    .withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    })
    .build();
});

after(async () => {
  await driver?.quit().catch(() => {});
  for (const child of children) child.kill();
});

/** Opens `path` and waits until the app has taken over from the built page. */
async function open(site, path) {
  await driver.get(base(site) + path);
  await driver.wait(until.elementLocated(LIVE), 30_000, `${path}: the app never took over`);
}

/** What the page's console said since the last call (errors and warnings). */
async function consoleSays() {
  return driver.executeScript(`
    const log = JSON.parse(sessionStorage.getItem('__console') || '[]');
    sessionStorage.removeItem('__console');
    return log;
  `);
}

async function countedRequests(site) {
  return (await fetch(`${base(site)}/__requests`)).json();
}

test('every built page takes over in WebKit with nothing said on the console, and fetches each content file once', async () => {
  const paths = builtPaths(SITES.own.dist);
  const twice = [];
  for (const path of paths) {
    await fetch(`${base(SITES.own)}/__requests`, { method: 'DELETE' });
    await open(SITES.own, path);
    // Let a preload that was not used be reported, as WebKit does after a few seconds.
    await driver.sleep(300);
    assert.deepEqual(await consoleSays(), [], `${path}: the console spoke`);
    for (const [request, count] of Object.entries(await countedRequests(SITES.own))) {
      if (request.startsWith('GET /content/') && count > 1) twice.push(`${path}: ${request} ×${count}`);
    }
  }
  console.log(`# webkit: ${paths.length} pages took over`);
  assert.deepEqual(twice, [], 'a content file was downloaded more than once for one page');
});

test('client navigation in WebKit moves focus to the new page’s heading', async () => {
  await open(SITES.own, '/');
  await driver.findElement(By.css('nav[aria-label="Main"] a[href="/blog"]')).click();
  await driver.wait(until.urlContains('/blog'), 10_000);
  await driver.wait(async () => (await driver.executeScript('return document.activeElement?.tagName')) === 'H1', 10_000, 'focus on the heading');
  const heading = await driver.findElement(By.css('h1')).getText();
  assert.match(heading, /Blog|News/i);
  assert.deepEqual(await consoleSays(), []);
});

test('search in WebKit narrows the list and keeps the words in the address', async () => {
  await open(SITES.own, '/blog');
  const before = (await driver.findElements(By.css('main article'))).length;
  const search = await driver.findElement(By.css('input[type="search"]'));
  await search.sendKeys('parliament', Key.ENTER);
  await driver.wait(until.urlContains('q=parliament'), 10_000, 'the search is in the address');
  await driver.wait(async () => (await driver.findElements(By.css('main article'))).length < before, 10_000, 'fewer posts');
  assert.deepEqual(await consoleSays(), []);
});

test('reading preferences in WebKit apply at once and survive a reload', async () => {
  await open(SITES.own, '/blog');
  await driver.findElement(By.xpath("//summary[contains(., 'Reading preferences')]")).click();
  // The radio itself, as a keyboard user reaches it (its label is styled as the button).
  const largest = await driver.findElement(By.xpath("//label[normalize-space(.)='Largest']"));
  await driver.executeScript('arguments[0].control.focus()', largest);
  await driver.switchTo().activeElement().sendKeys(Key.SPACE);
  const size = () => driver.executeScript('return document.documentElement.dataset.size');
  assert.equal(await size(), 'largest');
  await driver.navigate().refresh();
  await driver.wait(until.elementLocated(LIVE), 30_000);
  assert.equal(await size(), 'largest');
  await driver.executeScript("localStorage.removeItem('reading-preferences')");
  assert.deepEqual(await consoleSays(), []);
});

test('the join form in WebKit keeps a draft across a reload, then sends to a form service that answers', async () => {
  // The fixture site sends to Netlify Forms at this site's own address, which the test server answers.
  await open(SITES.fixture, '/join');
  const name = await driver.findElement(By.id('org_name'));
  await name.sendKeys('Example Speech Therapy Network');
  await driver.findElement(By.id('email')).sendKeys('sam@example.org');
  await driver.sleep(500);
  await driver.navigate().refresh();
  await driver.wait(until.elementLocated(LIVE), 30_000);
  await driver.wait(async () => (await driver.findElement(By.id('org_name')).getAttribute('value')) === 'Example Speech Therapy Network', 10_000, 'the draft came back');
  await driver.findElement(By.xpath("//label[contains(., 'Charity or voluntary organisation')]")).click();
  await driver.findElement(By.xpath("//label[normalize-space(.)='England']")).click();
  await driver.findElement(By.id('contact_name')).sendKeys('Sam Example');
  await driver.findElement(By.xpath("//label[contains(., 'I have read and agree to the privacy notice')]")).click();
  await fetch(`${base(SITES.fixture)}/__requests`, { method: 'DELETE' });
  await driver.findElement(By.xpath("//button[normalize-space(.)='Send request to join']")).sendKeys(Key.ENTER);
  await driver.wait(until.elementLocated(By.xpath("//*[contains(., 'Thank you: your request has been sent')]")), 15_000, 'the thank-you');
  const sent = await countedRequests(SITES.fixture);
  assert.equal(sent['POST /'], 1, `one request reached the form service: ${JSON.stringify(sent)}`);
  assert.deepEqual(await consoleSays(), []);
});

test('the action page in WebKit hands the reader to WriteToThem with their postcode, whatever the lookup finds', async () => {
  // The services are not answered here (no network, no routes over WebDriver): whether the
  // lookup finds the MP or cannot reach a service, every outcome offers the way on.
  await open(SITES.own, '/write-to-your-mp');
  await driver.findElement(By.id('pc')).sendKeys('sw1a 0aa');
  await driver.findElement(By.xpath("//button[normalize-space(.)='Find your MP']")).sendKeys(Key.ENTER);
  const onward = await driver.wait(
    until.elementLocated(By.css('[role="status"] a[href^="https://www.writetothem.com/?"]')),
    30_000,
    'a way on to WriteToThem',
  );
  assert.match(await onward.getAttribute('href'), /pc=SW1A0AA$/);
});
