// Realistic telemetry events for the fake editors (the demo page's and Storybook's): a few per category, or many,
// oldest first, as a host's `telemetry/events` reply carries them.
import { MAX_EVENTS, TELEMETRY_CATEGORIES, type TelemetryCategory, type TelemetryEvent } from '../src/protocol/protocol.js';

type EventData = TelemetryEvent['data'];

const SAMPLES: Record<TelemetryCategory, [name: string, data: EventData][]> = {
  system: [
    ['system/session-start', { os: 'linux', arch: 'x64', editorVersion: '1.100.3', extensionVersion: '0.1.0', cpus: 8, memoryGb: 16 }],
    ['system/window-focus', { windows: 1, remote: false }],
    ['system/extension-activated', { activationMs: 212, startup: true }],
  ],
  'model-command': [
    ['model/command', { command: 'explain-selection', model: 'cs-large-2', durationMs: 1840, ok: true }],
    ['model/command', { command: 'generate-tests', model: 'cs-large-2', durationMs: 5230, ok: true }],
    ['model/command', { command: 'fix-diagnostic', model: 'cs-small-1', durationMs: 960, ok: false, error: 'timeout' }],
  ],
  tokens: [
    ['tokens/usage', { model: 'cs-large-2', promptTokens: 1834, completionTokens: 412 }],
    ['tokens/usage', { model: 'cs-large-2', promptTokens: 3120, completionTokens: 1288 }],
    ['tokens/usage', { model: 'cs-small-1', promptTokens: 402, completionTokens: 37 }],
  ],
  autocomplete: [
    ['autocomplete/shown', { language: 'typescript', suggestionLength: 42, latencyMs: 118 }],
    ['autocomplete/accepted', { language: 'typescript', suggestionLength: 42, partial: false }],
    ['autocomplete/dismissed', { language: 'python', suggestionLength: 17, reason: 'typed-over' }],
  ],
  account: [
    ['account/attached', { loginName: 'ada', email: 'ada@example.com', plan: 'team' }],
    ['account/token-refreshed', { loginName: 'ada', expiresInMinutes: 60 }],
  ],
};

/**
 * The recent events of one category: `count` of them (the samples repeated, clamped to MAX_EVENTS), one a minute up
 * to `now`, oldest first.
 */
export function demoEvents(category: TelemetryCategory, count = SAMPLES[category].length, now = Date.now()): TelemetryEvent[] {
  const samples = SAMPLES[category];
  const total = Math.min(count, MAX_EVENTS);
  return Array.from({ length: total }, (_, i) => {
    const [name, data] = samples[i % samples.length];
    return { time: new Date(now - (total - i) * 60_000).toISOString(), category, name, data: { ...data } };
  });
}

/** How many events the "many events" controls ask for: enough to show a long list stays fast. */
export const MANY_EVENTS = 500;

/** What the demo's sent log holds at start: a few per data type, nothing, one event, 500 per data type, or 20,000 of one. */
export const SENT_LOG_SEEDS = ['few', 'none', 'one', 'many', 'bulk'] as const;
export type SentLogSeed = (typeof SENT_LOG_SEEDS)[number];

/** How many events the bulk seed holds, all of one data type: enough to page through. */
export const BULK_EVENTS = 20_000;
/** The data type the one-event and bulk seeds are of. */
export const BULK_CATEGORY: TelemetryCategory = 'autocomplete';

const MINUTE = 60_000;

/** `count` events of `category`, the newest `first` ms before `now` and each older one `step` ms before the next, oldest first. */
function spaced(category: TelemetryCategory, count: number, first: number, step: number, now: number): TelemetryEvent[] {
  const samples = SAMPLES[category];
  return Array.from({ length: count }, (_, i) => {
    const [name, data] = samples[(count - 1 - i) % samples.length];
    return { time: new Date(now - first - (count - 1 - i) * step).toISOString(), category, name, data: { ...data } };
  });
}

/**
 * A sent log as the demo's gate keeps it, oldest first. The times sit well away from the 7-day line, so the counts
 * stay the same while a story runs: 'many' is one event every 4 hours per data type (42 of 500 in the last 7 days),
 * 'bulk' one every 6 minutes (1,680 of 20,000). `account`: whether the account's details were sent (signed in).
 */
export function demoSentLog(seed: SentLogSeed, { account = false, now = Date.now() }: { account?: boolean; now?: number } = {}): TelemetryEvent[] {
  const categories = TELEMETRY_CATEGORIES.filter((category) => account || category !== 'account');
  const log = (() => {
    switch (seed) {
      case 'none':
        return [];
      case 'one':
        return spaced(BULK_CATEGORY, 1, 60 * MINUTE, 0, now);
      case 'few':
        return categories.flatMap((category) => spaced(category, SAMPLES[category].length, MINUTE, MINUTE, now));
      case 'many':
        return categories.flatMap((category) => spaced(category, MANY_EVENTS, 60 * MINUTE, 240 * MINUTE, now));
      case 'bulk':
        return spaced(BULK_CATEGORY, BULK_EVENTS, MINUTE, 6 * MINUTE, now);
    }
  })();
  return log.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}
