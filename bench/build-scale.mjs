// What the build costs as the content grows: the shipped content's size (posts, members,
// milestones, words in its longest post) at 1×, 10× and 100×, made from the suite's own
// content by tests/fixtures/site.mjs (the posts) and grown here (members, milestones, one
// long post), then `publish build` and `publish finish` timed on each. Writes a table to
// bench/build-scale.md under a heading of its own (BENCH_LABEL), keeping the others, so a
// run before a change and one after sit side by side. Run with `make build-scale`.
//
// `finish` fills Trunk's page; without a Trunk build here it fills the same stand-in
// page the build's own tests use (crates/publish/tests/common/mod.rs), so what it times
// is the rendering, the cards and the pictures, not Trunk. Settings:
//   PUBLISH=path      the publish binary (default: built here, `cargo build -p publish`)
//   BENCH_SCALES=1,10 the multiples (default 1,10,100)
//   BENCH_MEMBERS=n   members at every scale instead of the multiple (issue 36: 10,000)
//   BENCH_LABEL=text  the heading of this run's table (default: the commit)
//   PUBLISH_BEFORE=path  another publish (an older commit's) timed in turn with the first,
//                     run for run, so a busy machine weighs on both alike; its table is
//                     headed BENCH_BEFORE_LABEL (default "before")
//   BENCH_RUNS=n      runs of each stage, the fastest kept (default 3): the machine is shared
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const scales = (process.env.BENCH_SCALES ?? '1,10,100').split(',').map(Number);
const commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
const label = process.env.BENCH_LABEL ?? `at ${commit}`;
const target = process.env.CARGO_TARGET_DIR ?? 'target';
let publish = process.env.PUBLISH;
if (!publish) {
  execSync('cargo build -q -p publish', { stdio: 'inherit' });
  publish = join(target, 'debug', 'publish');
}
const binaries = [
  ...(process.env.PUBLISH_BEFORE
    ? [{ label: process.env.BENCH_BEFORE_LABEL ?? 'before', path: process.env.PUBLISH_BEFORE }]
    : []),
  { label, path: publish },
];

/** What the editors' content/ holds: the sizes the multiples are of. */
function shipped() {
  const count = (file, table) =>
    (readFileSync(`content/${file}`, 'utf8').match(new RegExp(`^\\[\\[${table}\\]\\]`, 'gm')) ?? []).length;
  const posts = readdirSync('content/posts').filter((f) => f.endsWith('.md'));
  const words = Math.max(
    ...posts.map((f) => readFileSync(`content/posts/${f}`, 'utf8').split(/\s+/).filter(Boolean).length),
  );
  return {
    posts: posts.length,
    members: count('members.toml', 'members'),
    milestones: count('timeline.toml', 'milestones'),
    words,
  };
}

/** The suite's content grown to `size`, in `dir`/content, with its media folder beside it. */
function grow(dir, size) {
  const content = join(dir, 'content');
  execFileSync('node', ['tests/fixtures/site.mjs', content, String(size.posts)], { stdio: 'ignore' });
  const members = join(content, 'members.toml');
  const have = (readFileSync(members, 'utf8').match(/^\[\[members\]\]/gm) ?? []).length;
  let more = '';
  // Past 5,000, the fewest words a member takes, or the file passes the 1 MB a source may be.
  const short = size.members > 5000;
  for (let i = 1; i <= size.members - have; i++) {
    more += short
      ? `[[members]]\nname="M${i}"\ntype="other"\n`
      : `\n[[members]]\nname = "Grown member organisation ${i}"\ntype = "charity"\nnations = ["england"]\nwebsite = "https://member-${i}.example.org"\njoined = "2023"\n`;
  }
  writeFileSync(members, readFileSync(members, 'utf8') + more);
  const timeline = join(content, 'timeline.toml');
  const had = (readFileSync(timeline, 'utf8').match(/^\[\[milestones\]\]/gm) ?? []).length;
  more = '';
  for (let i = 1; i <= size.milestones - had; i++) {
    const day = `${2000 + (i % 24)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    more += `\n[[milestones]]\nid = "grown-milestone-${i}"\ndate = "${day}"\ntitle = "Grown milestone ${i}"\ndescription = """\nA made-up step, written by bench/build-scale.mjs, with [a link](https://example.org/${i}).\n"""\nkind = "coalition"\nstatus = "achieved"\n`;
  }
  writeFileSync(timeline, readFileSync(timeline, 'utf8') + more);
  // One post as long as the multiple asks: paragraphs of ten words under headings.
  const sentence = 'The specialist workforce needs a plan that lasts for years. ';
  const paragraphs = [];
  for (let n = 0; n < size.words; n += 100) {
    paragraphs.push(n % 1000 === 0 ? `## Part ${n / 1000 + 1}\n\n${sentence.repeat(10)}` : sentence.repeat(10));
  }
  writeFileSync(
    join(content, 'posts', 'a-long-read.md'),
    `+++\ntitle = "A long read"\ndate = "2024-01-02"\ncategory = "news"\nauthor = "Bench"\nsummary = "A long post written by bench/build-scale.mjs."\n+++\n\n${paragraphs.join('\n\n')}\n`,
  );
  return content;
}

/** Runs publish with `args`, returning the wall-clock time and what publish said it took. */
function timed(publish, args, env) {
  const started = process.hrtime.bigint();
  let said = '';
  try {
    said = execFileSync(publish, args, { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`publish ${args.join(' ')} failed:\n${e.stderr ?? e}`);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const own = said.match(/ in (\d+) ms/);
  return { ms: Math.round(ms), own: own ? Number(own[1]) : null };
}

// The page `finish` fills, as the build's own tests give it (Trunk's, with its script).
const common = readFileSync('crates/publish/tests/common/mod.rs', 'utf8');
const template = JSON.parse(common.match(/pub const TEMPLATE: &str = ("(?:[^"\\]|\\.)*");/)[1]);

const base = shipped();
const rows = new Map(binaries.map((b) => [b.label, []]));
for (const scale of scales) {
  const size = {
    posts: base.posts * scale,
    members: Number(process.env.BENCH_MEMBERS ?? base.members * scale),
    milestones: base.milestones * scale,
    words: base.words * scale,
  };
  const dir = join(target, 'build-scale', String(scale));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const content = grow(dir, size);
  // The posts as built: the multiple, and the one long read beside them.
  const posts = readdirSync(join(content, 'posts')).filter((f) => f.endsWith('.md')).length;
  const fastest = (a, b) => (a && a.ms <= b.ms ? a : b);
  const best = new Map();
  for (let run = 0; run < runs; run++) {
    for (const [n, binary] of binaries.entries()) {
      const out = join(dir, `dist-${n}`);
      // A cold cache each time: every picture and card made, as on a fresh machine.
      const env = { PICTURE_CACHE: join(dir, `cache-${n}-${run}`), BUILD_DATE: '2026-01-01' };
      rmSync(out, { recursive: true, force: true });
      const build = timed(binary.path, ['build', '--content', content, '--out', out], env);
      writeFileSync(join(out, 'index.html'), template);
      const finish = timed(binary.path, ['finish', '--out', out], env);
      const pages = execSync(`find ${out} -name index.html | wc -l`, { encoding: 'utf8' }).trim();
      const was = best.get(binary.label) ?? {};
      best.set(binary.label, { build: fastest(was.build, build), finish: fastest(was.finish, finish), pages });
      console.log(`${binary.label}, ${scale}×, run ${run + 1}: build ${build.ms} ms, finish ${finish.ms} ms`);
    }
  }
  for (const binary of binaries) rows.get(binary.label).push({ scale, ...size, posts, ...best.get(binary.label) });
}

const tables = binaries.map(({ label: heading }) =>
  [
    `## ${heading}`,
    '',
    `Measured ${new Date().toISOString().slice(0, 16)}Z on this machine (2 cores, shared) with the dev-profile \`publish\` (as Trunk runs it), a cold picture cache; wall-clock ms, the fastest of ${runs} runs${binaries.length > 1 ? ', taken in turn with the other table\'s' : ''}, with what publish itself reported in brackets.`,
    '',
    '| scale | posts | members | milestones | words in the longest post | publish build ms | publish finish ms | pages |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.get(heading).map(
      (r) =>
        `| ${r.scale}× | ${r.posts} | ${r.members} | ${r.milestones} | ${r.words} | ${r.build.ms} (${r.build.own}) | ${r.finish.ms} (${r.finish.own}) | ${r.pages} |`,
    ),
    '',
  ].join('\n'),
);

const file = 'bench/build-scale.md';
const intro = `# What the build costs as the content grows

Written by \`make build-scale\` (bench/build-scale.mjs): the shipped content's size
(${base.posts} posts, ${base.members} members, ${base.milestones} milestones, ${base.words} words in its longest post) at each multiple,
grown from the suite's own content, then \`publish build\` and \`publish finish\`. \`finish\`
fills the stand-in page the build's tests use instead of a Trunk build, so it times the
rendering, the share cards and the pictures, not Trunk or the wasm. Each run adds or
replaces the table under its own heading. The machine is shared and its load swings (the
1× rows here ran while others' browser tests did): compare the two tables of one run,
taken in turn, never rows taken at different times.
`;
let sections = existsSync(file) ? readFileSync(file, 'utf8').split(/^(?=## )/m).slice(1) : [];
sections = sections.filter((s) => !binaries.some((b) => s.startsWith(`## ${b.label}\n`)));
sections.push(...tables.map((t) => `${t}\n`));
writeFileSync(file, [intro, ...sections.map((s) => s.trimEnd() + '\n')].join('\n'));
console.log(tables.join('\n'));
