// A static server that behaves as the host we deploy to (Cloudflare Pages) does: it
// serves files from a folder with the `_headers` rules applied, never serves the
// host's own files (`_headers`, `_redirects`), sends a folder's address without its
// slash to the address with it (308), follows `_redirects`, answers any other path
// with 404.html and status 404, and never serves a file outside the folder however
// the path is encoded. No dependencies, loopback only.
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompress, constants, gzip as gzipCb } from 'node:zlib';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4173);
// For a browser whose driver cannot read its console (WebKitGTK's): `--record-console`
// adds one same-origin script before any other, which keeps what the console said.
const recordConsole = process.argv.includes('--record-console');

/** What was asked of this server, path by path, for tests that count downloads
 * (`GET /__requests` answers it, and `DELETE /__requests` starts again). Never the host's.
 * `/__service-page` stands for a form service's own thank-you web page, readable from any origin
 * (the tests' routes cannot answer a redirected request, so a redirect is followed to here). */
const requests = new Map();

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** The host's own files: read by the host, never served. */
const HOST_FILES = new Set(['/_headers', '/_redirects']);

async function fileAt(path) {
  const full = normalize(join(root, path));
  // A sibling folder shares the name's start (dist, dist-fixture): compare whole segments.
  if (full !== root && !full.startsWith(root + sep)) return null;
  if (HOST_FILES.has(path)) return null;
  try {
    const info = await stat(full);
    if (info.isFile()) return full;
    if (info.isDirectory()) {
      const index = join(full, 'index.html');
      if ((await stat(index).catch(() => null))?.isFile()) return index;
    }
  } catch {}
  return null;
}

async function redirectRules() {
  try {
    const text = await readFile(join(root, '_redirects'), 'utf8');
    return text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(/\s+/))
      .map(([from, to, status]) => ({ from, to, status: Number(status ?? 301) }));
  } catch {
    return [];
  }
}

function matches(pattern, path) {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}

/**
 * Parses a `_headers` file as Cloudflare Pages reads it: a path pattern, then indented
 * "Name: value" lines, or "! Name" to detach a header an earlier rule set.
 */
async function headerRules() {
  try {
    const rules = [];
    for (const line of (await readFile(join(root, '_headers'), 'utf8')).split('\n')) {
      if (!line.trim() || line.trim().startsWith('#')) continue;
      if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), ops: [] });
      else if (rules.length) {
        const text = line.trim();
        const at = text.indexOf(':');
        rules[rules.length - 1].ops.push(
          text.startsWith('!')
            ? { detach: text.slice(1).trim().toLowerCase() }
            : { name: text.slice(0, at).trim().toLowerCase(), value: text.slice(at + 1).trim() },
        );
      }
    }
    return rules;
  } catch {
    return [];
  }
}

/** Applies every matching rule in order: a header set twice is sent with both values joined, as Cloudflare does. */
function applyRules(rules, path, headers) {
  for (const rule of rules) {
    if (!matches(rule.pattern, path)) continue;
    for (const op of rule.ops) {
      if (op.detach) delete headers[op.detach];
      else headers[op.name] = headers[op.name] && op.name !== 'content-type' ? `${headers[op.name]}, ${op.value}` : op.value;
    }
  }
}

/** Compressed bodies, made once per content and encoding, as a CDN serves them; keyed by a
 * hash of the bytes, so a rebuild that keeps a file's length never serves its old body. Made
 * off the event loop (the wasm's brotli takes seconds), so no other answer waits on one. */
const compressed = new Map();
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.xml', '.txt']);
const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCb);

async function encode(file, body, accepted) {
  if (!COMPRESSIBLE.has(extname(file))) return [body, null];
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  if (!encoding) return [body, null];
  const key = `${encoding}:${createHash('sha256').update(body).digest('hex')}`;
  if (!compressed.has(key)) {
    compressed.set(
      key,
      encoding === 'br' ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzip(body, { level: 9 }),
    );
  }
  return [await compressed.get(key), encoding];
}

/** The console recorder, and the page with it added first in its head. */
const CONSOLE_SCRIPT = `(function () {
  var log = JSON.parse(sessionStorage.getItem('__console') || '[]');
  function keep(kind, args) {
    log.push(kind + ': ' + Array.prototype.map.call(args, String).join(' '));
    try { sessionStorage.setItem('__console', JSON.stringify(log)); } catch (e) {}
  }
  ['error', 'warn'].forEach(function (kind) {
    var original = console[kind];
    console[kind] = function () { keep(kind, arguments); return original.apply(console, arguments); };
  });
  window.addEventListener('error', function (e) { if (e.message) keep('error', [e.message]); });
  window.addEventListener('unhandledrejection', function (e) { keep('error', [e.reason]); });
  document.addEventListener('securitypolicyviolation', function (e) { keep('error', ['policy: ' + e.violatedDirective + ' ' + e.blockedURI]); });
})();`;

function withRecorder(file, body) {
  if (!recordConsole || extname(file) !== '.html') return body;
  return Buffer.from(body.toString('utf8').replace('<head>', '<head><script src="/__console.js"></script>'));
}

async function send(res, status, file, path, accepted = '') {
  const [body, encoding] = await encode(file, withRecorder(file, await readFile(file)), accepted);
  const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', vary: 'accept-encoding' };
  if (encoding) headers['content-encoding'] = encoding;
  applyRules(await headerRules(), path, headers);
  res.writeHead(status, headers);
  res.end(body);
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    if (path === '/__requests') {
      if (req.method === 'DELETE') requests.clear();
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return res.end(JSON.stringify(Object.fromEntries(requests)));
    }
    if (path === '/__service-page') {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'access-control-allow-origin': '*' });
      return res.end('<!doctype html><title>Thanks</title><h1>Thanks!</h1>');
    }
    requests.set(`${req.method} ${path}`, (requests.get(`${req.method} ${path}`) ?? 0) + 1);
    if (recordConsole && path === '/__console.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'] });
      return res.end(CONSOLE_SCRIPT);
    }
    const file = await fileAt(path);
    // A folder's page is at its address with a slash; the host redirects to it.
    if (file && !path.endsWith('/') && file.endsWith(`${sep}index.html`) && !path.endsWith('index.html')) {
      res.writeHead(308, { location: `${url.pathname}/${url.search}` });
      return res.end();
    }
    const accepted = req.headers['accept-encoding'] ?? '';
    if (file) return await send(res, 200, file, path, accepted);
    for (const rule of await redirectRules()) {
      if (matches(rule.from, path)) {
        const target = await fileAt(rule.to);
        // The host takes 200, 301, 302, 303, 307 and 308 in `_redirects`, and no other.
        if (target && rule.status === 200) return await send(res, 200, target, path, accepted);
        if ([301, 302, 303, 307, 308].includes(rule.status)) {
          res.writeHead(rule.status, { location: rule.to });
          return res.end();
        }
      }
    }
    const notFound = await fileAt('/404.html');
    if (notFound) return await send(res, 404, notFound, path, accepted);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(error));
  }
});

/** Compresses the reader's files before the first request, as a CDN holds them ready, so a
 * test starting a server of its own never counts the wasm's compression against the app. The
 * content manager's own bundle (megabytes, never a reader's) is compressed when first asked. */
async function compressAhead() {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile() && COMPRESSIBLE.has(extname(entry.name)))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter((file) => !file.startsWith(join(root, 'admin') + sep));
  await Promise.all(
    files.map(async (file) => {
      const body = await readFile(file).catch(() => null);
      if (body) await Promise.all(['br', 'gzip'].map((accepted) => encode(file, withRecorder(file, body), accepted)));
    }),
  );
}

await compressAhead();
server.listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
