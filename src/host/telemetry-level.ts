/**
 * The editor's telemetry level as the extension host can know it, and what each level lets through. Shared by the
 * adapter (what the panel says) and the gate (what is sent), so that the two never disagree.
 */
import { EDITOR_TELEMETRY_LEVELS, levelAllows, type EditorTelemetryLevel } from '../protocol/protocol.js';
import type { TelemetryHostVsCode } from './options.js';

// One list and one rule for the wire, the host and the panel: the state carries the level this module reads, and the
// panel's badge says what `levelAllows` lets through.
export { EDITOR_TELEMETRY_LEVELS, levelAllows, type EditorTelemetryLevel };

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
