// What the build's pictures cost and save, written to bench/pictures.md (`make pictures`):
// a phone camera's 4,000 × 3,000 JPEG as the lead picture of a post, and the bytes a
// 390 px phone and a 1,280 px screen download for it, before (served as uploaded) and
// after (the WebP rendition the browser picks); then how long `publish build` takes with
// PICTURES such photos, first with an empty cache and then again (nothing new).
// The photos are made by `crates/publish/examples/camera-photo.rs`; none comes from elsewhere.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const COUNT = Number(process.env.PICTURES || 100);
const ROOT = 'target/bench-pictures';
const CONTENT = join(ROOT, 'content');
const MEDIA = join(ROOT, 'public/images');
const OUT = join(ROOT, 'out');
const CACHE = join(ROOT, 'cache');
const KB = (n) => `${(n / 1024).toFixed(0)} KB`;
// The lead picture's `sizes` (send_site::head::COLUMN_PICTURE_SIZES): 42rem from 44rem up, else the screen.
const shown = (viewport) => (viewport >= 44 * 16 ? 42 * 16 : viewport);

rmSync(ROOT, { recursive: true, force: true });
mkdirSync(MEDIA, { recursive: true });
cpSync('content', CONTENT, { recursive: true });
cpSync('public/images', MEDIA, { recursive: true });
execFileSync('cargo', ['build', '--quiet', '--locked', '-p', 'publish', '--examples', '--bins'], { stdio: 'inherit' });
// One photo, and copies that differ by a JPEG comment: the same work for the build, each
// under its own content hash, so none is taken from another's cache.
execFileSync('target/debug/examples/camera-photo', [join(MEDIA, 'camera-1.jpg'), '4000', '3000', '1']);
const photo = readFileSync(join(MEDIA, 'camera-1.jpg'));
for (let i = 2; i <= COUNT; i++) {
  const note = Buffer.from(`copy ${i}`);
  const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, note.length + 2]), note]);
  writeFileSync(join(MEDIA, `camera-${i}.jpg`), Buffer.concat([photo.subarray(0, 2), comment, photo.subarray(2)]));
}
const original = statSync(join(MEDIA, 'camera-1.jpg')).size;
const post = join(CONTENT, 'posts/first-anniversary.md');
const text = readFileSync(post, 'utf8').replace(/^image = .*\n/m, '');
writeFileSync(post, text.replace('+++\n', '+++\nimage = { src = "/images/camera-1.jpg", alt = "A photo from a camera" }\n'));

/** Runs `publish build` as Trunk's hook runs it (the dev profile), returning its seconds. */
function build() {
  rmSync(OUT, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  execFileSync('target/debug/publish', ['build', '--content', CONTENT, '--out', OUT], {
    env: { ...process.env, PICTURE_CACHE: CACHE },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return Number(process.hrtime.bigint() - started) / 1e9;
}
const first = build();
const again = build();

const meta = JSON.parse(readFileSync(join(OUT, 'content/posts/first-anniversary.json'), 'utf8')).meta.image;
const candidates = meta.renditions.webp.split(', ').map((c) => {
  const [src, w] = c.split(' ');
  return { src, width: Number(w.replace('w', '')), bytes: statSync(join(OUT, src)).size };
});
/** The candidate a browser picks: the narrowest at least as wide as the picture shows. */
const picked = (viewport, dpr) => {
  const needed = shown(viewport) * dpr;
  return candidates.find((c) => c.width >= needed) || candidates[candidates.length - 1];
};
const fallback = statSync(join(OUT, meta.src)).size;
const screens = [
  ['390 px phone, 3x (an iPhone)', 390, 3],
  ['390 px phone, 2x', 390, 2],
  ['1,280 px screen, 1x', 1280, 1],
  ['1,280 px screen, 2x', 1280, 2],
];
const cacheFiles = readdirSync(CACHE).length;
const lines = [
  '# Pictures: what a phone downloads, and what the build costs',
  '',
  `Measured ${new Date().toISOString()} with \`make pictures\` on this machine (2 cores), \`publish build\` in the dev profile as Trunk's hook runs it (the picture crates optimised even there).`,
  '',
  `The photo: 4,000 × 3,000 pixels, JPEG at quality 92 as a phone camera saves it, ${KB(original)} (made by \`crates/publish/examples/camera-photo.rs\`: broad light and shapes with texture and sensor grain, detail at every scale as in a photo; the other ${COUNT - 1} are copies that differ by a JPEG comment, so each is its own work for the build).`,
  '',
  '## What a reader downloads for the lead picture',
  '',
  'Before: the picture was served as uploaded, one file for every screen (a camera\'s photo was refused at 500 KB, so an editor resized it by hand to fit). After: the WebP the browser picks from `srcset` for the `sizes` the view gives.',
  '',
  '| screen | before | after | picked |',
  '| --- | ---: | ---: | --- |',
  ...screens.map(([name, w, dpr]) => {
    const c = picked(w, dpr);
    return `| ${name} | ${KB(original)} | ${KB(c.bytes)} | ${c.width} px WebP |`;
  }),
  `| a browser without WebP | ${KB(original)} | ${KB(fallback)} | the ${meta.src.match(/-(\d+)\./)[1]} px JPEG |`,
  '',
  '## Build time',
  '',
  `| ${COUNT} such photos in the media folder | seconds |`,
  '| --- | ---: |',
  `| first build, empty cache | ${first.toFixed(1)} |`,
  `| rebuild, nothing new (cached) | ${again.toFixed(1)} |`,
  '',
  `The cache holds ${cacheFiles} entries (one folder a photo, named by its content's hash), so a picture is encoded once whatever the number of builds.`,
  '',
];
writeFileSync('bench/pictures.md', lines.join('\n') + readNotes());
console.log(lines.join('\n'));

/** Keeps anything written by hand below the notes marker. */
function readNotes() {
  try {
    const old = readFileSync('bench/pictures.md', 'utf8');
    const at = old.indexOf('<!-- notes -->');
    return at >= 0 ? '\n' + old.slice(at) : '';
  } catch {
    return '';
  }
}
