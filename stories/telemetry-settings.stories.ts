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
import { getLocale, intlLocale } from '../src/internal/i18n/locale.js';
import { words } from '../dev/harness/words.js';
import { ago, localized, sentences } from '../dev/harness/localized.js';
import { PanelHarness } from '../dev/harness/panel-harness.js';
import { DEMO_EXPORT_FILE, EXPORT_FAILURE } from '../dev/fake-editor.js';
import {
  ACCOUNT_SWITCH,
  CHANGED_BY_CHOICES,
  EDITOR_LEVELS,
  EDITOR_LOCALES,
  EXPORT_OUTCOMES,
  EXTENSION_DEFAULTS,
  FROZEN_NOW,
  SENT_LOG_SEEDS,
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
    gate: { ...fakeEditor, name: 'consent gate', description: "The editor's telemetry goes through a consent gate: the list, the counts and the export read its sent log (offers events).", control: 'boolean' },
    sentLog: { ...fakeEditor, name: 'sent log', description: "With the gate: what its sent log holds (a few per data type, none, one event, 500 per data type, 20,000 autocomplete events).", control: 'select', options: SENT_LOG_SEEDS },
    doNotTrack: { ...fakeEditor, name: 'DO_NOT_TRACK', description: "With the gate: the extension host's environment sets DO_NOT_TRACK=1, so nothing is sent.", control: 'boolean' },
    noticePending: { ...fakeEditor, name: 'notice pending', description: 'With the gate: the telemetry notice is on screen and not answered, so nothing is sent until it is.', control: 'boolean' },
    frozenClock: { ...fakeEditor, name: 'frozen clock', description: "With the gate: its clock stands at 2 March 2026, 10:00 UTC, so a list's times stay the same.", control: 'boolean' },
    exportOutcome: { ...fakeEditor, name: 'export outcome', description: 'With the gate: what "Export what was sent…" meets: the file written (recorded, no disk), the save dialog cancelled, or a write that fails.', control: 'select', options: EXPORT_OUTCOMES },
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

// The consent gate behind the editor's telemetry: DO_NOT_TRACK, the notice before the first event, and what was sent,
// counted from the gate's sent log. Each count's words come from the log the fake editor's gate keeps.
const gate = { gate: true } satisfies Partial<PanelArgs>;

/** Each data type's count line, in the list's order (the account last); empty for an item without one. */
const countLines = (panel: PanelHarness) => panel.dataTypes.items.map((item) => words(item.querySelector('[part~="sent-count"]')));

/** The count line's words for `lastWeek` sent in the last 7 days of `kept` kept, in the locale shown. */
function countWords(lastWeek: number, kept = lastWeek): string {
  const [week, all] = [lastWeek, kept].map((count) => count.toLocaleString(intlLocale()));
  if (kept === lastWeek) {
    return lastWeek === 0
      ? localized('None sent in the last 7 days.', 'data.count.none')
      : localized(str`${week} sent in the last 7 days.`, 'data.count.week');
  }
  return lastWeek === 0
    ? localized(str`None sent in the last 7 days, ${all} kept in all.`, 'data.count.none-kept')
    : localized(str`${week} sent in the last 7 days, ${all} kept in all.`, 'data.count.week-kept');
}

/** The panel once its counts are painted, each data type's as `expected` says (in the list's order). */
const counted = async (panel: PanelHarness, expected: string[]) => {
  await waitFor(() => expect(countLines(panel)).toEqual(expected));
  return panel;
};

const NONE_SENT = () => Array.from({ length: 5 }, () => countWords(0));
const doNotTrackWords = () =>
  localized('Your environment sets DO_NOT_TRACK, so Code Studio sends nothing, whatever this switch says.', 'panel.do-not-track');
const noticePendingWords = () => localized('Code Studio sends nothing until you answer its notice about telemetry.', 'panel.notice-pending');

/** DO_NOT_TRACK in the editor's environment: the panel says why nothing is sent, the badge says Off, the switch stays on. */
export const DoNotTrack: Story = {
  name: 'DO_NOT_TRACK set',
  args: { ...gate, doNotTrack: true, sentLog: 'none' },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.off());
    await expect(panel.text).toContain(doNotTrackWords());
    await expect(panel.switch.control).toHaveAttribute('aria-checked', 'true');
    await expect(backendOf(panel.element).state.doNotTrack).toBe(true);
    await counted(panel, NONE_SENT());
  },
};

/** The notice before the first event is on screen, unanswered: the panel says nothing is sent until it is answered. */
export const NoticePending: Story = {
  name: 'Notice pending',
  args: { ...gate, noticePending: true, sentLog: 'none' },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    await waitFor(() => expect(panel.text).toContain(noticePendingWords()));
    await expect(backendOf(panel.element).notification?.items).toEqual(['Turn Off', 'Open Telemetry Settings']);
    await counted(panel, NONE_SENT());
  },
};

/** Events handed to the gate wait for the notice; answered, they leave and the counts follow while the panel is open. */
export const NoticeAnswered: Story = {
  name: 'Notice answered: what waited is sent',
  tags: ['!visual'],
  args: { ...gate, noticePending: true, sentLog: 'none' },
  play: async ({ canvasElement, step }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    const editor = backendOf(panel.element);
    await waitFor(() => expect(panel.text).toContain(noticePendingWords()));
    await step('Events handed over before the answer wait: nothing is counted', async () => {
      await expect(editor.sendSampleEvents()).toBe(0);
      await counted(panel, NONE_SENT());
    });
    await step('"Open Telemetry Settings": the note goes and what waited is counted', async () => {
      editor.answerNotification('Open Telemetry Settings');
      await waitFor(() => expect(panel.text).not.toContain(noticePendingWords()));
      await counted(panel, [countWords(1), countWords(1), countWords(1), countWords(1), countWords(0)]);
      await expect(editor.state.noticePending).toBeUndefined();
    });
  },
};

/** Turn Off in the notice: the setting goes off, and what waited is dropped, never sent. */
export const NoticeTurnedOff: Story = {
  name: 'Notice answered: Turn Off',
  tags: ['!visual'],
  args: { ...gate, noticePending: true, sentLog: 'none' },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    const editor = backendOf(panel.element);
    await waitFor(() => expect(panel.text).toContain(noticePendingWords()));
    editor.sendSampleEvents();
    editor.answerNotification('Turn Off');
    await waitFor(() => expect(panel.badgeText).toBe(badgeWords.off()));
    await expect(panel.switch.control).toHaveAttribute('aria-checked', 'false');
    await waitFor(() => expect(panel.text).not.toContain(noticePendingWords()));
    await counted(panel, NONE_SENT());
    await expect(editor.gate?.exportEvents()).toEqual([]);
  },
};

export const CountsNoneSent: Story = {
  name: 'Counts: none sent',
  args: { ...gate, sentLog: 'none' },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    await counted(panel, NONE_SENT());
  },
};

export const CountsOneSent: Story = {
  name: 'Counts: one sent',
  args: { ...gate, sentLog: 'one' },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    // The one event is an autocomplete event; every other data type says none.
    await counted(panel, [countWords(0), countWords(0), countWords(0), countWords(1), countWords(0)]);
  },
};

/** 500 events per data type, one every 4 hours: 42 of them in the last 7 days. */
export const CountsManySent: Story = {
  name: 'Counts: many sent',
  args: { ...gate, sentLog: 'many', signedIn: true },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    await counted(panel, Array.from({ length: 5 }, () => countWords(42, 500)));
  },
};

/** The counts follow the sent log while the panel is open: "Send sample events" sends one of each data type. */
export const CountsWhileOpen: Story = {
  name: 'Counts: updated while open',
  tags: ['!visual'],
  args: { ...gate, sentLog: 'one' },
  play: async ({ canvasElement, step }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    const editor = backendOf(panel.element);
    await counted(panel, [countWords(0), countWords(0), countWords(0), countWords(1), countWords(0)]);
    await step('One event of each data type is sent (signed out: no account)', async () => {
      await expect(editor.sendSampleEvents()).toBe(4);
      await counted(panel, [countWords(1), countWords(1), countWords(1), countWords(2), countWords(0)]);
    });
    await step('Switched off, what is handed over is not sent and not counted', async () => {
      await userEvent.click(panel.switch.control);
      await waitFor(() => expect(panel.badgeText).toBe(badgeWords.off()));
      await expect(editor.sendSampleEvents()).toBe(0);
      await counted(panel, [countWords(1), countWords(1), countWords(1), countWords(2), countWords(0)]);
    });
  },
};

/**
 * 20,000 autocomplete events: the counts say so, and "Show what was sent" lists the newest page at once; the adapter
 * pages the rest (`before`, `more`).
 */
export const ManyEventsOfOneType: Story = {
  name: '20,000 events of one type',
  // The list shows times, which move: no screenshot.
  tags: ['!visual'],
  args: { ...gate, sentLog: 'bulk' },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    await counted(panel, [countWords(0), countWords(0), countWords(0), countWords(1680, 20_000), countWords(0)]);
    const autocomplete = localized('Autocomplete feedback', 'data.autocomplete.title');
    await userEvent.click(panel.dataTypes.eventsToggle(autocomplete));
    const list = panel.dataTypes.eventsList(autocomplete);
    await waitFor(() => expect(list.rows.length).toBeGreaterThan(0));
    await expect(list.names[0]).toMatch(/^autocomplete\//);
    const editor = backendOf(panel.element);
    await expect(editor.gate?.exportEvents()).toHaveLength(20_000);
  },
};

/** The panel once "Export what was sent…" was pressed. */
const exported = async (canvasElement: HTMLElement) => {
  const panel = await settled(canvasElement, badgeWords.on());
  await waitFor(() => expect(panel.exportButton).toHaveTextContent(localized('Export what was sent…', 'export.button')));
  await userEvent.click(panel.exportButton!);
  return panel;
};

/** "Export what was sent…": the editor's save dialog, then the file written; the panel says where, and how many. */
export const ExportWritten: Story = {
  name: 'Export: written',
  args: { ...gate, sentLog: 'few', exportOutcome: 'written' },
  play: async ({ canvasElement }) => {
    const panel = await exported(canvasElement);
    const editor = backendOf(panel.element);
    // Signed out: three events of each of the four other data types.
    await waitFor(() => expect(panel.exportStatusText).toBe(localized(str`Exported ${12} events to ${DEMO_EXPORT_FILE}.`, 'export.written')));
    // The file holds the whole log, every data type, oldest first, exactly as the gate keeps it.
    await expect(editor.exported).toHaveLength(1);
    await expect(JSON.parse(editor.exported[0]!.text)).toEqual(editor.gate!.exportEvents());
  },
};

export const ExportCancelled: Story = {
  name: 'Export: cancelled',
  args: { ...gate, sentLog: 'few', exportOutcome: 'cancelled' },
  play: async ({ canvasElement }) => {
    const panel = await exported(canvasElement);
    await waitFor(() => expect(panel.exportStatusText).toBe(localized('Nothing was exported: no file was chosen.', 'export.cancelled')));
    await expect(backendOf(panel.element).exported).toEqual([]);
  },
};

export const ExportFailed: Story = {
  name: 'Export: failed',
  args: { ...gate, sentLog: 'few', exportOutcome: 'fails' },
  play: async ({ canvasElement }) => {
    const panel = await exported(canvasElement);
    // The panel's sentence, then the editor's reason in its own words.
    await waitFor(() =>
      expect(panel.exportStatusText).toBe(
        sentences(localized('Could not export what was sent.', 'export.failed'), `Could not write ${DEMO_EXPORT_FILE}: ${EXPORT_FAILURE}`),
      ),
    );
    await expect(backendOf(panel.element).exported).toEqual([]);
  },
};

/**
 * A list with older events to show: 20,000 autocomplete events, the newest page listed, and "Show older" below it,
 * which brings the next page. The gate's clock is stopped, so the events are the same on every run.
 */
export const ShowOlder: Story = {
  name: 'Events: older ones to show',
  // No screenshot, as for the Events stories: a list's times are formatted in the machine's own timezone (and the
  // panel with a list open is taller than the story's window).
  tags: ['!visual'],
  args: { ...gate, sentLog: 'bulk', frozenClock: true },
  play: async ({ canvasElement }) => {
    const panel = await settled(canvasElement, badgeWords.on());
    const autocomplete = localized('Autocomplete feedback', 'data.autocomplete.title');
    await userEvent.click(panel.dataTypes.eventsToggle(autocomplete));
    const list = panel.dataTypes.eventsList(autocomplete);
    await waitFor(() => expect(list.showOlderButton).toHaveTextContent(localized('Show older', 'events.show-older')));
    const firstPage = list.element.events.length;
    await expect(firstPage).toBeGreaterThan(0);
    await expect(firstPage).toBeLessThan(20_000);
    // The newest event first: the one sent a minute before the clock's time.
    await expect(list.rows[0]!.querySelector('time')).toHaveAttribute('datetime', new Date(FROZEN_NOW - 60_000).toISOString());
    await userEvent.click(list.showOlderButton!);
    await waitFor(() => expect(list.element.events.length).toBeGreaterThan(firstPage));
    await expect(list.showOlderButton).not.toBeNull();
    await expect(backendOf(panel.element).received.filter((message) => message.type === 'telemetry/events' && message.before !== undefined)).toHaveLength(1);
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

export const GermanDoNotTrack: Story = {
  ...german,
  name: 'German: DO_NOT_TRACK set',
  args: { ...german.args, ...gate, doNotTrack: true, sentLog: 'none' },
  play: async ({ canvasElement }) => {
    const panel = await inGerman(canvasElement, 'off');
    await expect(panel.text).toContain('Ihre Umgebung setzt DO_NOT_TRACK, daher sendet Code Studio nichts, unabhängig von diesem Schalter.');
    await counted(panel, Array.from({ length: 5 }, () => 'In den letzten 7 Tagen nichts gesendet.'));
  },
};

export const GermanNoticePending: Story = {
  ...german,
  name: 'German: notice pending',
  args: { ...german.args, ...gate, noticePending: true, sentLog: 'none' },
  play: async ({ canvasElement }) => {
    const panel = await inGerman(canvasElement, 'on');
    await waitFor(() => expect(panel.text).toContain('Code Studio sendet nichts, bis Sie seinen Hinweis zur Telemetrie beantworten.'));
  },
};

export const GermanCountsManySent: Story = {
  ...german,
  name: 'German: counts, many sent',
  args: { ...german.args, ...gate, sentLog: 'many', signedIn: true },
  play: async ({ canvasElement }) => {
    const panel = await inGerman(canvasElement, 'on');
    await counted(panel, Array.from({ length: 5 }, () => '42 in den letzten 7 Tagen gesendet, insgesamt 500 gespeichert.'));
  },
};
