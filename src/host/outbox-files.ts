/// <reference types="node" />
/**
 * The few file operations the outbox and the sent log need, synchronous on purpose: a purge must be on disk before the
 * call that asked for it returns, and an extension host that dies a moment later must find the files whole.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

let temporary = 0;

/** Writes `text` to `file` whole or not at all: a temporary file, then a rename over it. */
export function writeWhole(file: string, text: string): void {
  const part = `${file}.${process.pid}.${++temporary}.part`;
  writeFileSync(part, text);
  renameSync(part, file);
}

/** The text of `file`, or '' when it does not exist. */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

export function appendText(file: string, text: string): void {
  appendFileSync(file, text);
}

export function remove(file: string): void {
  rmSync(file, { force: true });
}

/** Size and modification time of `file`, or undefined when it does not exist: enough to tell that it changed. */
export function fileStamp(file: string): string | undefined {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * Moves `file` aside under a name of its own and returns that name, or undefined when there was no file: once moved,
 * no other gate on the folder (one of another editor process) can take the same lines.
 */
export function takeAside(file: string, as: string): string | undefined {
  try {
    renameSync(file, as);
    return as;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The lines of a JSON-lines text, parsed; a line that is not JSON (a write cut short) is counted, not thrown. */
export function parseLines(text: string): { values: unknown[]; malformed: number } {
  const values: unknown[] = [];
  let malformed = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      values.push(JSON.parse(line));
    } catch {
      malformed++;
    }
  }
  return { values, malformed };
}

export const toLines = (values: readonly unknown[]): string => values.map((value) => `${JSON.stringify(value)}\n`).join('');

export function ensureFolder(folder: string): void {
  mkdirSync(folder, { recursive: true });
}

export { join };
