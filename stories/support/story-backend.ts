// The fake editor backend behind the panel's stories: test/support/fake-host.ts, driven by story controls, plus the
// issue-6 extensions it does not answer itself (events, the account switch, links), handled here.
import { action } from 'storybook/actions';
import {
  CHANGED_BY,
  PROTOCOL_VERSION,
  isWebviewMessage,
  type ChangedBy,
  type HostMessage,
  type TelemetryState,
  type WebviewMessage,
} from '../../src/protocol/protocol.js';
import type { VsCodeApi } from '../../src/webview/vscode-api.js';
import { FakeHost, FakeVsCodeApi } from '../../test/support/fake-host.js';
import { MANY_EVENTS, demoEvents } from '../../dev/demo-events.js';

/** The host's account switch: not offered (an older host), or offered and on or off. */
export const ACCOUNT_SWITCH = ['not offered', 'linked', 'anonymous'] as const;
/** What last changed the setting, or nothing reported (an older host). */
export const CHANGED_BY_CHOICES = ['not reported', ...CHANGED_BY] as const;
/** Locales the fake editor can report as its display language ('' sends none: the document's lang decides). */
export const EDITOR_LOCALES = ['', 'en', 'de', 'de-CH', 'ja', 'ja-JP', 'qps-ploc', 'fr'] as const;

/** The editor's side of a panel story; each is a control in Storybook. */
export interface BackendArgs {
  /** The editor's telemetry setting. */
  enabled: boolean;
  /** The editor-wide telemetry (`telemetry.telemetryLevel`) is on. */
  editorTelemetryEnabled: boolean;
  /** A policy sets the setting: the switch is locked. */
  policyLock: boolean;
  /** A user is signed in: their login name and email go with the data. */
  signedIn: boolean;
  /** Milliseconds before the editor answers. */
  latency: number;
  /** The editor refuses the next save (of either switch). */
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
  /** What last changed the setting. */
  changedBy: (typeof CHANGED_BY_CHOICES)[number];
  /** How long ago it changed, in minutes (with `changedBy`). */
  changedMinutesAgo: number;
  /** The editor's display language, sent as `state.locale`. */
  editorLocale: (typeof EDITOR_LOCALES)[number];
  /** Each category answers with 500 events instead of a few. */
  manyEvents: boolean;
  /** The editor answers every events request with an error. */
  failEvents: boolean;
}

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
} satisfies Partial<BackendArgs>;

export const SIGNED_IN_ACCOUNT = { loginName: 'ada', email: 'ada@example.com' };

/** What a story's fake editor did that has no visible reply: links it was asked to open. */
export interface StoryBackend {
  host: FakeHost;
  /** Every `telemetry/open` target, in order; the story never navigates. */
  opened: string[];
}

const backends = new WeakMap<VsCodeApi, StoryBackend>();

function extensionState(args: BackendArgs): Partial<TelemetryState> {
  const state: Partial<TelemetryState> = {
    offers: [...(args.offerEvents ? ['events'] : []), ...(args.offerLinks ? ['privacy-statement', 'how-telemetry-works'] : [])],
  };
  if (args.accountSwitch !== 'not offered') state.accountLinked = args.accountSwitch === 'linked';
  if (args.changedBy !== 'not reported') {
    state.changedBy = args.changedBy as ChangedBy;
    state.changedAt = new Date(Date.now() - args.changedMinutesAgo * 60_000).toISOString();
  }
  if (args.editorLocale) state.locale = args.editorLocale;
  return state;
}

/** A fresh fake editor for one render of a story. */
export function createBackend(args: BackendArgs): FakeHost {
  const state = {
    enabled: args.enabled,
    editorTelemetryEnabled: args.editorTelemetryEnabled,
    managedBy: args.policyLock ? ('policy' as const) : null,
    account: args.signedIn ? SIGNED_IN_ACCOUNT : null,
    ...extensionState({ ...EXTENSION_DEFAULTS, ...args }),
  };
  const api = new FakeVsCodeApi(args.reloaded ? { csTelemetry: { rev: 1, state } } : undefined);
  const host = new FakeHost({ ...state, api, delay: args.latency, protocol: args.hostProtocol });
  host.silent = args.neverAnswer;
  const backend: StoryBackend = { host, opened: [] };
  let failNextSave = args.failNextSave;
  const answerLater = (message: HostMessage) =>
    setTimeout(() => {
      if (!host.silent) host.deliver(message);
    }, args.latency);
  const error = (inReplyTo: string, code: string, message: string): HostMessage => ({
    type: 'telemetry/error',
    protocol: PROTOCOL_VERSION,
    inReplyTo,
    code,
    message,
  });

  // The extensions' requests are answered here; the base protocol goes on to the FakeHost.
  const answerBase = api.onPost;
  api.onPost = (message) => {
    if (!isWebviewMessage(message) || host.silent) return answerBase?.(message);
    const request: WebviewMessage = message;
    if (request.type === 'telemetry/open') {
      backend.opened.push(request.target);
      action('telemetry/open')(request.target);
      return undefined;
    }
    if (request.type === 'telemetry/events') {
      host.received.push(request);
      if (args.failEvents) return answerLater(error(request.id, 'events-unavailable', 'The event log could not be read.'));
      // Account details are sent only while signed in and, when the switch is offered, while it is on.
      const none = request.category === 'account' && (!args.signedIn || host.state.accountLinked === false);
      const events = none ? [] : demoEvents(request.category, args.manyEvents ? MANY_EVENTS : undefined);
      return answerLater({ type: 'telemetry/events', protocol: PROTOCOL_VERSION, inReplyTo: request.id, events });
    }
    if (request.type === 'telemetry/set' && (failNextSave || request.accountLinked !== undefined)) {
      host.received.push(request);
      if (host.state.managedBy) return answerLater(error(request.id, 'locked', 'This setting is managed by your organization.'));
      if (failNextSave) {
        failNextSave = false;
        return answerLater(error(request.id, 'write-failed', 'The settings file is read-only.'));
      }
      // The account switch has no history of its own: the line under the main switch is about the main setting.
      if (request.accountLinked !== host.state.accountLinked) {
        host.change({ accountLinked: request.accountLinked, changedAt: host.state.changedAt });
      }
      return answerLater(host.stateMessage(request.id));
    }
    return answerBase?.(message);
  };
  // A set the FakeHost applies was made from this page: say so, as a real host would.
  const answerSet = host.answer.bind(host);
  host.answer = (request) => {
    const before = host.rev;
    const answer = answerSet(request);
    if (request.type !== 'telemetry/set' || host.rev === before) return answer;
    host.state = { ...host.state, changedBy: 'user' };
    return host.stateMessage(request.id);
  };
  backends.set(api, backend);
  return host;
}

/** The fake editor a rendered panel talks to, for play functions. */
export function backendOf(panel: { vscodeApi?: VsCodeApi }): FakeHost {
  return storyBackendOf(panel).host;
}

/** The fake editor and what it recorded, for play functions. */
export function storyBackendOf(panel: { vscodeApi?: VsCodeApi }): StoryBackend {
  const backend = panel.vscodeApi && backends.get(panel.vscodeApi);
  if (!backend) throw new Error('This panel has no story backend');
  return backend;
}
