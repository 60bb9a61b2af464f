/**
 * How the host side (the adapter and the panels) reports what it could not do: a log that never throws into the
 * extension host, and work started without waiting whose failure is logged.
 */

export type Log = (message: string) => void;

/**
 * The log of `owner.log` (read at each call, as the caller left it), or `console.warn` under `[prefix]`. A log that
 * throws is ignored: a closed output channel must not stop the extension.
 */
export function createLog(owner: { readonly log?: Log }, prefix: string): Log {
  return (message) => {
    try {
      (owner.log ?? ((text: string) => console.warn(`[${prefix}] ${text}`)))(message);
    } catch {
      // Nowhere left to report it.
    }
  };
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Starts `work` without waiting for it; a throw and a rejection are logged alike. */
export function startAndLog(log: Log, work: () => unknown, what: string): void {
  const failed = (error: unknown) => log(`could not ${what}: ${describe(error)}`);
  try {
    Promise.resolve(work()).catch(failed);
  } catch (error) {
    failed(error);
  }
}
