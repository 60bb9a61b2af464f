// What the outbox tests share: a collector in memory, folders that are removed after the run, the data types.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

export const ADA = { loginName: 'ada-lovelace', email: 'ada@example.com' };
export const DATA_TYPES = {
  system: { fields: ['os', 'seq'] },
  'model-command': { fields: ['model', 'command', 'seq', 'error.message', 'error.stack'] },
  tokens: { fields: ['prompt', 'completion', 'seq'] },
  autocomplete: { fields: ['accepted', 'seq'] },
  account: { fields: ['signedIn', 'loginName', 'email', 'seq'] },
};

const folders = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
export function newFolder() {
  const folder = mkdtempSync(join(tmpdir(), 'cs-outbox-'));
  folders.push(folder);
  return folder;
}

/**
 * A collector in memory: `received` holds what it accepted, in order. `failures` rejects that many uploads; `mode`
 * 'hang' answers only when asked to stop (then rejects), 'void' never answers at all.
 */
export function createCollector() {
  const collector = {
    received: [],
    calls: 0,
    failures: 0,
    mode: 'ok',
    upload(events, { signal }) {
      collector.calls++;
      if (collector.failures > 0) {
        collector.failures--;
        return Promise.reject(new Error('503 from the collector'));
      }
      if (collector.mode === 'void') return new Promise(() => {});
      if (collector.mode === 'hang') {
        return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
      }
      collector.received.push(...JSON.parse(JSON.stringify(events)));
      return Promise.resolve();
    },
  };
  return collector;
}

