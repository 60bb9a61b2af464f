import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import '../src/components/telemetry-settings/define.js';
import type { CsTelemetrySettings } from '../src/components/telemetry-settings/telemetry-settings.js';
import { FakeHost } from './support/fake-host.js';

// VS Code sets its theme as --vscode-* variables (and a body class); the section must follow them, not its fallbacks.
const LIGHT_MODERN = {
  '--vscode-editor-background': '#ffffff',
  '--vscode-foreground': '#3b3b3b',
  '--vscode-descriptionForeground': '#3b3b3b',
  '--vscode-button-background': '#005fb8',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-badge-background': '#cccccc',
  '--vscode-badge-foreground': '#3b3b3b',
  '--vscode-input-background': '#ffffff',
  '--vscode-checkbox-border': '#cecece',
  '--vscode-errorForeground': '#f85149',
  '--vscode-inputValidation-errorBackground': '#f2dede',
  '--vscode-editorWarning-foreground': '#895503',
  '--vscode-inputValidation-warningBackground': '#f6eeda',
};
const HIGH_CONTRAST = {
  '--vscode-editor-background': '#000000',
  '--vscode-foreground': '#ffffff',
  '--vscode-descriptionForeground': '#ffffff',
  '--vscode-contrastBorder': '#6fc3df',
  '--vscode-contrastActiveBorder': '#f38518',
  '--vscode-button-background': '#000000',
  '--vscode-badge-background': '#000000',
  '--vscode-badge-foreground': '#ffffff',
};

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
};

let hosts: FakeHost[] = [];

async function themedPanel(theme: Record<string, string>, kind: string, state: ConstructorParameters<typeof FakeHost>[0] = {}) {
  for (const [name, value] of Object.entries(theme)) document.body.style.setProperty(name, value);
  document.body.className = kind;
  const host = new FakeHost({ enabled: true, ...state });
  hosts.push(host);
  const el = await fixture<CsTelemetrySettings>(html`<cs-telemetry-settings .vscodeApi=${host.api}></cs-telemetry-settings>`);
  await new Promise((resolve) => setTimeout(resolve, 20));
  await el.updateComplete;
  return el;
}

const part = (el: CsTelemetrySettings, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const switchControl = (el: CsTelemetrySettings) => part(el, 'cs-switch').shadowRoot!.querySelector('button')!;
const badgeBase = (el: CsTelemetrySettings) => part(el, 'cs-telemetry-status-badge').shadowRoot!.querySelector<HTMLElement>('[part=base]')!;

describe('theming', () => {
  afterEach(async () => {
    document.body.removeAttribute('style');
    document.body.className = '';
    for (const host of hosts) host.dispose();
    hosts = [];
    await emulateMedia({ reducedMotion: 'no-preference' });
    await executeServerCommand('forced-colors', { active: false });
  });

  it('falls back to Dark Modern colours outside VS Code', async () => {
    const el = await themedPanel({}, '');
    expect(getComputedStyle(el).backgroundColor).to.equal(rgb('#1f1f1f'));
    expect(getComputedStyle(el).color).to.equal(rgb('#cccccc'));
    expect(getComputedStyle(switchControl(el)).backgroundColor).to.equal(rgb('#0078d4'));
  });

  it('follows Light Modern: background, text, switch and badge take the theme colours, and pass axe', async () => {
    const el = await themedPanel(LIGHT_MODERN, 'vscode-light');
    expect(getComputedStyle(el).backgroundColor).to.equal(rgb('#ffffff'));
    expect(getComputedStyle(el).color).to.equal(rgb('#3b3b3b'));
    expect(getComputedStyle(switchControl(el)).backgroundColor).to.equal(rgb('#005fb8'));
    expect(getComputedStyle(badgeBase(el)).backgroundColor).to.equal(rgb('#cccccc'));
    await expect(el).to.be.accessible();
  });

  it('draws high-contrast borders from --vscode-contrastBorder and --vscode-contrastActiveBorder', async () => {
    const el = await themedPanel(HIGH_CONTRAST, 'vscode-high-contrast vscode-dark', { managedBy: 'policy' });
    expect(getComputedStyle(badgeBase(el)).borderTopColor).to.equal(rgb('#6fc3df'));
    expect(getComputedStyle(switchControl(el)).borderTopColor, 'the switch is on').to.equal(rgb('#f38518'));
    expect(getComputedStyle(part(el, '.note')).borderTopColor).to.equal(rgb('#6fc3df'));
    await expect(el).to.be.accessible();
  });

  it('uses system colours under forced colours, so the on state is still a fill', async () => {
    await executeServerCommand('forced-colors', { active: true });
    const el = await themedPanel({}, '');
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
    const el = await themedPanel({}, '');
    const sw = part(el, 'cs-switch');
    sw.focus();
    expect(getComputedStyle(switchControl(el), '::before').transitionDuration).to.equal('0s');
    const badge = part(el, 'cs-telemetry-status-badge');
    badge.setAttribute('status', 'saving');
    await (badge as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const spinner = badge.shadowRoot!.querySelector('.spin')!;
    expect(getComputedStyle(spinner).animationName).to.equal('none');
  });

  it('turns the spinner without reduced motion (the check above can fail)', async () => {
    const el = await themedPanel({}, '');
    const badge = part(el, 'cs-telemetry-status-badge');
    badge.setAttribute('status', 'saving');
    await (badge as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(getComputedStyle(badge.shadowRoot!.querySelector('.spin')!).animationName).to.equal('spin');
  });
});
