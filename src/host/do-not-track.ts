/**
 * `DO_NOT_TRACK`: the convention many developer tools honour. Set to `1` or `true` in the extension host's
 * environment, the gate sends nothing, whatever the setting says, and the panel says why.
 */

/** The environment variable read. */
export const DO_NOT_TRACK_VARIABLE = 'DO_NOT_TRACK';

/** The part of an environment read: `process.env` by default. */
export type TelemetryEnvironment = Readonly<Record<string, string | undefined>>;

/** `process.env`, or none where there is no process (the adapter behind the demo page runs in a browser). */
const hostEnvironment = (): TelemetryEnvironment | undefined => (globalThis as { process?: { env?: TelemetryEnvironment } }).process?.env;

/** Whether `env` asks for nothing to be sent: `DO_NOT_TRACK` is `1` or `true` (any case, spaces around ignored). */
export function isDoNotTrack(env: TelemetryEnvironment | undefined = hostEnvironment()): boolean {
  const value = env?.[DO_NOT_TRACK_VARIABLE];
  if (typeof value !== 'string') return false;
  const word = value.trim().toLowerCase();
  return word === '1' || word === 'true';
}
