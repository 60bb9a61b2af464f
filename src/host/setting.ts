/**
 * The setting in the editor's configuration: read as telemetry code must read it, written where the panel writes,
 * and, when a write changed nothing, the scope that still decides.
 */
import type * as vscode from 'vscode';
import type { SettingScope } from '../protocol/protocol.js';
import { describe, type Log } from './log.js';
import type { TelemetryHostVsCode } from './options.js';

export const DEFAULT_SECTION = 'codeStudio.telemetry';
export const DEFAULT_KEY = 'allowAnonymousTelemetry';

/** The words of an `overridden` error, by the scope whose value still decides the setting after a write. */
export const OVERRIDDEN_MESSAGES = {
  workspace: 'Saved, but a workspace setting overrides it, so nothing changed here. Change it in the workspace settings.',
  workspaceFolder:
    'Saved, but a workspace folder setting overrides it, so nothing changed here. Change it in the folder settings.',
  other: 'Saved, but another setting overrides it, so nothing changed here.',
} as const;


/**
 * The scope whose settings.json holds a value of the setting that is not true or false (a hand-edited `"false"`), the
 * most specific first; undefined when every value is a boolean or absent.
 */
export function invalidSettingScope(
  configuration: Pick<vscode.WorkspaceConfiguration, 'get' | 'inspect'>,
  key: string = DEFAULT_KEY,
): SettingScope | undefined {
  const inspected = configuration.inspect<unknown>(key);
  const scopes: [SettingScope, unknown][] = [
    ['workspaceFolder', inspected?.workspaceFolderValue],
    ['workspace', inspected?.workspaceValue],
    ['user', inspected?.globalValue],
  ];
  return scopes.find(([, value]) => value !== undefined && typeof value !== 'boolean')?.[0];
}

/**
 * The value of the setting as telemetry code must read it: a value that is not true or false in any scope (a
 * hand-edited settings.json) counts as off, fail closed; nothing set counts as the default, and a missing default as
 * on, as the product ships. Use it wherever telemetry is sent so that the panel and the sender never disagree.
 */
export function readTelemetrySetting(
  configuration: Pick<vscode.WorkspaceConfiguration, 'get' | 'inspect'>,
  key: string = DEFAULT_KEY,
): boolean {
  const value = configuration.get<unknown>(key);
  if (value !== undefined && typeof value !== 'boolean') return false;
  if (invalidSettingScope(configuration, key)) return false;
  if (typeof value === 'boolean') return value;
  const fallback = configuration.inspect<unknown>(key)?.defaultValue;
  return typeof fallback === 'boolean' ? fallback : true;
}

export class TelemetrySetting {
  /** `section.key`, as configuration events name it. */
  readonly fullKey: string;
  readonly #api: TelemetryHostVsCode;
  readonly #section: string;
  readonly #key: string;
  readonly #target: vscode.ConfigurationTarget;
  readonly #log: Log;

  constructor(api: TelemetryHostVsCode, section: string, key: string, target: vscode.ConfigurationTarget, log: Log) {
    this.fullKey = `${section}.${key}`;
    this.#api = api;
    this.#section = section;
    this.#key = key;
    this.#target = target;
    this.#log = log;
  }

  read(): boolean {
    return readTelemetrySetting(this.#configuration(), this.#key);
  }

  /** The scope holding a value that is not true or false, which makes the setting read as off. */
  invalidScope(): SettingScope | undefined {
    try {
      return invalidSettingScope(this.#configuration(), this.#key);
    } catch (error) {
      this.#log(`could not inspect the setting: ${describe(error)}`);
      return undefined;
    }
  }

  /** Writes `value` to the target scope; a throw and a rejection alike mean it failed. */
  async write(value: boolean): Promise<void> {
    await this.#configuration().update(this.#key, value, this.#target);
  }

  /** Whether settings.json holds a value of the setting in any scope, the user's, the workspace's or a folder's. */
  isSetInSettings(): boolean {
    const inspected = this.#configuration().inspect<unknown>(this.#key);
    return [inspected?.globalValue, inspected?.workspaceValue, inspected?.workspaceFolderValue].some(
      (value) => value !== undefined,
    );
  }

  /** The scope whose value still decides the setting over the target's, after a write there did not change it. */
  overridingScope(): keyof typeof OVERRIDDEN_MESSAGES {
    try {
      const inspected = this.#configuration().inspect<unknown>(this.#key);
      const { Workspace, WorkspaceFolder } = this.#api.ConfigurationTarget;
      const target = this.#target;
      if (target !== WorkspaceFolder && inspected?.workspaceFolderValue !== undefined) return 'workspaceFolder';
      if (target !== WorkspaceFolder && target !== Workspace && inspected?.workspaceValue !== undefined) return 'workspace';
    } catch (error) {
      this.#log(`could not inspect the setting: ${describe(error)}`);
    }
    // A language-specific value, say: something decides, but not a scope the user can be pointed to.
    return 'other';
  }

  #configuration() {
    return this.#api.workspace.getConfiguration(this.#section);
  }
}
