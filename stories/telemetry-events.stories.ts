// The events list ("Show what was sent") in each of its designed states. Not in the visual baselines: the times it
// shows are formatted in the machine's own timezone.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { str } from '@lit/localize';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/components/telemetry-events/define.js';
import type { TelemetryEvent } from '../src/protocol/protocol.js';
import { EVENTS_FIRST_CHUNK, type TelemetryEventsStatus } from '../src/components/telemetry-events/telemetry-events.js';
import { MANY_EVENTS, demoEvents } from '../dev/demo-events.js';
import { EventsHarness } from '../dev/harness/events-harness.js';
import { localized } from '../dev/harness/localized.js';

interface EventsArgs {
  status: TelemetryEventsStatus;
  events: readonly TelemetryEvent[];
  message: string;
  label: string;
  onRetry: (event: Event) => void;
}

/** A fixed "now" for the sample events, so each story shows the same events on every run. */
const NOW = Date.parse('2026-03-02T10:00:00Z');

/** A field value that would run script if it were ever parsed as HTML. */
const HOSTILE = '<img src=x onerror=alert(1)>';

const FEW_EVENTS: readonly TelemetryEvent[] = [
  ...demoEvents('tokens', 3, NOW),
  { time: new Date(NOW).toISOString(), category: 'tokens', name: 'tokens/usage', data: { model: HOSTILE, promptTokens: 12, cached: true, region: null } },
];

const meta = {
  title: 'Telemetry settings/Events',
  component: 'cs-telemetry-events',
  args: { status: 'ready', events: FEW_EVENTS, message: '', label: 'Token usage: events sent', onRetry: fn() },
  argTypes: {
    status: { control: 'select', options: ['loading', 'ready', 'error', 'off'] },
    message: { control: 'text', description: "For `error`: the host's own words, shown after the panel's." },
    label: { control: 'text' },
    events: { control: 'object' },
  },
  render: ({ status, events, message, label, onRetry }) =>
    html`<cs-telemetry-events status=${status} .events=${events} message=${message} label=${label} @cs-events-retry=${onRetry}></cs-telemetry-events>`,
} satisfies Meta<EventsArgs>;

export default meta;

type Story = StoryObj<EventsArgs>;

// The play functions read the list through its harness and expect the words of the locale shown.
const listIn = (canvas: HTMLElement) => new EventsHarness(canvas.querySelector('cs-telemetry-events')!);
const statusLine = (canvas: HTMLElement) => listIn(canvas).statusText;
const rows = (canvas: HTMLElement) => listIn(canvas).rows;
const eventsCount = (count: number) => localized(str`${count} events sent recently, newest first.`, 'events.count');

export const Loading: Story = {
  args: { status: 'loading', events: [] },
  play: async ({ canvasElement }) => {
    await expect(statusLine(canvasElement)).toBe(localized('Loading recent events…', 'events.loading'));
    await expect(listIn(canvasElement).statusLine).toHaveAttribute('role', 'status');
    await expect(rows(canvasElement)).toHaveLength(0);
  },
};

export const Empty: Story = {
  args: { events: [] },
  play: async ({ canvasElement }) => {
    await expect(statusLine(canvasElement)).toBe(localized('Nothing of this kind was sent recently.', 'events.empty'));
    await expect(listIn(canvasElement).list).toBeNull();
  },
};

/** Telemetry is off: the list says so, and shows no events even if it has some. */
export const Off: Story = {
  args: { status: 'off' },
  play: async ({ canvasElement }) => {
    await expect(statusLine(canvasElement)).toBe(localized('Telemetry is off, so nothing is sent.', 'events.off'));
    await expect(rows(canvasElement)).toHaveLength(0);
    await expect(listIn(canvasElement).retryButton).toBeNull();
  },
};

/** The host could not read its log: the panel's words, then the host's, and a Retry that asks again. */
export const ErrorWithRetry: Story = {
  name: 'Error',
  args: { status: 'error', events: [], message: 'The event log could not be read.' },
  play: async ({ canvasElement, args }) => {
    await expect(statusLine(canvasElement)).toBe(`${localized('Could not load the events.', 'events.error')} The event log could not be read.`);
    const retry = listIn(canvasElement).retryButton!;
    await expect(retry).toHaveTextContent(localized('Retry', 'events.retry'));
    await expect(args.onRetry).not.toHaveBeenCalled();
    await userEvent.click(retry);
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

/** A few events, newest first: time, name and every field as text; a field holding markup shows as that markup. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    await expect(statusLine(canvasElement)).toBe(eventsCount(4));
    await expect(listIn(canvasElement).section).toHaveAccessibleName('Token usage: events sent');
    const [newest, , , oldest] = rows(canvasElement);
    await expect(rows(canvasElement)).toHaveLength(4);
    // The time element carries the exact instant; its words are in the reader's own timezone.
    await expect(newest.querySelector('time')).toHaveAttribute('datetime', '2026-03-02T10:00:00.000Z');
    await expect(oldest.querySelector('time')).toHaveAttribute('datetime', '2026-03-02T09:57:00.000Z');
    await expect(newest.querySelector('.name')).toHaveTextContent('tokens/usage');
    const fields = [...newest.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]);
    await expect(fields).toEqual([
      ['model', HOSTILE],
      ['promptTokens', '12'],
      ['cached', 'true'],
      ['region', 'null'],
    ]);
    // Shown as literal text: no element was made from it.
    await expect(listIn(canvasElement).root.querySelector('img')).toBeNull();
    await expect(oldest.textContent).toContain('completionTokens');
  },
};

/** 500 events: the first rows at once, the rest a chunk per animation frame, until every one is in. */
export const LongList: Story = {
  args: { events: demoEvents('tokens', MANY_EVENTS, NOW) },
  play: async ({ canvasElement }) => {
    await expect(statusLine(canvasElement)).toBe(eventsCount(MANY_EVENTS));
    // A list arriving anew: its first update holds only the first rows, before any frame has passed.
    const list = canvasElement.querySelector('cs-telemetry-events')!;
    list.events = [...list.events];
    await list.updateComplete;
    await expect(rows(canvasElement)).toHaveLength(EVENTS_FIRST_CHUNK);
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(MANY_EVENTS), { timeout: 10_000 });
    const all = rows(canvasElement);
    await expect(all[0].querySelector('time')).toHaveAttribute('datetime', new Date(NOW - 60_000).toISOString());
    await expect(all[MANY_EVENTS - 1].querySelector('time')).toHaveAttribute('datetime', new Date(NOW - MANY_EVENTS * 60_000).toISOString());
  },
};
