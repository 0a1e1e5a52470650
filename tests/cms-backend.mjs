// The CMS's local backend for the browser tests: a fresh copy of the suite's own
// content (tests/fixtures/content, so tests may assert its words) and pictures in
// target/cms-repo, served by decap-server (the CMS's own proxy for editing files on
// this machine), so a test edits the copy, never the repository's content.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const CMS_REPO = resolve('target/cms-repo');
export const CMS_PORT = 8081;

if (import.meta.url === `file://${process.argv[1]}`) {
  rmSync(CMS_REPO, { recursive: true, force: true });
  mkdirSync(CMS_REPO, { recursive: true });
  cpSync('tests/fixtures/content', `${CMS_REPO}/content`, { recursive: true });
  cpSync('tests/fixtures/public/images', `${CMS_REPO}/public/images`, { recursive: true });
  const server = spawn('node_modules/.bin/decap-server', [], {
    env: { ...process.env, GIT_REPO_DIRECTORY: CMS_REPO, MODE: 'fs', PORT: String(CMS_PORT) },
    stdio: 'inherit',
  });
  const stop = () => server.kill();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}
