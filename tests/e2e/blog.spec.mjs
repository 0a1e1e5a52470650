// The blog: index order, filters, search and pages in the URL; posts, every
// block type, hostile content, faults; and axe on each state.
import { test, expect } from '@playwright/test';
import { collectPageErrors, expectNoAxeViolations, mainHeading } from './helpers.mjs';

const SITE = '#SENDInTheSpecialists';
const ANNIVERSARY = '1st anniversary of the #SENDInTheSpecialists coalition';

/** A made-up index of `n` posts, newest first, for paging tests. */
function manyPosts(n) {
  return {
    posts: Array.from({ length: n }, (_, i) => ({
      slug: `sample-post-${i + 1}`,
      title: `Sample post ${i + 1}`,
      date: `2024-01-${String(28 - i).padStart(2, '0')}`,
      category: i % 2 ? 'policy' : 'news',
      tags: [],
      author: 'Test',
      summary: `Summary of sample post ${i + 1}.`,
      reading_minutes: 1,
    })),
  };
}

/** Serves made-up posts as the build publishes lists: each page of every post, and of each category. */
async function publishList(page, posts) {
  const serve = (list, n) => ({ posts: list.slice((n - 1) * 10, n * 10), total: list.length, page: n, pages: Math.max(1, Math.ceil(list.length / 10)) });
  await page.route('**/content/posts/pages/*.json', (route) =>
    route.fulfill({ json: serve(posts, Number(route.request().url().match(/(\d+)\.json$/)[1])) }),
  );
  await page.route('**/content/posts/category/*/*.json', (route) => {
    const [, category, n] = route.request().url().match(/category\/([^/]+)\/(\d+)\.json$/);
    return route.fulfill({ json: serve(posts.filter((p) => p.category === category), Number(n)) });
  });
}

function postTitles(page) {
  return page.getByRole('main').getByRole('listitem').getByRole('heading', { level: 2 });
}

test('the index lists posts newest first with date, category and reading time', async ({ page }) => {
  await page.goto('/blog');
  const titles = postTitles(page);
  await expect(titles).toHaveCount(4);
  await expect(titles.first()).toHaveText(ANNIVERSARY);
  await expect(titles.last()).toHaveText('A new coalition calls for investment in the specialist SEND workforce');
  const first = page.getByRole('article').first();
  await expect(first.locator('time')).toHaveAttribute('datetime', '2023-11-02');
  await expect(first.locator('time')).toHaveText('2 November 2023');
  await expect(first.getByRole('link', { name: 'News' })).toBeVisible();
  await expect(first).toContainText('min read');
  await expectNoAxeViolations(page);
});

test('a list page fetches its own page of posts, and only a search fetches every post', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/blog/category/policy');
  await expect(postTitles(page)).toHaveText(['What we said about the SEND and AP Improvement Plan']);
  await expect(page.locator('#app[data-app="live"]')).toBeAttached();
  expect(fetched).toContain('/content/posts/category/policy/1.json');
  expect(fetched).not.toContain('/content/posts/index.json');
  await page.getByLabel('Search posts').fill('plan');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL('/blog/category/policy?q=plan');
  await expect(postTitles(page)).toHaveText(['What we said about the SEND and AP Improvement Plan']);
  expect(fetched).toContain('/content/posts/index.json');
});

test('a category filter narrows the list and lives in the URL', async ({ page }) => {
  await page.goto('/blog');
  await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Policy' }).click();
  await expect(page).toHaveURL('/blog/category/policy');
  await expect(postTitles(page)).toHaveText(['What we said about the SEND and AP Improvement Plan']);
  const categories = page.getByRole('navigation', { name: 'Categories' });
  await expect(categories.getByRole('link', { name: 'Policy' })).toHaveAttribute('aria-current', 'true');
  await expect(categories.getByRole('link', { name: 'All posts' })).not.toHaveAttribute('aria-current', /.*/);
  await page.reload();
  await expect(postTitles(page)).toHaveCount(1);
});

test('search matches titles, summaries and tags, and survives reload', async ({ page }) => {
  await page.goto('/blog');
  await page.getByLabel('Search posts').fill('parliament');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL('/blog?q=parliament');
  await expect(postTitles(page)).toHaveText([ANNIVERSARY]);
  await page.reload();
  await expect(page.getByLabel('Search posts')).toHaveValue('parliament');
  await expect(postTitles(page)).toHaveText([ANNIVERSARY]);
});

test('a shared search shows no other list as its results while the search loads', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/content/posts/index.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/blog?q=parliament');
  await expect(page.locator('#app[data-app="live"]')).toBeAttached();
  await expect(page.getByRole('status').filter({ hasText: 'Searching for “parliament”…' })).toBeVisible();
  await expect(postTitles(page)).toHaveCount(0);
  release();
  await expect(postTitles(page)).toHaveText([ANNIVERSARY]);
  await expect(page.getByText('1 post matches “parliament”.')).toBeVisible();
});

test('no results says so and offers to clear filters', async ({ page }) => {
  await page.goto('/blog?category=news&q=zebra');
  await expect(page.getByText('No posts match “zebra” in News.')).toBeVisible();
  await expect(postTitles(page)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL('/blog');
  await expect(postTitles(page)).toHaveCount(4);
});

test('pagination shows ten a page with links in the URL', async ({ page }) => {
  await publishList(page, manyPosts(23).posts);
  await page.goto('/blog');
  await expect(postTitles(page)).toHaveCount(10);
  await expect(page.getByText('Page 1 of 3')).toBeVisible();
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL('/blog/page/2');
  await expect(postTitles(page).first()).toHaveText('Sample post 11');
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(postTitles(page)).toHaveCount(3);
  await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);
  // A link from before lists had their own pages goes to that page.
  await page.goto('/blog?category=policy&page=2');
  await expect(page).toHaveURL('/blog/category/policy/page/2');
  await expect(page.getByText('Page 2 of 2')).toBeVisible();
  await expect(postTitles(page)).toHaveCount(1);
});

test('"Back to blog" returns to the list as the reader left it', async ({ page }) => {
  await page.goto('/blog?category=news&q=coalition');
  await page.getByRole('link', { name: ANNIVERSARY }).click();
  await expect(mainHeading(page)).toHaveText(ANNIVERSARY);
  await page.getByRole('link', { name: 'Back to blog' }).click();
  await expect(page).toHaveURL('/blog/category/news?q=coalition');
  await expect(page.getByLabel('Search posts')).toHaveValue('coalition');
});

test('a post shows its title, date, category, author, body, tags, sharing and neighbours', async ({ page }) => {
  await page.goto('/blog/first-anniversary');
  await expect(mainHeading(page)).toHaveText(ANNIVERSARY);
  await expect(page).toHaveTitle(`${ANNIVERSARY} – ${SITE}`);
  await expect(page.locator('meta[name=description]')).toHaveAttribute('content', /One year on/);
  const article = page.getByRole('article');
  await expect(article.getByText('Posted in')).toBeVisible();
  await expect(article.getByRole('link', { name: 'News', exact: true })).toHaveAttribute('href', '/blog/category/news');
  await expect(article).toContainText('Update from RCSLT');
  for (const section of ['Progress', 'The SEND and AP Improvement Plan', 'What more is needed', 'Next steps', 'More information']) {
    await expect(article.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  const share = article.getByRole('link', { name: 'Email' });
  await expect(share).toHaveAttribute('href', /^mailto:\?subject=/);
  await expect(page.getByRole('navigation', { name: 'More posts' }).getByRole('link')).toHaveCount(1);
  await expectNoAxeViolations(page);
  await article.getByRole('link', { name: 'News', exact: true }).click();
  await expect(page).toHaveURL('/blog/category/news');
});

test('a post shows its plain-English "In short" first, and a BSL link when it has one', async ({ page }) => {
  await page.goto('/blog/first-anniversary');
  const inShort = page.getByRole('complementary', { name: 'In short' });
  await expect(inShort).toContainText('more than 130 member organisations');
  await expect(page.getByRole('link', { name: /British Sign Language/ })).toHaveCount(0);
  await page.route('**/content/posts/first-anniversary.json', async (route) => {
    const response = await route.fetch();
    const post = await response.json();
    post.meta.bsl_video = 'https://video.example.org/bsl/first-anniversary';
    await route.fulfill({ response, json: post });
  });
  await page.reload();
  await expect(page.getByRole('link', { name: 'Watch this post in British Sign Language (BSL)' })).toHaveAttribute(
    'href',
    'https://video.example.org/bsl/first-anniversary',
  );
});

const EVERY_BLOCK = {
  meta: {
    slug: 'every-block',
    title: 'Every block type',
    date: '2024-02-01',
    category: 'news',
    tags: ['test'],
    author: 'Test',
    summary: 'Shows every kind of block.',
    reading_minutes: 1,
  },
  body: [
    { type: 'heading', level: 2, content: [{ type: 'text', text: 'A section' }] },
    { type: 'heading', level: 3, content: [{ type: 'text', text: 'A subsection' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Plain, ' },
        { type: 'emphasis', content: [{ type: 'text', text: 'emphasised' }] },
        { type: 'text', text: ', ' },
        { type: 'strong', content: [{ type: 'text', text: 'strong' }] },
        { type: 'text', text: ', ' },
        { type: 'code', text: 'inline code' },
        { type: 'break' },
        { type: 'link', href: 'https://www.rcslt.org/', content: [{ type: 'text', text: 'an outside link' }] },
        { type: 'image', src: '/favicon.svg', alt: 'The site icon' },
      ],
    },
    { type: 'list', ordered: false, items: [[{ type: 'paragraph', content: [{ type: 'text', text: 'bullet' }] }]] },
    { type: 'list', ordered: true, start: 3, items: [[{ type: 'paragraph', content: [{ type: 'text', text: 'third' }] }]] },
    { type: 'quote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A quotation' }] }] },
    { type: 'code', language: 'toml', text: 'key = "value"\n' },
    { type: 'rule' },
  ],
};

test('a post renders every block type', async ({ page }) => {
  await page.route('**/content/posts/every-block.json', (route) => route.fulfill({ json: EVERY_BLOCK }));
  await page.goto('/blog/every-block');
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 2, name: 'A section' })).toBeVisible();
  await expect(article.getByRole('heading', { level: 3, name: 'A subsection' })).toBeVisible();
  await expect(article.locator('em')).toHaveText('emphasised');
  await expect(article.locator('strong')).toHaveText('strong');
  await expect(article.locator('p code')).toHaveText('inline code');
  await expect(article.getByRole('link', { name: 'an outside link' })).toHaveAttribute('href', 'https://www.rcslt.org/');
  await expect(article.getByRole('img', { name: 'The site icon' })).toBeVisible();
  await expect(article.locator('ul li', { hasText: 'bullet' })).toBeVisible();
  await expect(article.locator('ol')).toHaveAttribute('start', '3');
  await expect(article.locator('blockquote')).toHaveText('A quotation');
  await expect(article.locator('pre code')).toHaveText('key = "value"');
  await expect(article.getByRole('separator')).toHaveCount(1);
  await expectNoAxeViolations(page);
});

test('hostile post JSON runs nothing and shows text as text', async ({ page }) => {
  const errors = collectPageErrors(page);
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await page.route('**/content/posts/hostile.json', (route) =>
    route.fulfill({
      json: {
        meta: { ...EVERY_BLOCK.meta, slug: 'hostile', title: '<script>alert("title")</script>' },
        body: [
          { type: 'paragraph', content: [{ type: 'text', text: '<script>alert("x")</script><img src=x onerror=alert(1)>' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'link', href: 'javascript:alert(2)', content: [{ type: 'text', text: 'click me' }] },
              { type: 'link', href: ' JavaScript:alert(3)', content: [{ type: 'text', text: 'or me' }] },
              { type: 'link', href: 'data:text/html,<script>alert(4)</script>', content: [{ type: 'text', text: 'or this' }] },
              { type: 'image', src: 'javascript:alert(5)', alt: 'bad image' },
              { type: 'marquee', content: 'unknown inline' },
            ],
          },
          { type: 'iframe', src: 'https://evil.example' },
          { type: 'heading', level: 1, content: [{ type: 'text', text: 'Not a second h1' }] },
        ],
      },
    }),
  );
  await page.goto('/blog/hostile');
  await expect(mainHeading(page)).toHaveText('<script>alert("title")</script>');
  const article = page.getByRole('article');
  await expect(article.getByText('<script>alert("x")</script><img src=x onerror=alert(1)>')).toBeVisible();
  await expect(article.getByText('click me')).toBeVisible();
  await expect(article.getByRole('link', { name: 'click me' })).toHaveCount(0);
  await expect(article.getByRole('link', { name: 'or me' })).toHaveCount(0);
  await expect(article.getByRole('link', { name: 'or this' })).toHaveCount(0);
  await expect(article.locator('script, iframe, img[onerror]')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(article.getByText('bad image')).toBeVisible();
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test('an unknown slug shows "post not found" with a way back', async ({ page }) => {
  await page.goto('/blog/no-such-post');
  await expect(mainHeading(page)).toHaveText('Post not found');
  await expect(page.getByRole('link', { name: 'See all posts' })).toBeVisible();
  await expectNoAxeViolations(page);
});

const POST_FAULTS = {
  '404': { status: 404, contentType: 'text/plain', body: 'gone', expect: 'not-found' },
  'an HTML page (SPA fallback)': { status: 200, contentType: 'text/html', body: '<!doctype html><p>app</p>', expect: 'not-found' },
  '500': { status: 500, contentType: 'text/plain', body: 'boom', expect: 'The server had a problem' },
  'malformed JSON': { status: 200, contentType: 'application/json', body: '{"meta": ', expect: 'This content could not be read' },
  'JSON of the wrong shape': { status: 200, contentType: 'application/json', body: '{"meta": 3, "body": []}', expect: 'This content could not be read' },
};

for (const [name, fault] of Object.entries(POST_FAULTS)) {
  test(`a post file that is ${name} is handled, and the header still works`, async ({ page }) => {
    const errors = collectPageErrors(page);
    let broken = true;
    await page.route('**/content/posts/first-anniversary.json', (route) =>
      broken ? route.fulfill({ status: fault.status, contentType: fault.contentType, body: fault.body }) : route.continue(),
    );
    await page.goto('/blog/first-anniversary');
    if (fault.expect === 'not-found') {
      await expect(mainHeading(page)).toHaveText('Post not found');
    } else {
      const panel = page.getByRole('alert');
      await expect(panel.getByRole('heading', { name: fault.expect })).toBeVisible();
      await expectNoAxeViolations(page);
      broken = false;
      await panel.getByRole('button', { name: 'Try again' }).click();
      await expect(mainHeading(page)).toHaveText(ANNIVERSARY);
    }
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
    await expect(mainHeading(page)).toHaveText('Timeline');
    expect(errors).toEqual([]);
  });
}

test('a failing list shows the error panel with Retry', async ({ page }) => {
  let broken = true;
  await page.route('**/content/posts/pages/1.json', (route) =>
    broken ? route.fulfill({ status: 503, body: 'busy' }) : route.continue(),
  );
  await page.goto('/blog');
  await expect(page.getByRole('alert').getByRole('heading', { name: 'The server had a problem' })).toBeVisible();
  await expectNoAxeViolations(page);
  broken = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(postTitles(page)).toHaveCount(4);
});

test('loading shows a skeleton the size of the list, then the list', async ({ page }) => {
  await page.goto('/timeline');
  await expect(mainHeading(page)).toHaveText('Timeline');
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/content/posts/pages/1.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Blog' }).click();
  await expect(page.locator('.skeleton-list')).toBeVisible();
  release();
  await expect(postTitles(page)).toHaveCount(4);
  await expect(page.locator('.skeleton-list')).toHaveCount(0);
});

test('a post prints without navigation and shows outside link targets', async ({ page }) => {
  await page.route('**/content/posts/every-block.json', (route) => route.fulfill({ json: EVERY_BLOCK }));
  await page.goto('/blog/every-block');
  await expect(mainHeading(page)).toHaveText('Every block type');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Back to blog' })).toBeHidden();
  const after = await page
    .getByRole('article')
    .getByRole('link', { name: 'an outside link' })
    .evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain('https://www.rcslt.org/');
});
