// Takes docs/screenshot.png of the demo page (`npm start` must be running): node scripts/screenshot.mjs [url]
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.js';

const url = process.argv[2] ?? 'http://127.0.0.1:5173/';
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
await page.goto(url);
const panel = page.frameLocator('#webview').locator('cs-telemetry-settings');
await panel.locator('cs-telemetry-status-badge[status="on"], cs-telemetry-status-badge[status="off"]').waitFor();
await page.locator('input[name="signedIn"]').check();
await panel.getByRole('button', { name: 'Account details, when signed in' }).click();
await page.waitForTimeout(800);
await page.screenshot({ path: process.argv[3] ?? 'docs/screenshot.png' });
await browser.close();
