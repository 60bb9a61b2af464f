/**
 * Calls into the caller's providers (`account`, `accountLinked`, `events`) within a time limit: past it the answer is
 * given up on, so a provider that hangs holds up nothing.
 */
import type { Log } from './log.js';

/** How long the adapter waits for a provider (`account`, `accountLinked`, `events`) by default, in milliseconds. */
export const DEFAULT_PROVIDER_TIMEOUT = 2000;

/** What a call into a provider came to within its time limit. */
export type ProviderOutcome<T> = { kind: 'value'; value: T } | { kind: 'error'; error: unknown } | { kind: 'timeout' };

export class ProviderTimeLimit {
  /** The limit in milliseconds: the `providerTimeout` option when it is a usable one, else the default (logged). */
  readonly ms: number;

  constructor(value: unknown, log: Log) {
    // setTimeout fires at once past 2^31 - 1 ms, so that is the longest wait there is.
    if (value === undefined || (typeof value === 'number' && value > 0 && value <= 2 ** 31 - 1)) {
      this.ms = value ?? DEFAULT_PROVIDER_TIMEOUT;
    } else {
      log(`ignored providerTimeout ${String(value).slice(0, 40)}: not a number of milliseconds from 1 to 2^31 - 1`);
      this.ms = DEFAULT_PROVIDER_TIMEOUT;
    }
  }

  /** Calls a provider; past the limit its answer is given up on (a late one is ignored, a late throw too). */
  call<T>(call: () => T | Thenable<T>): Promise<ProviderOutcome<T>> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ kind: 'timeout' }), this.ms);
      const settle = (outcome: ProviderOutcome<T>) => {
        clearTimeout(timer);
        resolve(outcome);
      };
      try {
        Promise.resolve(call()).then(
          (value) => settle({ kind: 'value', value }),
          (error: unknown) => settle({ kind: 'error', error }),
        );
      } catch (error) {
        settle({ kind: 'error', error });
      }
    });
  }
}
