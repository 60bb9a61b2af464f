// Design QA's baselines: after a story tagged `visual` has rendered, played and passed axe, its root element is
// checked for colour contrast with axe and screenshotted in each VS Code theme, and compared with
// stories/__screenshots__/<story id>/<theme>.png. (The a11y addon checks one theme only, the story's own.)
// A story also tagged `visual-dark-modern-only` (the German ones) is captured in Dark Modern only.
import axe from 'axe-core';
import { afterEach, expect } from 'vitest';
import { page } from 'vitest/browser';
import { applyVsCodeTheme, vscodeThemeIds } from '../dev/themes/vscode-themes.js';

interface StoryContext {
  story?: { id: string; tags: string[]; globals: Record<string, unknown> };
}

afterEach(async (context) => {
  const { story } = context as unknown as StoryContext;
  if (!story?.tags.includes('visual') || context.task.result?.state === 'fail') return;
  const root = document.querySelector('#storybook-root > *, [data-story-root] > *') ?? storyRoot();
  await document.fonts.ready;
  try {
    const themes = story.tags.includes('visual-dark-modern-only') ? (['dark-modern'] as const) : vscodeThemeIds;
    for (const theme of themes) {
      applyVsCodeTheme(theme);
      const { violations } = await axe.run(root, { runOnly: ['color-contrast', 'non-text-contrast'].filter((id) => axe.getRules().some((rule) => rule.ruleId === id)) });
      expect.soft(violations.flatMap((v) => v.nodes.map((node) => `${theme}: ${node.failureSummary} (${node.target.join(' ')})`))).toEqual([]);
      await expect.soft(page.elementLocator(root)).toMatchScreenshot(`${story.id}/${theme}`);
    }
  } finally {
    applyVsCodeTheme((story.globals.theme as (typeof vscodeThemeIds)[number] | undefined) ?? 'dark-modern');
  }
});

function storyRoot(): Element {
  const element = [...document.body.querySelectorAll('*')].find((el) => el.localName.startsWith('cs-'));
  if (!element) throw new Error('No element of this package on the page to screenshot');
  return element;
}
