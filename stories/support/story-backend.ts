// The fake editor backend behind the panel's stories: test/support/fake-host.ts, driven by story controls.
import type { VsCodeApi } from '../../src/bridge/vscode-api.js';
import { FakeHost, FakeVsCodeApi } from '../../test/support/fake-host.js';

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
  /** The editor refuses the next save. */
  failNextSave: boolean;
  /** The editor never answers. */
  neverAnswer: boolean;
  /** The protocol version the editor speaks (this page speaks 1). */
  hostProtocol: number;
  /** The webview was reloaded: it paints the editor's last confirmed state before it asks again. */
  reloaded: boolean;
}

export const SIGNED_IN_ACCOUNT = { loginName: 'ada', email: 'ada@example.com' };

const backends = new WeakMap<VsCodeApi, FakeHost>();

/** A fresh fake editor for one render of a story. */
export function createBackend(args: BackendArgs): FakeHost {
  const state = {
    enabled: args.enabled,
    editorTelemetryEnabled: args.editorTelemetryEnabled,
    managedBy: args.policyLock ? ('policy' as const) : null,
    account: args.signedIn ? SIGNED_IN_ACCOUNT : null,
  };
  const api = new FakeVsCodeApi(args.reloaded ? { csTelemetry: { rev: 1, state } } : undefined);
  const host = new FakeHost({ ...state, api, delay: args.latency, protocol: args.hostProtocol });
  host.silent = args.neverAnswer;
  if (args.failNextSave) host.failNextSave('write-failed', 'The settings file is read-only.');
  backends.set(api, host);
  return host;
}

/** The fake editor a rendered panel talks to, for play functions. */
export function backendOf(panel: { vscodeApi?: VsCodeApi }): FakeHost {
  const host = panel.vscodeApi && backends.get(panel.vscodeApi);
  if (!host) throw new Error('This panel has no story backend');
  return host;
}
