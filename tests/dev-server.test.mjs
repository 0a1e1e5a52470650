// The README's first command, run as a newcomer runs it: `make serve` on a copy of the
// checkout as a fresh clone has it (tracked and new files only: no dist, node_modules,
// test-results or dist-fixture), on a port of its own. It checks through the development
// server that the main routes start in Chromium without a console error, that an edit in
// content/ is served without a restart, and that a content mistake is reported in the
// terminal with its file and line while the last good site stays served; then it starts
// again after the tests' own folders exist. Run by `make test` (`node --test`).
//
// The copy shares this checkout's cargo target folder, so the first build reuses what
// `make unit` and the release builds compiled. It prints how long each step took.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './sites.mjs';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
// Outside target/: Trunk ignores changes under cargo's target folder, which the copy shares.
const scratch = join(tmpdir(), 'send-site-dev-server');
const copy = join(scratch, 'checkout');
const port = Number(process.env.DEV_SERVER_PORT ?? 8391);
const base = `http://127.0.0.1:${port}`;
/** Bounds for a hung step, not speed checks: a cold first build takes minutes on two cores. */
const FIRST_BUILD_LIMIT_MS = 25 * 60_000;
const REBUILD_LIMIT_MS = 5 * 60_000;

const started = Date.now();
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);
const report = (what, since) => console.log(`# dev server: ${what} in ${seconds(since)} s`);

/** Copies what a fresh clone holds: every tracked file and every new file git does not ignore. */
function freshClone() {
  rmSync(scratch, { recursive: true, force: true });
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    try {
      cpSync(join(root, file), join(copy, file), { recursive: false });
    } catch (error) {
      // A file deleted in the working tree but not yet in git is not in a clone either.
      if (error.code !== 'ENOENT') throw error;
    }
  }
  return files.length;
}

/** `make serve` in the copy, in its own process group so that it and its children stop together. */
class Server {
  constructor() {
    this.output = '';
    this.exited = null;
    this.child = spawn('make', ['serve'], {
      cwd: copy,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TRUNK_SERVE_PORT: String(port),
        TRUNK_SERVE_ADDRESS: '127.0.0.1',
        CARGO_TARGET_DIR: join(root, 'target'),
        NO_COLOR: 'true',
      },
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => (this.output += chunk));
    }
    this.child.on('exit', (code, signal) => (this.exited = { code, signal }));
  }

  /** True once Trunk has built the site and listens: what a newcomer waits to see. */
  ready() {
    return this.output.includes('server listening at');
  }

  /** The terminal's last lines, for a failure message. */
  tail(lines = 40) {
    return this.output.split('\n').slice(-lines).join('\n');
  }

  /**
   * What Trunk said from its first error on, when a build has failed: it serves all the
   * same, so without this a failed first build would only show as a long wait.
   */
  buildError() {
    const at = this.output.search(/ ERROR /);
    return at < 0 ? null : this.output.slice(at).split('\n').slice(0, 120).join('\n');
  }

  /**
   * Waits until `ready()` holds, failing at once with the terminal if the server stops
   * or `failed()` names a failure.
   */
  async until(what, ready, limit, failed = () => null) {
    const deadline = Date.now() + limit;
    for (;;) {
      if (this.exited) {
        assert.fail(`make serve stopped (${JSON.stringify(this.exited)}) before ${what}:\n${this.tail()}`);
      }
      const failure = failed();
      if (failure) assert.fail(`${what}: no, Trunk said:\n${failure}`);
      // `ready` may answer at once or with a promise; a failed fetch is not ready yet.
      const value = await Promise.resolve().then(ready).catch(() => null);
      if (value) return value;
      if (Date.now() > deadline) assert.fail(`no ${what} after ${limit / 1000} s:\n${this.tail()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** Stops the whole group, then makes sure it is gone. */
  async stop() {
    if (this.exited) return;
    const gone = new Promise((r) => this.child.once('exit', r));
    try {
      process.kill(-this.child.pid, 'SIGINT');
    } catch {}
    const killed = setTimeout(() => {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {}
    }, 10_000);
    await gone;
    clearTimeout(killed);
  }
}

async function text(path) {
  const response = await fetch(base + path);
  return response.ok ? response.text() : null;
}

let server = null;
let browser = null;
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens each path and returns what went wrong in the browser: console errors and crashes. */
async function visit(paths) {
  const problems = [];
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(`${page.url()}: console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`${page.url()}: crash: ${e.message}`));
  for (const path of paths) {
    const response = await page.goto(base + path);
    assert.equal(response.status(), 200, `${path} answered ${response.status()}`);
    await page.locator('#app[data-app="live"]').waitFor({ state: 'attached', timeout: 60_000 });
    assert.ok(await page.getByRole('heading', { level: 1 }).count(), `${path} has no main heading`);
  }
  await page.close();
  return problems;
}

test('make serve works on a fresh clone, serves edits and reports content mistakes', async () => {
  const count = freshClone();
  console.log(`# dev server: copied ${count} files into ${copy}`);

  server = new Server();
  // Trunk says it is listening only once its first build has succeeded.
  await server.until(
    'first build served',
    () => server.ready() && text('/index.html'),
    FIRST_BUILD_LIMIT_MS,
    () => server.buildError(),
  );
  report('set-up and first build', started);

  // The main routes are the site's navigation, as the served home page lists it.
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const home = await browser.newPage();
  await home.goto(base + '/');
  const nav = await home
    .getByRole('navigation', { name: /main/i })
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
  await home.close();
  assert.ok(nav.length >= 3, `the navigation lists ${nav.length} links`);
  const problems = await visit(['/', ...new Set(nav)]);
  assert.deepEqual(problems, [], 'the app started with console errors');
  console.log(`# dev server: ${nav.length + 1} routes started in Chromium: / ${nav.join(' ')}`);

  // An edit to the newest post's title, as an editor's save would make it, goes live.
  const index = JSON.parse(await text('/content/posts/index.json'));
  const newest = index.posts[0];
  const file = join(copy, 'content', 'posts', `${newest.slug}.md`);
  const original = readFileSync(file, 'utf8');
  const title = `Edited while serving ${Date.now()}`;
  const edited = original.replace(/^title = .*$/m, `title = "${title}"`);
  assert.notEqual(edited, original, `no title line in ${file}`);
  const saved = Date.now();
  writeFileSync(file, edited);
  await server.until('edited title served', async () => (await text('/'))?.includes(title), REBUILD_LIMIT_MS);
  report('edit to live', saved);
  const page = await browser.newPage();
  await page.goto(base + '/');
  await page.locator('#app[data-app="live"]').waitFor({ state: 'attached' });
  await page.getByRole('link', { name: title }).first().waitFor();
  await page.close();

  // A mistake: the terminal names the file and line, and the last good site stays served.
  const lines = edited.split('\n');
  const line = lines.findIndex((l) => l.startsWith('date = ')) + 1;
  assert.ok(line > 0, `no date line in ${file}`);
  lines[line - 1] = 'date = "the second of November"';
  const before = server.output.length;
  writeFileSync(file, lines.join('\n'));
  const where = `content/posts/${newest.slug}.md:${line}:`;
  await server.until(
    `a report naming ${where}`,
    async () => server.output.slice(before).includes(where),
    REBUILD_LIMIT_MS,
  );
  const said = server.output.slice(before);
  const at = said.indexOf(where);
  console.log(`# dev server: the terminal said: ${said.slice(at, said.indexOf('\n', at) >>> 0).trim()}`);
  assert.ok((await text('/'))?.includes(title), 'the last good site is no longer served');
  writeFileSync(file, original);

  // After `make test` has run, its folders exist: make serve starts all the same.
  await server.stop();
  for (const folder of ['dist', 'dist-fixture', 'test-results', 'playwright-report']) {
    mkdirSync(join(copy, folder), { recursive: true });
  }
  const restarted = Date.now();
  server = new Server();
  await server.until(
    'the site built and served again',
    async () => server.ready() && (await text('/'))?.includes(newest.title),
    FIRST_BUILD_LIMIT_MS,
  );
  report('restart with the tests’ folders present', restarted);
  assert.deepEqual(await visit(['/']), []);
  report('whole check', started);
});
