// Keeps the docs' commands and the Makefile in agreement: every `make X` written as code
// (in backticks, or a fenced block of commands) in README.md, CONTRIBUTING.md and docs/
// must name a target the Makefile has. A failure names the file, the line and the target.
// Run by `make lint`; `node scripts/readme-commands.mjs [FILE.md …]` checks other files.
// No dependencies: Node's own modules only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The Makefile's targets: every `name:` at the start of a line, and every .PHONY name. */
export function makeTargets(makefile) {
  const targets = new Set();
  for (const line of makefile.split('\n')) {
    // `a b: deps` declares a and b; `NAME := value` and `NAME ?= value` are variables.
    const rule = line.match(/^([A-Za-z0-9_.\-/ ]+?)\s*:(?![:=])/);
    if (!rule) continue;
    for (const name of rule[1].split(/\s+/).filter(Boolean)) {
      if (name === '.PHONY') continue;
      targets.add(name);
    }
    if (rule[1].trim() === '.PHONY') {
      for (const name of line.slice(line.indexOf(':') + 1).split(/\s+/).filter(Boolean)) targets.add(name);
    }
  }
  return targets;
}

/** Fenced blocks that hold commands: no language named, or a shell's. */
const SHELL_FENCES = new Set(['', 'sh', 'bash', 'shell', 'console', 'make', 'makefile']);

/** The code in a Markdown text, line by line: command blocks whole, other lines' `spans`. */
function codeByLine(text) {
  const lines = text.split('\n');
  const code = [];
  let fence = null;
  let commands = false;
  lines.forEach((line, i) => {
    const opening = line.match(/^\s*(`{3,}|~{3,})\s*([\w-]*)/);
    if (fence) {
      if (opening && opening[1][0] === fence[0] && opening[1].length >= fence.length && !opening[2]) fence = null;
      else if (commands) code.push({ line: i + 1, text: line });
      return;
    }
    if (opening) {
      fence = opening[1];
      commands = SHELL_FENCES.has(opening[2].toLowerCase());
      return;
    }
    for (const span of line.matchAll(/(`+)(.+?)\1/g)) code.push({ line: i + 1, text: span[2] });
  });
  return code;
}

/** Every `make X` in a Markdown text: `{ line, target }`, X the first word not an option or VAR=value. */
export function makeCommands(text) {
  const found = [];
  for (const { line, text: code } of codeByLine(text)) {
    for (const m of code.matchAll(/(?:^|[\s;&|(])make((?:\s+[^\s;&|)#]+)*)/g)) {
      const target = m[1]
        .trim()
        .split(/\s+/)
        .map((word) => word.replace(/[.,:;!?'"]+$/, ''))
        .find((word) => word && !word.startsWith('-') && !word.includes('='));
      if (target) found.push({ line, target });
    }
  }
  return found;
}

/** README.md, CONTRIBUTING.md and every Markdown file under docs/. */
function defaultFiles() {
  const files = ['README.md', 'CONTRIBUTING.md'].map((f) => join(root, f)).filter((f) => existsSync(f));
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) files.push(path);
    }
  };
  if (existsSync(join(root, 'docs'))) walk(join(root, 'docs'));
  return files;
}

function main() {
  const targets = makeTargets(readFileSync(join(root, 'Makefile'), 'utf8'));
  const args = process.argv.slice(2);
  const files = args.length ? args.map((f) => resolve(f)) : defaultFiles();
  const problems = [];
  let checked = 0;
  for (const file of files) {
    const name = relative(process.cwd(), file) || file;
    const commands = makeCommands(readFileSync(file, 'utf8'));
    checked += commands.length;
    for (const { line, target } of commands) {
      if (!targets.has(target)) problems.push(`${name}:${line}: \`make ${target}\` is not a target in the Makefile`);
    }
    // The front door must keep naming its commands: none found means this check has gone blind.
    if (!args.length && file === join(root, 'README.md') && commands.length === 0) {
      problems.push(`${name}: no \`make\` command found; the README's commands are what this check keeps true`);
    }
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    console.error(`\nThe Makefile's targets: ${[...targets].sort().join(', ')}.`);
    console.error('Write the command as the Makefile has it, or add the target.');
    process.exit(1);
  }
  console.log(`readme-commands: ${checked} \`make\` commands in ${files.length} files, each a Makefile target`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
