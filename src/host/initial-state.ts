/**
 * The state embedded in the webview's HTML, so that the panel's first frame shows the setting's real value instead of
 * "Checking…" (docs/protocol.md, "The embedded first state"). Data, never script: a JSON data block that no CSP runs.
 */
import type * as vscode from 'vscode';
import { INITIAL_STATE_ELEMENT_ID } from '../protocol/protocol.js';
import { createLog, type Log } from './log.js';
import { ProviderTimeLimit } from './providers.js';
import { currentStateMessage } from './telemetry-host.js';

/** How long `initialStateHtml` waits for the adapter's state by default, in milliseconds. */
export const DEFAULT_INITIAL_STATE_TIMEOUT = 500;

export interface InitialStateOptions {
  /**
   * How long to wait for the state, in milliseconds (default 500): a slow provider (the account) would otherwise hold
   * up the page itself. Past it the page is built without a state and shows "Checking…" until its hello is answered.
   */
  timeout?: number;
  /** Where a timeout that is not a usable number of milliseconds, or a late state, is reported. Default `console.warn`. */
  log?: Log;
}

/**
 * JSON that cannot leave a `<script>` element's text: no `<` at all (so neither `</script>` nor `<!--`), no `>` or
 * `&`, and U+2028/U+2029 escaped too, for a reader that takes it as JavaScript. `JSON.parse` reads it back unchanged.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The element to put into the webview's HTML (anywhere in it) for the panel's first render: the state message the
 * adapter of `connection` (from `connectTelemetryHost`) would push now, with its instance and rev, as a
 * `<script type="application/json">` data block. Empty when no state came within `timeout` or the adapter is disposed:
 * the page then shows "Checking…" as without it. Never rejects.
 */
export async function initialStateHtml(connection: vscode.Disposable, options: InitialStateOptions = {}): Promise<string> {
  const log = createLog(options, 'telemetry-initial-state');
  const limit = new ProviderTimeLimit(options.timeout ?? DEFAULT_INITIAL_STATE_TIMEOUT, log);
  const outcome = await limit.call(() => currentStateMessage(connection));
  if (outcome.kind === 'timeout') log(`the state did not come within ${limit.ms} ms; the page is built without it`);
  if (outcome.kind !== 'value' || !outcome.value) return '';
  return `<script type="application/json" id="${INITIAL_STATE_ELEMENT_ID}">${jsonForScriptElement(outcome.value)}</script>`;
}
