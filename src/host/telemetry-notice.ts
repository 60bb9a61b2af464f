/**
 * The notice before the first event: on the first activation where the user has not answered it, a notification
 * says that Code Studio collects anonymous usage data, with the buttons Turn Off and Open Telemetry Settings. The
 * answer is kept in a memento; a gate given the same memento (`notice`) uploads nothing until it is there.
 */
import type * as vscode from 'vscode';
import { isDoNotTrack, type TelemetryEnvironment } from './do-not-track.js';
import { createLog, describe } from './log.js';
import { DEFAULT_KEY, DEFAULT_SECTION, readTelemetrySetting } from './setting.js';

/** The memento key of the answer: `{ answer, at }`. */
export const NOTICE_KEY = 'codeStudio.telemetry.noticeAnswer';

/** The notification's words: the product's own about what is collected, and what never is. */
export const NOTICE_MESSAGE =
  'Code Studio collects anonymous usage data to improve product quality and user experience. Your code, prompts and files are never collected.';
export const NOTICE_TURN_OFF = 'Turn Off';
export const NOTICE_OPEN_SETTINGS = 'Open Telemetry Settings';

/** How the notice was answered: a button, or closed without one. */
export type TelemetryNoticeAnswer = 'turn-off' | 'open-settings' | 'closed';

/** Where the answer is kept: pass `context.globalState`. */
export type TelemetryNoticeStore = Pick<vscode.Memento, 'get' | 'update'>;

export interface TelemetryNoticeOptions {
  vscode: {
    window: Pick<typeof vscode.window, 'showInformationMessage'> & Partial<Pick<typeof vscode.window, 'showErrorMessage'>>;
    workspace: Pick<typeof vscode.workspace, 'getConfiguration'>;
    ConfigurationTarget: Pick<typeof vscode.ConfigurationTarget, 'Global'>;
  };
  /** Where the answer is kept across restarts: `context.globalState`, the same memento as the gate's `notice`. */
  memento: TelemetryNoticeStore;
  /** Opens the telemetry panel (Open Telemetry Settings). */
  openSettings: () => unknown;
  /** The gate the editor's telemetry goes through: told at once when the notice is answered. */
  gate?: { noticeAnswered?: () => void; readonly doNotTrack?: boolean };
  /** The environment read for `DO_NOT_TRACK` without a gate. Default `process.env`. */
  env?: TelemetryEnvironment;
  /** The setting Turn Off writes off, as the panel's: default `codeStudio.telemetry` and `allowAnonymousTelemetry`. */
  section?: string;
  key?: string;
  log?: (message: string) => void;
  now?: () => Date;
}

/** Whether the notice kept in `memento` has been answered (or closed). */
export function isNoticeAnswered(memento: Pick<vscode.Memento, 'get'>): boolean {
  const kept: unknown = memento.get(NOTICE_KEY);
  return typeof kept === 'object' && kept !== null && typeof (kept as { answer?: unknown }).answer === 'string';
}

/** The notice on screen, per memento: a second call while it is shown waits for the same answer. */
const showing = new WeakMap<object, Promise<TelemetryNoticeAnswer | undefined>>();

/**
 * Shows the notice unless it was answered before, or `DO_NOT_TRACK` is set (then resolves undefined at once). Resolves with the answer once it
 * is kept. Turn Off writes the setting off first (the gate then purges what waits); if that write fails, the user is
 * told, nothing is kept, and the gate goes on holding.
 */
export function showTelemetryNotice(options: TelemetryNoticeOptions): Promise<TelemetryNoticeAnswer | undefined> {
  const { memento } = options;
  if (isNoticeAnswered(memento)) return Promise.resolve(undefined);
  // Under DO_NOT_TRACK nothing is collected, so the notice would not be true: it waits for an activation without it.
  if (options.gate?.doNotTrack ?? isDoNotTrack(options.env)) return Promise.resolve(undefined);
  const shown = showing.get(memento);
  if (shown) return shown;
  const answer = ask(options).finally(() => showing.delete(memento));
  showing.set(memento, answer);
  return answer;
}

async function ask(options: TelemetryNoticeOptions): Promise<TelemetryNoticeAnswer | undefined> {
  const { vscode: api, memento } = options;
  const log = createLog(options, 'telemetry-notice');
  const section = options.section ?? DEFAULT_SECTION;
  const key = options.key ?? DEFAULT_KEY;
  const chosen = await api.window.showInformationMessage(NOTICE_MESSAGE, NOTICE_TURN_OFF, NOTICE_OPEN_SETTINGS);
  const answer: TelemetryNoticeAnswer = chosen === NOTICE_TURN_OFF ? 'turn-off' : chosen === NOTICE_OPEN_SETTINGS ? 'open-settings' : 'closed';
  if (answer === 'turn-off') {
    try {
      await api.workspace.getConfiguration(section).update(key, false, api.ConfigurationTarget.Global);
      // A workspace value may still decide: then telemetry is not off, and the notice is not answered.
      if (readTelemetrySetting(api.workspace.getConfiguration(section), key)) throw new Error('another settings.json still turns it on');
    } catch (error) {
      log(`could not turn telemetry off from the notice: ${describe(error)}`);
      void api.window.showErrorMessage?.(`Could not turn telemetry off: ${describe(error)}. Code Studio sends nothing until you answer its notice.`);
      return undefined;
    }
  }
  await memento.update(NOTICE_KEY, { answer, at: (options.now?.() ?? new Date()).toISOString() });
  try {
    options.gate?.noticeAnswered?.();
  } catch (error) {
    log(`could not tell the gate that the notice was answered: ${describe(error)}`);
  }
  if (answer === 'open-settings') {
    try {
      await options.openSettings();
    } catch (error) {
      log(`could not open the telemetry settings: ${describe(error)}`);
    }
  }
  return answer;
}
