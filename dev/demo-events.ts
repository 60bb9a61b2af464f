// Realistic telemetry events for the fake editors (the demo page's and Storybook's): a few per category, or many,
// oldest first, as a host's `telemetry/events` reply carries them.
import { MAX_EVENTS, type TelemetryCategory, type TelemetryEvent } from '../src/protocol/protocol.js';

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
