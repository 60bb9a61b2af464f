// `npm run test:stories`: every story rendered, played and checked with axe in headless Chromium, and the panel's
// states compared with their committed screenshots in each VS Code theme (.storybook/visual-baselines.ts).
import { join } from 'node:path';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { optimizedDeps } from './.storybook/optimized-deps.ts';
import { chromiumLaunchOptions } from './scripts/chromium.js';

const root = import.meta.dirname;
// Baselines live in the repository; a failed comparison leaves <name>-actual.png and <name>-diff.png beside them.
const screenshotPath = ({ arg, ext }: { arg: string; ext: string }) => join(root, 'stories/__screenshots__', `${arg}${ext}`);

export default defineConfig({
  plugins: [storybookTest({ configDir: join(root, '.storybook'), storybookScript: 'npm run storybook -- --ci' })],
  optimizeDeps: { include: optimizedDeps },
  test: {
    name: 'storybook',
    globalSetup: ['.storybook/clear-visual-diffs.ts'],
    setupFiles: ['.storybook/visual-baselines.ts'],
    // Loopback only, and allowed to write: the screenshot matcher writes baselines and diffs (Storybook's plugin
    // turns writing off unless it is asked for).
    api: { host: '127.0.0.1', allowWrite: true },
    browser: {
      api: { host: '127.0.0.1', allowWrite: true },
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: chromiumLaunchOptions,
        // The spinner and the switch's slide stop, as they do for users who ask for less motion. The window holds a
        // story's 1200 × 900 viewport unscaled, so screenshots are at 1:1.
        contextOptions: { reducedMotion: 'reduce', viewport: { width: 1400, height: 1100 } },
      }),
      instances: [{ browser: 'chromium' }],
      expect: {
        toMatchScreenshot: {
          // Same machine kind, same Chromium, bundled font: renders match exactly, so allow only a few stray pixels.
          comparatorName: 'pixelmatch',
          comparatorOptions: { threshold: 0.1, allowedMismatchedPixels: 16 },
          resolveScreenshotPath: screenshotPath,
          resolveDiffPath: screenshotPath,
        },
      },
    },
  },
});
