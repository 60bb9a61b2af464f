// The panel in every state the product spec lists, each against a fake editor whose behaviour is a set of controls.
// The play functions read the panel through its harness and expect the words of the locale shown, so they pass
// whatever the toolbar's Locale is (the German stories check German itself).
// Stories tagged `visual` are screenshotted in all four VS Code themes by `npm run test:stories`; those also tagged
// `visual-dark-modern-only` (the German ones) in Dark Modern only.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { str } from '@lit/localize';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/define.js';
import { getLocale } from '../src/internal/i18n/locale.js';
import { ago, localized, sentences } from '../dev/harness/localized.js';
import { PanelHarness } from '../dev/harness/panel-harness.js';
import {
  ACCOUNT_SWITCH,
  CHANGED_BY_CHOICES,
  EDITOR_LEVELS,
  EDITOR_LOCALES,
  EXTENSION_DEFAULTS,
  createBackend,
  backendOf,
  type BackendArgs,
} from './support/story-backend.js';

interface PanelArgs extends BackendArgs {
  /** The panel's `timeout` property, in ms. */
  timeout: number;
}

type Story = StoryObj<PanelArgs>;

// Long enough that a story meant to wait for the editor never gives up while someone looks at it.
const A_DAY = 86_400_000;

const fakeEditor = { table: { category: 'Fake editor' } };

const meta = {
  title: 'Telemetry settings/Panel',
  component: 'cs-telemetry-settings',
  tags: ['visual'],
  args: {
    enabled: true,
    editorTelemetryLevel: 'all',
    policyLock: false,
    signedIn: false,
    latency: 0,
    failNextSave: false,
    neverAnswer: false,
    hostProtocol: 1,
    reloaded: false,
    ...EXTENSION_DEFAULTS,
    timeout: 5000,
  },
  argTypes: {
    enabled: { ...fakeEditor, description: "The editor's telemetry setting.", control: 'boolean' },
    editorTelemetryLevel: { ...fakeEditor, name: 'editor telemetry level', description: "The editor's own telemetry.telemetryLevel: all, error (errors only), crash (crash reports only) or off.", control: 'select', options: EDITOR_LEVELS },
    policyLock: { ...fakeEditor, name: 'policy lock', description: 'A policy sets the setting; the switch is locked.', control: 'boolean' },
    signedIn: { ...fakeEditor, name: 'signed in', description: 'A user is signed in: their login name and email go with the data.', control: 'boolean' },
    latency: { ...fakeEditor, name: 'latency (ms)', description: 'How long the editor takes to answer.', control: { type: 'range', min: 0, max: 5000, step: 100 } },
    failNextSave: { ...fakeEditor, name: 'fail the next save', description: 'The editor refuses the next save (a read-only settings file).', control: 'boolean' },
    neverAnswer: { ...fakeEditor, name: 'never answer', description: 'The editor never answers; the panel gives up after `timeout`.', control: 'boolean' },
    hostProtocol: { ...fakeEditor, name: 'protocol version', description: 'The protocol version the editor speaks; this page speaks 1.', control: { type: 'number', min: 1, step: 1 } },
    reloaded: { ...fakeEditor, name: 'webview reloaded', description: "The webview was reloaded: it paints the editor's last confirmed state before asking again.", control: 'boolean' },
    offerEvents: { ...fakeEditor, name: 'offers events', description: 'The editor answers `telemetry/events`: each data type can show what was sent.', control: 'boolean' },
    offerLinks: { ...fakeEditor, name: 'offers links', description: 'The editor opens the privacy statement and "How telemetry works" (recorded in the Actions panel; nothing navigates).', control: 'boolean' },
    accountSwitch: { ...fakeEditor, name: 'account switch', description: "The separate consent for the account's login name and email: not offered (an older editor), linked or anonymous.", control: 'select', options: ACCOUNT_SWITCH },
    changedBy: { ...fakeEditor, name: 'changed by', description: 'What last changed the setting (`state.changedBy`), with `changedAt` that many minutes ago.', control: 'select', options: CHANGED_BY_CHOICES },
    changedMinutesAgo: { ...fakeEditor, name: 'changed (minutes ago)', description: 'How long ago the setting changed.', control: { type: 'number', min: 0, step: 1 } },
    editorLocale: { ...fakeEditor, name: "editor's language", description: "The editor's display language (`state.locale`); empty sends none, so the document's lang (the toolbar's Locale) decides.", control: 'select', options: EDITOR_LOCALES },
    manyEvents: { ...fakeEditor, name: '500 events', description: 'Each data type answers with 500 events instead of a few.', control: 'boolean' },
    failEvents: { ...fakeEditor, name: 'fail events', description: 'The editor answers every events request with an error.', control: 'boolean' },
    timeout: { control: { type: 'number', min: 0, step: 500 } },
  },
  // On the docs page each story gets a page of its own, as each webview does.
  parameters: { docs: { story: { inline: false, iframeHeight: 640 } } },
  // A fresh fake editor (the host adapter on a fake vscode) per render, so a changed control starts again.
  render: (args) => {
    const backend = createBackend(args);
    return html`<cs-telemetry-settings .vscodeApi=${backend.api} timeout=${args.timeout}></cs-telemetry-settings>`;
  },
} satisfies Meta<PanelArgs>;

export default meta;

/** The badge's words and the alert's Retry, in the locale shown. */
const badgeWords = {
  loading: () => localized('Checking…', 'badge.loading'),
  on: () => localized('On', 'badge.on'),
  off: () => localized('Off', 'badge.off'),
  errorsOnly: () => localized('Errors only', 'badge.errors-only'),
  saving: () => localized('Saving…', 'badge.saving'),
  unknown: () => localized('Unknown', 'badge.error'),
  anonymous: () => localized('On, anonymous', 'badge.on-anonymous'),
  linked: () => localized('On, with your account', 'badge.on-linked'),
};
/** An alert's sentences followed by its Retry button. */
// Retry sits beside the alert's words, not inside them: the alert reads as sentences only.
const withRetry = (...parts: string[]) => sentences(...parts);

const settled = async (canvasElement: HTMLElement, text: string) => {
  const panel = PanelHarness.in(canvasElement);
  await waitFor(() => expect(panel.badgeText).toBe(text));
  return panel;
};

export const Loading: Story = {
  args: { neverAnswer: true, timeout: A_DAY },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.loading());
    await expect(panel.text).toContain(localized('Reading your setting from Code Studio…', 'panel.loading'));
    await expect(panel.switch.control).toBeDisabled();
  },
};

export const On: Story = {
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    await expect(panel.switch.control).toHaveAttribute('aria-checked', 'true');
    await expect(panel.switch.control).toBeEnabled();
  },
};

export const Off: Story = {
  args: { enabled: false },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.off());
    await expect(panel.switch.control).toHaveAttribute('aria-checked', 'false');
  },
};

export const Saving: Story = {
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    backendOf(panel.element).writeDelay = A_DAY; // the editor's write never finishes: the panel stays in saving
    await userEvent.click(panel.switch.control);
    await waitFor(() => expect(panel.badgeText).toBe(badgeWords.saving()));
    await expect(panel.switch.control).toHaveAttribute('aria-checked', 'false');
  },
};

export const SaveFailed: Story = {
  args: { failNextSave: true },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    await userEvent.click(panel.switch.control);
    await waitFor(() =>
      expect(panel.alertText).toBe(
        withRetry(localized('Could not save.', 'alert.save-failed'), localized('It is still on.', 'alert.still-on'), 'The settings file is read-only.'),
      ),
    );
    await expect(panel.badgeText).toBe(badgeWords.on());
    await expect(panel.switch.control).toHaveAttribute('aria-checked', 'true');
  },
};

export const HostUnreachable: Story = {
  args: { neverAnswer: true, reloaded: true, timeout: 50 },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.unknown());
    await waitFor(() =>
      expect(panel.alertText).toBe(
        withRetry(
          localized("Can't reach Code Studio to read or change this setting.", 'alert.unreachable'),
          localized('It was last on.', 'alert.last-on'),
        ),
      ),
    );
    await expect(panel.switch.control).toBeDisabled();
  },
};

export const ManagedByPolicy: Story = {
  args: { policyLock: true },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    await expect(panel.badge).toHaveAttribute('locked');
    await expect(panel.text).toContain(localized('Managed by your organization: a policy sets this setting.', 'panel.locked'));
    // Locked, the switch stays focusable: unavailable by aria-disabled, its description the lock note.
    await expect(panel.switch.control).toHaveAttribute('aria-disabled', 'true');
    await expect(panel.text).not.toContain(localized('Takes effect at once; change it at any time.', 'panel.help'));
  },
};

export const EditorTelemetryOff: Story = {
  args: { editorTelemetryLevel: 'off' },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.off());
    await expect(panel.text).toContain(
      localized("The editor's telemetry is off, so Code Studio sends nothing, whatever this switch says.", 'panel.editor-off'),
    );
    await expect(panel.switch.control).toHaveAttribute('aria-checked', 'true');
  },
};

/** The editor sends only errors: so does Code Studio, and the badge says so. */
export const EditorLevelError: Story = {
  args: { editorTelemetryLevel: 'error' },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.errorsOnly());
    await expect(panel.text).toContain(
      localized(
        "The editor's telemetry is set to errors only, so Code Studio sends only error reports while this switch is on, and no usage data.",
        'panel.editor-error',
      ),
    );
    await expect(panel.switch.control).toHaveAttribute('aria-checked', 'true');
  },
};

/** The editor sends crash reports only: Code Studio sends nothing. */
export const EditorLevelCrash: Story = {
  args: { editorTelemetryLevel: 'crash' },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.off());
    await expect(panel.text).toContain(
      localized(
        "The editor's telemetry is set to crash reports only, so Code Studio sends nothing, whatever this switch says. The editor itself may still send crash reports.",
        'panel.editor-crash',
      ),
    );
  },
};

/** The account item's words. */
const accountLine = (panel: PanelHarness) => (panel.dataTypes.accountItem?.textContent ?? '').replace(/\s+/g, ' ');
const attached = () =>
  localized(html`Attached now: <b>${'ada'}</b> (<b>${'ada@example.com'}</b>). These identify you.`, 'data.account.attached');

export const SignedIn: Story = {
  args: { signedIn: true },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    await waitFor(() => expect(accountLine(panel)).toContain(attached()));
    await expect(panel.text).toContain(
      localized('While you are signed in, your login name and email are sent with this data, so it is not anonymous.', 'panel.help-account'),
    );
  },
};

export const SignedOut: Story = {
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    await expect(accountLine(panel)).toContain(localized('You are signed out: this applies only when you sign in.', 'data.account.signed-out'));
  },
};

export const NeedsAnUpdate: Story = {
  args: { hostProtocol: 2 },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.unknown());
    await expect(panel.alertText).toBe(
      localized(str`Code Studio needs an update: the editor speaks settings protocol ${2}, this page ${1}.`, 'alert.incompatible'),
    );
    await expect(panel.switch.control).toBeDisabled();
  },
};

/** The longest words (signed in, editor-wide off) in a 300 px side panel: everything wraps, nothing scrolls sideways. */
export const SidePanel: Story = {
  args: { signedIn: true, editorTelemetryLevel: 'off' },
  globals: { viewport: { value: 'sidePanel', isRotated: false } },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.off());
    await expect(panel.element.getBoundingClientRect().width).toBeLessThanOrEqual(300);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(document.documentElement.clientWidth);
  },
};

/**
 * The product spec's validation, against a fake editor you can slow down, break or silence with the controls:
 * switch off, the badge says off; switch on, the badge says on.
 */
export const Interactive: Story = {
  tags: ['!visual'],
  args: { latency: 400 },
  play: async ({ canvasElement, step }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    await step('Switch off: the badge says off', async () => {
      await userEvent.click(panel.switch.control);
      await waitFor(() => expect(panel.badgeText).toBe(badgeWords.off()), { timeout: 5000 });
      await expect(panel.switch.control).toHaveAttribute('aria-checked', 'false');
      await expect(backendOf(panel.element).state.enabled).toBe(false);
    });
    await step('Switch on: the badge says on', async () => {
      await userEvent.click(panel.switch.control);
      await waitFor(() => expect(panel.badgeText).toBe(badgeWords.on()), { timeout: 5000 });
      await expect(panel.switch.control).toHaveAttribute('aria-checked', 'true');
      await expect(backendOf(panel.element).state.enabled).toBe(true);
    });
  },
};

/** The history line's words for `changedBy`, changed `when` ago. */
const historyWords = {
  'settings-file': (when: string) => localized(html`Last changed ${when}, in your settings`, 'history.settings-file'),
  policy: (when: string) => localized(html`Last changed ${when}, by your organization's policy`, 'history.policy'),
  user: (when: string) => localized(html`Last changed ${when}, from this page`, 'history.user'),
};

/**
 * Every protocol extension offered, walked through against the fake editor: the history line, what was sent, the
 * account switch and the links.
 */
export const EverythingOffered: Story = {
  // Shows a relative time, which moves: no screenshot.
  tags: ['!visual'],
  args: { signedIn: true, offerEvents: true, offerLinks: true, accountSwitch: 'linked', changedBy: 'settings-file', changedMinutesAgo: 5 },
  play: async ({ canvasElement, step }) => {
    const panel = await settled(canvasElement, badgeWords.linked());
    await expect(backendOf(panel.element).state.offers).toEqual(['events', 'privacy-statement', 'how-telemetry-works']);
    await expect(panel.switch.control).toHaveAttribute('aria-checked', 'true');

    await step('The history line says when and where the setting changed', async () => {
      await expect(panel.historyText).toBe(historyWords['settings-file'](ago(5, 'minute')));
    });

    await step('"Show what was sent" on Token usage asks the editor and lists its events', async () => {
      const tokens = localized('Token usage', 'data.tokens.title');
      await userEvent.click(panel.dataTypes.eventsToggle(tokens));
      const list = panel.dataTypes.eventsList(tokens);
      await waitFor(() => expect(list.statusLine).toHaveTextContent(localized(str`${3} events sent recently, newest first.`, 'events.count')));
      await expect(list.element).toBeVisible();
      await expect(list.names).toEqual(['tokens/usage', 'tokens/usage', 'tokens/usage']);
      await expect(list.rows[0]).toHaveTextContent('completionTokens');
      await expect(backendOf(panel.element).received).toContainEqual(expect.objectContaining({ type: 'telemetry/events', category: 'tokens' }));
    });

    await step('The account switch off: the badge says anonymous and the account line says it is not sent', async () => {
      await expect(accountLine(panel)).toContain(attached());
      const accountSwitch = panel.dataTypes.accountSwitch!;
      await userEvent.click(accountSwitch.control);
      await waitFor(() => expect(panel.badgeText).toBe(badgeWords.anonymous()));
      await expect(accountSwitch.control).toHaveAttribute('aria-checked', 'false');
      await expect(accountLine(panel)).toContain(
        localized(html`Signed in as <b>${'ada'}</b> (<b>${'ada@example.com'}</b>). Not sent while the switch below is off.`, 'data.account.not-attached'),
      );
      await expect(backendOf(panel.element).state.accountLinked).toBe(false);
      // The account switch is a consent of its own: the main setting's history is unchanged.
      await expect(panel.historyText).toBe(historyWords['settings-file'](ago(5, 'minute')));
    });

    await step('"Privacy statement" asks the editor to open it; the page stays where it is', async () => {
      const page = window.location.href;
      await userEvent.click(panel.link(localized('Privacy statement', 'links.privacy-statement')));
      await expect(backendOf(panel.element).opened).toEqual(['privacy-statement']);
      await expect(window.location.href).toBe(page);
    });
  },
};

/** The same walk-through with the toolbar's Locale in Japanese: the play function expects the words shown. */
export const EverythingOfferedInJapanese: Story = {
  ...EverythingOffered,
  name: 'Everything offered, in Japanese',
  globals: { locale: 'ja' },
};

/** The default was never changed: no time is shown, so this one is the same on every run. */
export const HistoryDefault: Story = {
  args: { changedBy: 'default' },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    await expect(panel.historyText).toBe(localized('Not changed yet: this is the default.', 'history.default'));
  },
};

/** Changed in the settings file; a change from this page then says so, as of now. */
export const HistorySettingsFile: Story = {
  tags: ['!visual'],
  args: { changedBy: 'settings-file', changedMinutesAgo: 90 },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    await expect(panel.historyText).toBe(historyWords['settings-file'](ago(1, 'hour')));
    await userEvent.click(panel.switch.control);
    await waitFor(() => expect(panel.badgeText).toBe(badgeWords.off()));
    await waitFor(() => expect(panel.historyText).toBe(historyWords.user(ago(0, 'second'))));
  },
};

export const HistoryFromThisPage: Story = {
  tags: ['!visual'],
  args: { changedBy: 'user', changedMinutesAgo: 3 * 24 * 60 },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    await expect(panel.historyText).toBe(historyWords.user(ago(3, 'day')));
  },
};

export const HistoryByPolicy: Story = {
  tags: ['!visual'],
  args: { changedBy: 'policy', changedMinutesAgo: 5, policyLock: true },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    await expect(panel.historyText).toBe(historyWords.policy(ago(5, 'minute')));
  },
};

// German, the one non-English language in the visual baselines: Latin script in the bundled Ubuntu font, so the
// screenshots are the same on any machine. The editor reports `de` and the page's lang is `de`.
const german = { tags: ['visual-dark-modern-only'], globals: { locale: 'de' }, args: { editorLocale: 'de' } } satisfies Story;

const inGerman = async (canvasElement: HTMLElement, status: 'on' | 'off' | 'errors-only') => {
  const panel = PanelHarness.in(canvasElement);
  await waitFor(() => expect(getLocale()).toBe('de'));
  await expect(document.documentElement.lang).toBe('de');
  await waitFor(() => expect(panel.badge).toHaveAttribute('status', status));
  await panel.element.updateComplete;
  // The words are German, not the English source: a missing or stale translation fails here.
  await expect(panel.headingText).toBe('Telemetrie');
  await expect(panel.switch.label).toBe('Anonyme Telemetrie zulassen');
  await expect(panel.badgeText).toBe({ on: 'Ein', off: 'Aus', 'errors-only': 'Nur Fehler' }[status]);
  return panel;
};

export const GermanEditorLevelError: Story = {
  ...german,
  name: 'German: editor telemetry set to errors only',
  args: { ...german.args, editorTelemetryLevel: 'error' },
  play: async ({ canvasElement }) => {
    const panel = await inGerman(canvasElement, 'errors-only');
    await expect(panel.text).toContain(
      'Die Telemetrie des Editors ist auf Fehler beschränkt. Code Studio sendet daher nur Fehlerberichte, solange dieser Schalter aktiviert ist, und keine Nutzungsdaten.',
    );
  },
};

export const GermanOn: Story = {
  ...german,
  name: 'German: on',
  play: async ({ canvasElement }) => {
    const panel = await inGerman(canvasElement, 'on');
    await expect(panel.switch.control).toHaveAttribute('aria-checked', 'true');
    await expect(panel.text).toContain('Code Studio erfasst anonyme Nutzungsdaten');
  },
};

export const GermanSignedInEditorOff: Story = {
  ...german,
  name: 'German: signed in, editor-wide telemetry off',
  args: { ...german.args, signedIn: true, editorTelemetryLevel: 'off' },
  play: async ({ canvasElement }) => {
    const panel = await inGerman(canvasElement, 'off');
    await expect(panel.switch.control).toHaveAttribute('aria-checked', 'true');
    await expect(panel.text).toContain('Die Telemetrie des Editors ist deaktiviert.');
    await waitFor(() => expect(accountLine(panel)).toContain('Derzeit enthalten: ada (ada@example.com). Damit sind Sie identifizierbar.'));
  },
};

export const GermanSaveFailed: Story = {
  ...german,
  name: 'German: save failed',
  args: { ...german.args, failNextSave: true },
  play: async ({ canvasElement }) => {
    const panel = await inGerman(canvasElement, 'on');
    await userEvent.click(panel.switch.control);
    // The reason is the editor's own message, in the editor's words (this fake editor's are English).
    await waitFor(() =>
      expect(panel.alertText).toBe('Speichern fehlgeschlagen. Die Telemetrie ist weiterhin aktiviert. The settings file is read-only.'),
    );
    await expect(panel.switch.control).toHaveAttribute('aria-checked', 'true');
  },
};

export const GermanManagedByPolicy: Story = {
  ...german,
  name: 'German: managed by policy',
  args: { ...german.args, policyLock: true },
  play: async ({ canvasElement }) => {
    const panel = await inGerman(canvasElement, 'on');
    await expect(panel.badge).toHaveAttribute('locked');
    await expect(panel.text).toContain('Von Ihrer Organisation verwaltet: Eine Richtlinie legt diese Einstellung fest.');
    // Locked, the switch stays focusable: unavailable by aria-disabled.
    await expect(panel.switch.control).toHaveAttribute('aria-disabled', 'true');
  },
};
