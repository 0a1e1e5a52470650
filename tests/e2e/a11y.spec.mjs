// WCAG 2.2 AA as far as a browser can prove it: axe in every theme and at
// 320 px, reflow, text spacing, target size, focus visibility, headings, and
// reading preferences applied before first paint.
import { test, expect } from '@playwright/test';
import { EDITORS_SITES } from '../sites.mjs';
import { appIsLive, builtPaths, expectNoAxeViolations } from './helpers.mjs';

/** Every page the editors' content builds into, as shipped and as edited (from their
 * sitemaps, so a new route or post is checked too), and a 404 on each. */
const ROUTES = EDITORS_SITES.flatMap(([, site]) =>
  builtPaths(site.dist).map((path) => `http://127.0.0.1:${site.port}${path}`),
);
// Each test visits every route of both sites in turn.
test.describe.configure({ timeout: 300_000 });
const THEMES = {
  light: { theme: 'light' },
  dark: { theme: 'dark' },
  'high contrast': { contrast: 'high' },
};

async function withPreferences(page, prefs) {
  await page.addInitScript((saved) => localStorage.setItem('reading-preferences', JSON.stringify(saved)), prefs);
}

async function openApp(page, path) {
  await page.goto(path);
  await appIsLive(page);
  await expect(page.locator('.skeleton, .skeleton-line, .skeleton-list')).toHaveCount(0);
}

for (const [name, prefs] of Object.entries(THEMES)) {
  test(`axe finds nothing on any route in the ${name} theme`, async ({ page }) => {
    await withPreferences(page, prefs);
    for (const path of ROUTES) {
      await openApp(page, path);
      await expectNoAxeViolations(page);
    }
  });
}

test('the join form in error passes axe in every theme', async ({ page }) => {
  for (const prefs of Object.values(THEMES)) {
    await page.evaluate((saved) => localStorage.setItem('reading-preferences', JSON.stringify(saved)), prefs).catch(() => {});
    await withPreferences(page, prefs);
    await openApp(page, '/join');
    await page.getByRole('button', { name: 'Send request to join' }).click();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test.describe('at 320 CSS pixels wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('every route reflows with no sideways scroll and passes axe', async ({ page }) => {
    for (const path of ROUTES) {
      await openApp(page, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
    }
  });

  test('the largest text size still reflows', async ({ page }) => {
    await withPreferences(page, { size: 'largest', spacing: 'wide' });
    for (const path of ['/', '/join', '/timeline']) {
      await openApp(page, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
});

test.describe('with injected text spacing', () => {
  // The test injects a stylesheet, which the site's own policy rightly forbids.
  test.use({ bypassCSP: true });

test('WCAG 1.4.12 text spacing clips no text', async ({ page }) => {
  for (const path of ROUTES) {
    await openApp(page, path);
    await page.addStyleTag({
      content:
        '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
    });
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('p, h1, h2, h3, h4, li, a, button, label, summary, legend, dt, dd, td, th')]
        .filter((el) => el.offsetParent !== null)
        .filter((el) => {
          const style = getComputedStyle(el);
          const clips = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
          return clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
        })
        .map((el) => `${el.tagName}: ${el.textContent.trim().slice(0, 40)}`),
    );
    expect(clipped, path).toEqual([]);
  }
});
});

test('every control is at least 24 by 24 pixels (inline links in sentences excepted)', async ({ page }) => {
  for (const path of ['/', '/blog', '/timeline', '/members', '/join', '/blog/first-anniversary']) {
    await openApp(page, path);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
        .filter((el) => !el.closest('.hp') && !el.closest('.visually-hidden'))
        .filter((el) => {
          // WCAG 2.5.8 exception: a link inside a sentence of text.
          const inline = el.tagName === 'A' && getComputedStyle(el).display === 'inline';
          return !(inline && el.parentElement && /^(P|LI|DD|SPAN|TD|STRONG|EM|TIME)$/.test(el.parentElement.tagName) && el.parentElement.textContent.trim() !== el.textContent.trim());
        })
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return box.width < 24 || box.height < 24;
        })
        .map((el) => `${el.tagName} "${(el.textContent || el.id).trim().slice(0, 30)}"`),
    );
    expect(small, path).toEqual([]);
  }
});

test('tabbing through a page never leaves focus hidden', async ({ page }) => {
  for (const path of ['/', '/join', '/timeline']) {
    await openApp(page, path);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const hidden = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        el.scrollIntoView({ block: 'nearest' });
        const box = el.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        // Visible when what is on top there is the element, inside it, or something it sits within.
        const visible = top && (top === el || el.contains(top) || top.contains(el) || top.closest('label')?.htmlFor === el.id);
        return visible ? null : `${el.tagName}#${el.id} "${el.textContent.trim().slice(0, 30)}" under ${top?.tagName}.${top?.className}`;
      });
      expect(hidden, path).toBeNull();
    }
  }
});

test('every page has one h1 and no skipped heading levels', async ({ page }) => {
  for (const path of ROUTES) {
    await openApp(page, path);
    const levels = await page.evaluate(() =>
      [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
        .filter((h) => h.getClientRects().length > 0)
        .map((h) => Number(h.tagName[1])),
    );
    expect(levels.filter((l) => l === 1), path).toHaveLength(1);
    expect(levels[0], path).toBe(1);
    for (let i = 1; i < levels.length; i++) {
      expect(levels[i] - levels[i - 1], `${path}: h${levels[i - 1]} then h${levels[i]}`).toBeLessThanOrEqual(1);
    }
  }
});

test('preferences apply at once, survive a reload, and are set before first paint', async ({ page }) => {
  await openApp(page, '/blog');
  await page.getByText('Reading preferences').click();
  await page.getByRole('radio', { name: 'Largest' }).check();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.getByRole('radio', { name: 'Wide' }).check();
  await page.getByRole('radio', { name: 'Alternative font' }).check();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-size', 'largest');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(size).toBeGreaterThan(25);
  await page.addInitScript(() => {
    window.__late = [];
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.attributeName?.startsWith('data-') && performance.getEntriesByType('paint').length > 0) window.__late.push(r.attributeName);
      }
    }).observe(document.documentElement, { attributes: true });
  });
  await page.reload();
  await expect(html).toHaveAttribute('data-size', 'largest');
  await expect(html).toHaveAttribute('data-spacing', 'wide');
  await expect(html).toHaveAttribute('data-font', 'alternative');
  await appIsLive(page);
  expect(await page.evaluate(() => window.__late)).toEqual([]);
  await page.getByText('Reading preferences').click();
  await expect(page.getByRole('radio', { name: 'Largest' })).toBeChecked();
  await page.getByRole('button', { name: 'Reset to standard' }).click();
  await expect(html).not.toHaveAttribute('data-size', /.*/);
});

test('reduced motion turns animations off, from the device or the preference', async ({ page }) => {
  const skeletonAnimation = async () => {
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route('**/content/posts/pages/1.json', async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Blog' }).click();
    const name = await page.locator('.skeleton-line').first().evaluate((el) => getComputedStyle(el).animationName);
    release();
    await expect(page.locator('.skeleton-line')).toHaveCount(0);
    await page.unroute('**/content/posts/pages/1.json');
    return name;
  };
  await openApp(page, '/timeline');
  expect(await skeletonAnimation()).toBe('pulse');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page, '/timeline');
  expect(await skeletonAnimation()).toBe('none');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await withPreferences(page, { motion: 'reduce' });
  await openApp(page, '/timeline');
  expect(await skeletonAnimation()).toBe('none');
});
