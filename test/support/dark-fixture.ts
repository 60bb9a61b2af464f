import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';

/**
 * Renders `template` on VS Code Dark Modern's editor background, since the elements' fallback colours are Dark
 * Modern's, and returns the first `tag` inside it once it has rendered.
 */
export async function darkFixture<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  template: TemplateResult,
): Promise<{ wrapper: HTMLDivElement; el: HTMLElementTagNameMap[K] }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="background:#1f1f1f;color:#ccc;padding:8px">${template}</div>`);
  const el = wrapper.querySelector(tag);
  if (!el) throw new Error(`the fixture has no <${tag}>`);
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  return { wrapper, el };
}
