// Fails when the modules of a crate import each other in a circle (`a` uses `b` and
// `b`, directly or through others, uses `a`), and when crates do. Modules are the top
// level of each crate's `src/` (`source/post.rs` is part of `source`); test modules,
// which sit at the end of their file, are left out. Run by `make lint`.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const crates = [
  ['send-site', 'src'],
  ...readdirSync(join(root, 'crates')).map((name) => [name, join('crates', name, 'src')]),
];

/** Every `.rs` file under `dir`. */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.rs') ? [path] : [];
  });
}

/** The code of a file without its comments and its test module. */
function code(path) {
  const text = readFileSync(path, 'utf8').replace(/\/\/.*$/gm, '');
  const tests = text.search(/^#\[cfg\((all\()?test/m);
  return tests < 0 ? text : text.slice(0, tests);
}

/** The circles in `graph` (a Map of node to the Set of nodes it uses), each as a path. */
function circles(graph) {
  const found = [];
  const state = new Map();
  const stack = [];
  const visit = (node) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

const problems = [];
const crateGraph = new Map();
const names = new Set(crates.map(([name]) => name.replaceAll('-', '_')));
for (const [name, dir] of crates) {
  const graph = new Map();
  const crate = name.replaceAll('-', '_');
  crateGraph.set(crate, new Set());
  for (const path of files(join(root, dir))) {
    const [first] = relative(join(root, dir), path).split(sep);
    const module = first.replace(/\.rs$/, '');
    if (module === 'lib' || module === 'main') continue;
    const uses = graph.get(module) ?? new Set();
    const text = code(path);
    for (const [, other] of text.matchAll(/\bcrate::(\w+)/g)) if (other !== module) uses.add(other);
    for (const [, other] of text.matchAll(/\b(\w+)::/g)) {
      if (names.has(other) && other !== crate) crateGraph.get(crate).add(other);
    }
    graph.set(module, uses);
  }
  for (const node of graph.keys()) graph.set(node, new Set([...graph.get(node)].filter((m) => graph.has(m))));
  for (const circle of circles(graph)) problems.push(`${name}: ${circle.join(' → ')}`);
}
for (const circle of circles(crateGraph)) problems.push(`crates: ${circle.join(' → ')}`);

if (problems.length) {
  console.error(`import circles (move the shared piece to a module both may use):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`no import circles among the modules of ${crates.length} crates, nor among the crates`);
