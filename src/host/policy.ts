/**
 * Who manages the setting, read fail-closed: when it cannot be read, the state claims no policy and every set is
 * refused, so a policy that does exist is never overridden.
 */
import { LOCKED_MESSAGES } from '../protocol/locked-messages.js';
import type { ManagedBy } from '../protocol/protocol.js';
import { describe, type Log } from './log.js';
import type { TelemetryHostOptions } from './options.js';

export const DEFAULT_LOCKED_MESSAGE = LOCKED_MESSAGES.policy;

/** Who manages the setting; `readable` false when that could not be read, and then every set is refused. */
export function readManagedBy(
  option: TelemetryHostOptions['managedBy'],
  log: Log,
): { managedBy: ManagedBy | null; readable: boolean } {
  try {
    const value: unknown = typeof option === 'function' ? option() : option;
    if (value === 'policy') return { managedBy: value, readable: true };
    if (value === null || value === undefined) return { managedBy: null, readable: true };
    log(`who manages the setting read as ${typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value}, not "policy" or null`);
  } catch (error) {
    log(`could not read who manages the setting: ${describe(error)}`);
  }
  // Do not claim a policy that may not exist; the refusal of sets is what keeps one that does.
  return { managedBy: null, readable: false };
}
