// A real HTTP collector on 127.0.0.1 for the example extension's uploads (`codeStudio.demo.collectorUrl`), and what
// the e2e files that use it share: the sample events' names and each data type's title in the panel.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after } from 'node:test';
import { EXTENSION_ID } from './workbench.js';

/** What "Code Studio (demo): Send Sample Events" sends, in order, as VS Code names them. */
export const SAMPLE_NAMES = ['system/heartbeat', 'model-command/run', 'tokens/usage', 'autocomplete/feedback', 'account/session'].map(
  (name) => `${EXTENSION_ID}/${name}`,
);

/** The panel's title of each data type. */
export const TITLES = {
  system: 'System configurations',
  'model-command': 'Model and command',
  tokens: 'Token usage',
  autocomplete: 'Autocomplete feedback',
  account: 'Login name and email',
};

export const sleep = (ms) => new Promise((wait) => setTimeout(wait, ms));

/**
 * Starts a collector, closed after the file's tests: it records the events of every POST it accepts, in order;
 * `failures` answers that many POSTs with a 503; `posts` counts every request. Start it before `setUpWorkbench`, so
 * code-server starts with its address in settings.json.
 */
export async function startCollector() {
  const collector = {
    url: '',
    /** @type {{ name: string, category: string }[]} */
    received: [],
    posts: 0,
    failures: 0,
    /** Waits until the collector holds `count` events; returns them. */
    async expectReceived(count, timeout = 20_000) {
      const deadline = Date.now() + timeout;
      while (collector.received.length < count && Date.now() < deadline) await sleep(50);
      assert.equal(collector.received.length, count, `the collector should hold ${count} events:\n${collector.received.map((event) => event.name).join('\n')}`);
      return collector.received;
    },
  };
  const http = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      collector.posts++;
      if (request.method !== 'POST') return response.writeHead(405).end();
      if (collector.failures > 0) {
        collector.failures--;
        return response.writeHead(503).end();
      }
      collector.received.push(...JSON.parse(body));
      response.writeHead(204).end();
    });
  });
  await new Promise((listening) => http.listen(0, '127.0.0.1', listening));
  collector.url = `http://127.0.0.1:${http.address().port}/collect`;
  after(() => new Promise((closed) => http.close(closed)));
  return collector;
}
