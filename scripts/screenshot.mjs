// Takes docs/panel.png, the panel as its webview shows it in the demo page (`npm start` must be running):
//   node scripts/screenshot.mjs [url] [file]
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.js';

const url = process.argv[2] ?? 'http://127.0.0.1:5173/';
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({ viewport: { width: 1000, height: 1000 } });
await page.goto(url);
const panel = page.frameLocator('#webview').locator('cs-telemetry-settings');
await panel.locator('cs-telemetry-status-badge[status="on"], cs-telemetry-status-badge[status="off"]').waitFor();
await page.locator('select[name="account"]').selectOption('ada');
await panel.getByRole('button', { name: 'Account details, when signed in' }).click();
await page.waitForTimeout(800);
// The webview alone, cut below the panel.
const frame = await page.locator('#webview').boundingBox();
const panelBox = await panel.boundingBox();
const height = Math.ceil(panelBox.y + panelBox.height - frame.y) + 16;
await page.screenshot({ path: process.argv[3] ?? 'docs/panel.png', clip: { x: frame.x, y: frame.y, width: frame.width, height } });
await browser.close();
