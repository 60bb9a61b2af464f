import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../../src/components/telemetry-settings/telemetry-settings.js';
import { FakeEditor, type FakeEditorOptions } from '../../dev/fake-editor.js';
import { applyVsCodeTheme, vscodeThemes, type VsCodeThemeId } from '../../dev/themes/vscode-themes.js';
import { PanelHarness } from '../../dev/harness/panel-harness.js';

// VS Code sets its theme as --vscode-* variables (and a body class); the section must follow them, not its fallbacks.
// The themes are VS Code's own data (dev/themes/*.json), the same that Storybook and the demo paint with.
const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
};

let editors: FakeEditor[] = [];

const color = (theme: VsCodeThemeId, name: string) => (vscodeThemes[theme].colors as Record<string, string>)[name];

/** A panel in one of VS Code's themes, or (no theme) outside VS Code. */
async function themedPanel(theme: VsCodeThemeId | undefined, options: FakeEditorOptions = {}, timeout = 5000) {
  if (theme) applyVsCodeTheme(theme);
  const editor = new FakeEditor(options);
  editors.push(editor);
  const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings .vscodeApi=${editor.openPanel()} timeout=${timeout}></cs-telemetry-settings>`);
  await new Promise((resolve) => setTimeout(resolve, 20));
  await el.updateComplete;
  return el;
}

const harness = (el: CsTelemetrySettings) => new PanelHarness(el);
const switchControl = (el: CsTelemetrySettings) => harness(el).switch.control;
const badgeBase = (el: CsTelemetrySettings) => harness(el).badgeBase;

describe('theming', () => {
  afterEach(async () => {
    document.documentElement.removeAttribute('style');
    document.body.className = '';
    for (const editor of editors) editor.dispose();
    editors = [];
    await emulateMedia({ reducedMotion: 'no-preference' });
    await executeServerCommand('forced-colors', { active: false });
  });

  it('falls back to Dark Modern colours outside VS Code', async () => {
    const el = await themedPanel(undefined);
    expect(getComputedStyle(el).backgroundColor).to.equal(rgb('#1f1f1f'));
    expect(getComputedStyle(el).color).to.equal(rgb('#cccccc'));
    expect(getComputedStyle(switchControl(el)).backgroundColor).to.equal(rgb('#0078d4'));
  });

  it('follows Light Modern: background, text, switch and badge take the theme colours, and pass axe', async () => {
    const el = await themedPanel('light-modern');
    expect(getComputedStyle(el).backgroundColor).to.equal(rgb(color('light-modern', '--vscode-editor-background')));
    expect(getComputedStyle(el).color).to.equal(rgb(color('light-modern', '--vscode-foreground')));
    expect(getComputedStyle(switchControl(el)).backgroundColor).to.equal(rgb(color('light-modern', '--vscode-button-background')));
    expect(getComputedStyle(badgeBase(el)).backgroundColor).to.equal(rgb(color('light-modern', '--vscode-badge-background')));
    await expect(el).to.be.accessible();
  });

  it('draws high-contrast borders from --vscode-contrastBorder and --vscode-contrastActiveBorder', async () => {
    // A policy (the badge's lock) and the editor's telemetry at errors only (a note under the switch).
    const el = await themedPanel('dark-high-contrast', { policy: true, store: { telemetryLevel: 'error' } });
    const border = rgb(color('dark-high-contrast', '--vscode-contrastBorder'));
    expect(getComputedStyle(badgeBase(el)).borderTopColor).to.equal(border);
    expect(getComputedStyle(switchControl(el)).borderTopColor, 'the switch is on').to.equal(rgb(color('dark-high-contrast', '--vscode-contrastActiveBorder')));
    expect(getComputedStyle(harness(el).notes[0]).borderTopColor).to.equal(border);
    await expect(el).to.be.accessible();
  });

  for (const theme of Object.keys(vscodeThemes) as VsCodeThemeId[]) {
    it(`passes axe in ${vscodeThemes[theme].label}, signed in and with the host unreachable`, async () => {
      const signedIn = await themedPanel(theme, { account: { loginName: 'ada', email: 'ada@example.com' } });
      await expect(signedIn).to.be.accessible();
      const unreachable = await themedPanel(theme, { silent: true }, 10); // never answers
      await new Promise((resolve) => setTimeout(resolve, 60));
      await unreachable.updateComplete;
      expect(badgeBase(unreachable).textContent).to.contain('Unknown');
      await expect(unreachable).to.be.accessible();
    });
  }

  it('uses system colours under forced colours, so the on state is still a fill', async () => {
    await executeServerCommand('forced-colors', { active: true });
    const el = await themedPanel(undefined);
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const probe = document.createElement('div');
    probe.style.background = 'Highlight';
    document.body.append(probe);
    const highlight = getComputedStyle(probe).backgroundColor;
    probe.remove();
    expect(getComputedStyle(switchControl(el)).backgroundColor).to.equal(highlight);
  });

  it('stops the spinner and the thumb under prefers-reduced-motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await themedPanel(undefined);
    const sw = harness(el).switch.element;
    sw.focus();
    expect(getComputedStyle(switchControl(el), '::before').transitionDuration).to.equal('0s');
    const badge = harness(el).badge;
    badge.setAttribute('status', 'saving');
    await badge.updateComplete;
    const spinner = harness(el).badgeRoot.querySelector('.spin')!;
    expect(getComputedStyle(spinner).animationName).to.equal('none');
  });

  it('turns the spinner without reduced motion (the check above can fail)', async () => {
    const el = await themedPanel(undefined);
    const badge = harness(el).badge;
    badge.setAttribute('status', 'saving');
    await badge.updateComplete;
    expect(getComputedStyle(harness(el).badgeRoot.querySelector('.spin')!).animationName).to.equal('spin');
  });
});
