import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import meta, * as stories from '../stories/telemetry-settings.stories.js';

// Until Storybook runs them (its own issue), every story at least renders with its args and settles.
type AnyStory = { args?: Record<string, unknown>; render: (args: Record<string, unknown>) => TemplateResult };

describe('stories', () => {
  for (const [name, story] of Object.entries(stories).filter(([key]) => key !== 'default') as [string, AnyStory][]) {
    it(`${name} renders`, async () => {
      const el = await fixture(story.render({ ...meta.args, ...story.args }));
      expect(el.localName).to.match(/^cs-/);
      if (el.localName !== 'cs-telemetry-settings') return;
      const badge = () => el.shadowRoot!.querySelector('cs-telemetry-status-badge')!.getAttribute('status');
      await waitUntil(() => badge() === 'on' || badge() === 'off', `${name} settles`, { timeout: 3000 });
      expect(badge()).to.equal(story.args?.enabled === false || story.args?.editorTelemetryEnabled === false ? 'off' : 'on');
    });
  }
});
