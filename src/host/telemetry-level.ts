/**
 * The editor's telemetry level as the extension host can know it, and what each level lets through. Shared by the
 * adapter (what the panel says) and the gate (what is sent), so that the two never disagree.
 */
import { EDITOR_TELEMETRY_LEVELS, type EditorTelemetryLevel } from '../protocol/protocol.js';
import type { TelemetryHostVsCode } from './options.js';

// One list for the wire and the host: the state carries the level this module reads.
export { EDITOR_TELEMETRY_LEVELS, type EditorTelemetryLevel };

const rank = (level: EditorTelemetryLevel) => EDITOR_TELEMETRY_LEVELS.indexOf(level);

/**
 * The level, read live: `telemetry.telemetryLevel` (a value VS Code does not know counts as its default, `all`),
 * capped by `env.isTelemetryEnabled`, which is true only at `all`. A level setting of `all` while the editor says
 * telemetry is disabled (a `--disable-telemetry` start, a product without telemetry) cannot be told apart from a
 * change on its way, so it counts as `off`: fail closed. The legacy `telemetry.enableTelemetry: false` means `off`.
 */
export function readEditorTelemetryLevel(api: Pick<TelemetryHostVsCode, 'workspace' | 'env'>): EditorTelemetryLevel {
  let configured: EditorTelemetryLevel = 'all';
  try {
    const telemetry = api.workspace.getConfiguration('telemetry');
    const value = telemetry.get<unknown>('telemetryLevel');
    if (value === 'error' || value === 'crash' || value === 'off') configured = value;
    if (telemetry.get<unknown>('enableTelemetry') === false) configured = 'off';
  } catch {
    return 'off';
  }
  if (api.env.isTelemetryEnabled) return configured;
  return configured === 'all' ? 'off' : configured;
}

/** Whether data of a kind may leave at `level`: usage needs `all`; error reports need `error` or `all`. */
export function levelAllows(level: EditorTelemetryLevel, kind: 'usage' | 'error'): boolean {
  return rank(level) >= rank(kind === 'usage' ? 'all' : 'error');
}
