// Takes a full-page screenshot of a URL in the system Chromium, for looking at
// what a reader sees: node scripts/screenshot.mjs URL OUT.png [WIDTH]
import { chromium } from '@playwright/test';

const [, , url, out, width = '1200'] = process.argv;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(url);
await page.waitForLoadState('networkidle');
await page.screenshot({ path: out, fullPage: true });
await browser.close();
