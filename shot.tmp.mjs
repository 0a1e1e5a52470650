import { chromium } from '@playwright/test';
const [,, url, out, width='1200'] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking','--disable-component-update','--no-first-run','--disable-sync'] });
const p = await b.newPage({ viewport: { width: Number(width), height: 900 } });
await p.goto(url); await p.waitForTimeout(1200);
await p.screenshot({ path: out, fullPage: true }); await b.close();
