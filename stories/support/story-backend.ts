// The editor behind the panel's stories: dev/fake-editor.ts, the host adapter that ships on a fake `vscode`, its knobs
// set from the story's controls. Every answer the panel gets is the adapter's.
import { action } from 'storybook/actions';
import { CHANGED_BY, EDITOR_TELEMETRY_LEVELS, type EditorTelemetryLevel, type TelemetryState } from '../../src/protocol/protocol.js';
import type { VsCodeApi } from '../../src/webview/vscode-api.js';
import { DEMO_ACCOUNT, EXPORT_OUTCOMES, FakeEditor, type FakeEditorOptions } from '../../dev/fake-editor.js';
import { SENT_LOG_SEEDS } from '../../dev/demo-events.js';

export { EXPORT_OUTCOMES, SENT_LOG_SEEDS };

/** The host's account switch: not offered (an older host), or offered and on or off. */
export const ACCOUNT_SWITCH = ['not offered', 'linked', 'anonymous'] as const;
/** What last changed the setting, or nothing reported (an older host). */
export const CHANGED_BY_CHOICES = ['not reported', ...CHANGED_BY] as const;
/** The editor's own telemetry levels, most first, as the control lists them. */
export const EDITOR_LEVELS = [...EDITOR_TELEMETRY_LEVELS].reverse();
/** Locales the fake editor can report as its display language ('' sends none: the document's lang decides). */
export const EDITOR_LOCALES = ['', 'en', 'de', 'de-CH', 'ja', 'ja-JP', 'qps-ploc', 'fr'] as const;

/** The editor's side of a panel story; each is a control in Storybook. */
export interface BackendArgs {
  /** The editor's telemetry setting. */
  enabled: boolean;
  /** The editor's own `telemetry.telemetryLevel`: what may be sent at all. */
  editorTelemetryLevel: EditorTelemetryLevel;
  /** A policy sets the setting: the switch is locked. */
  policyLock: boolean;
  /** A user is signed in: their login name and email go with the data. */
  signedIn: boolean;
  /** Milliseconds each message takes, both ways. */
  latency: number;
  /** The editor's next write (of either switch) fails: a read-only settings file. */
  failNextSave: boolean;
  /** The editor never answers. */
  neverAnswer: boolean;
  /** The protocol version the editor speaks (this page speaks 1). */
  hostProtocol: number;
  /** The webview was reloaded: it paints the editor's last confirmed state before it asks again. */
  reloaded: boolean;
  /** The editor offers `telemetry/events`: each data type can show what was sent. */
  offerEvents: boolean;
  /** The editor opens the privacy statement and "how telemetry works" links. */
  offerLinks: boolean;
  /** The separate consent for the account's login name and email. */
  accountSwitch: (typeof ACCOUNT_SWITCH)[number];
  /**
   * What last changed the setting: the history the editor's storage holds (`user`, `settings-file`), the policy's
   * arrival (`policy`, with the policy lock), or never set (`default`). Not reported: set in settings.json before
   * anything was recorded, so the editor knows neither who nor when.
   */
  changedBy: (typeof CHANGED_BY_CHOICES)[number];
  /** How long ago it changed, in minutes (with `changedBy`). */
  changedMinutesAgo: number;
  /** The editor's display language, sent as `state.locale`. */
  editorLocale: (typeof EDITOR_LOCALES)[number];
  /** Each category answers with 500 events instead of a few. */
  manyEvents: boolean;
  /** The editor's event log cannot be read: every events request gets the adapter's error. */
  failEvents: boolean;
  /**
   * The editor's telemetry goes through a consent gate, which the adapter reads: what was sent and its counts come
   * from the gate's sent log, and the panel can export it. Offers events too.
   */
  gate: boolean;
  /** With the gate: what its sent log holds (a few per data type, none, one event, 500 per data type, 20,000 of one). */
  sentLog: (typeof SENT_LOG_SEEDS)[number];
  /** With the gate: the extension host's environment sets DO_NOT_TRACK=1, so the gate sends nothing. */
  doNotTrack: boolean;
  /** With the gate: the telemetry notice is on screen and not answered yet, so the gate sends nothing. */
  noticePending: boolean;
  /** With the gate: what an export meets (the file written, the save dialog cancelled, the write failing). */
  exportOutcome: (typeof EXPORT_OUTCOMES)[number];
  /** The gate's clock stands at FROZEN_NOW: the times a list shows are the same on every run (for screenshots). */
  frozenClock: boolean;
}

/** Where a frozen clock stands. */
export const FROZEN_NOW = Date.parse('2026-03-02T10:00:00Z');

/** Defaults for the extension controls: an older host that offers none of them, so the panel looks as before. */
export const EXTENSION_DEFAULTS = {
  offerEvents: false,
  offerLinks: false,
  accountSwitch: 'not offered',
  changedBy: 'not reported',
  changedMinutesAgo: 5,
  editorLocale: '',
  manyEvents: false,
  failEvents: false,
  gate: false,
  sentLog: 'few',
  doNotTrack: false,
  noticePending: false,
  exportOutcome: 'written',
  frozenClock: false,
} satisfies Partial<BackendArgs>;

export const SIGNED_IN_ACCOUNT = DEMO_ACCOUNT;

const editors = new WeakMap<VsCodeApi, FakeEditor>();

/** The fake editor's knobs for a story's controls. */
function editorOptions(args: BackendArgs): FakeEditorOptions {
  const changedAt = new Date(Date.now() - args.changedMinutesAgo * 60_000);
  const { changedBy } = args;
  return {
    store: {
      // Never set, the default decides; otherwise the user's settings.json holds it.
      enabled: changedBy === 'default' ? undefined : args.enabled,
      accountLinked: args.accountSwitch === 'not offered' ? undefined : args.accountSwitch === 'linked',
      telemetryLevel: args.editorTelemetryLevel,
    },
    ...(changedBy === 'default' && { defaultEnabled: args.enabled }),
    ...((changedBy === 'user' || changedBy === 'settings-file') && { lastChange: { changedBy, changedAt } }),
    ...(changedBy === 'policy' && args.policyLock && { policySince: changedAt }),
    policy: args.policyLock,
    account: args.signedIn ? SIGNED_IN_ACCOUNT : null,
    latency: args.latency,
    silent: args.neverAnswer,
    protocol: args.hostProtocol,
    events: args.offerEvents,
    links: args.offerLinks,
    accountSwitch: args.accountSwitch !== 'not offered',
    language: args.editorLocale || undefined,
    manyEvents: args.manyEvents,
    failEvents: args.failEvents,
    gate: args.gate,
    sentLog: args.sentLog,
    doNotTrack: args.doNotTrack,
    // A fresh memento holds no answer: with the notice, it is on screen and pending.
    notice: args.noticePending,
    exportOutcome: args.exportOutcome,
    ...(args.frozenClock && { clock: () => FROZEN_NOW }),
  };
}

/** What the webview saved before a reload: the editor's last confirmed state, as the panel keeps it. */
function savedBeforeReload(args: BackendArgs): { csTelemetry: { rev: number; state: TelemetryState } } {
  return {
    csTelemetry: {
      rev: 1,
      state: {
        enabled: args.enabled,
        editorTelemetryEnabled: args.editorTelemetryLevel === 'all' || args.editorTelemetryLevel === 'error',
        editorTelemetryLevel: args.editorTelemetryLevel,
        managedBy: args.policyLock ? 'policy' : null,
        account: args.signedIn ? SIGNED_IN_ACCOUNT : null,
      },
    },
  };
}

/** A fresh fake editor for one render of a story, and the webview API its panel takes. */
export function createBackend(args: BackendArgs): { editor: FakeEditor; api: VsCodeApi } {
  const full = { ...EXTENSION_DEFAULTS, ...args };
  const editor = new FakeEditor(editorOptions(full));
  editor.onDidLog((entry) => {
    if (entry.kind === 'opened') action('telemetry/open')(entry.target ?? entry.url);
  });
  if (full.failNextSave) editor.failNextSave('The settings file is read-only.');
  const api = editor.openPanel(full.reloaded ? savedBeforeReload(full) : undefined);
  editors.set(api, editor);
  return { editor, api };
}

/** The fake editor a rendered panel talks to, for play functions. */
export function backendOf(panel: { vscodeApi?: VsCodeApi }): FakeEditor {
  const editor = panel.vscodeApi && editors.get(panel.vscodeApi);
  if (!editor) throw new Error('This panel has no story backend');
  return editor;
}
