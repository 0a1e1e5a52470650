// What the wasm is made of: twiggy's sizes of the release build's functions,
// grouped by the crate they come from, written to bench/wasm-makeup.md.
// Reads wasm-bindgen's output before wasm-opt, which still has names.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

// `node bench/makeup.mjs other_bg.wasm` prints the tables for another build instead.
const LINKED = 'target/wasm32-unknown-unknown/release/send-site.wasm';
const OTHER = process.argv[2];
const WASM = OTHER || 'target/makeup/send-site_bg.wasm';
const OUT = 'bench/wasm-makeup.md';
const TOP = Number(process.env.TOP || 15);

/** Parses twiggy's CSV, whose names may hold quoted commas. */
function rows(csv) {
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const m = line.match(/^"((?:[^"]|"")*)",(\d+),/) || line.match(/^([^,]*),(\d+),/);
      return m ? { name: m[1].replaceAll('""', '"'), size: Number(m[2]) } : null;
    })
    .filter((r) => r && !r.name.includes('function names') && !r.name.startsWith('custom section'));
}

const PATH = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/;
const PRIMITIVES = /^(str|char|\[T\]|u8|u16|u32|u64|usize|i32|i64|isize|f32|f64|bool)\b/;

/** The crate whose code an item is: its path's first segment; for `<Type as Trait>`, the type's crate, else the trait's. */
function crateOf(name) {
  if (name.startsWith('data segment')) return 'data (strings and tables)';
  if (!name.startsWith('<')) return (name.match(PATH) || [, 'other'])[1];
  const inner = name.slice(1).replace(/^&(?:mut )?/, '');
  const [self, trait] = inner.split(' as ');
  const own = self.match(PATH);
  if (own) return own[1];
  if (PRIMITIVES.test(self)) return 'core';
  const viaTrait = trait && trait.match(PATH);
  return viaTrait ? viaTrait[1] : 'other';
}

if (!OTHER) execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', 'target/makeup', LINKED]);
const csv = execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'csv', WASM], { maxBuffer: 1 << 28 }).toString();
const items = rows(csv);
const total = items.reduce((sum, r) => sum + r.size, 0);
const byCrate = new Map();
for (const { name, size } of items) byCrate.set(crateOf(name), (byCrate.get(crateOf(name)) || 0) + size);
const kb = (n) => (n / 1024).toFixed(1);
const pct = (n) => ((100 * n) / total).toFixed(1);
const lines = [
  '# What the wasm is made of',
  '',
  `Measured ${new Date().toISOString()} with \`make makeup\`: twiggy on \`${WASM}\` (after wasm-bindgen, before wasm-opt, so sizes are a little larger than the shipped file; the shares are what matter). ${items.length} items, ${kb(total)} KB of code and data.`,
  '',
  '## By crate',
  '',
  '| crate | KB | share |',
  '| --- | ---: | ---: |',
  ...[...byCrate.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([c, s]) => `| ${c} | ${kb(s)} | ${pct(s)}% |`),
  '',
  '## Largest single items',
  '',
  '| item | KB |',
  '| --- | ---: |',
  ...items
    .sort((a, b) => b.size - a.size)
    .slice(0, TOP)
    .map((r) => `| \`${r.name.replace(/::h[0-9a-f]{16}$/, '').replace(/\|/g, '\\|').slice(0, 110)}\` | ${kb(r.size)} |`),
  '',
];
if (OTHER) {
  console.log(lines.join('\n'));
  process.exit(0);
}
const notes = readFileSync(OUT, 'utf8').split('<!-- notes -->')[1];
writeFileSync(OUT, lines.join('\n') + (notes !== undefined ? `\n<!-- notes -->${notes}` : ''));
console.log(`wrote ${OUT}`);
