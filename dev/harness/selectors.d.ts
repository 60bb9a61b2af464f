// Types for selectors.js, which stays plain JS so that the e2e helpers (Node, no TypeScript) import it too.
export declare const TAG: Readonly<{
  panel: 'cs-telemetry-settings';
  badge: 'cs-telemetry-status-badge';
  switch: 'cs-switch';
  dataTypes: 'cs-telemetry-data-types';
  events: 'cs-telemetry-events';
}>;

export declare const PART: Readonly<Record<
  | 'heading'
  | 'purpose'
  | 'alert'
  | 'retry'
  | 'history'
  | 'linkButton'
  | 'exportButton'
  | 'exportStatus'
  | 'badgeBase'
  | 'badgeLabel'
  | 'switchControl'
  | 'switchHelp'
  | 'item'
  | 'itemToggle'
  | 'account'
  | 'accountSwitch'
  | 'eventsToggle'
  | 'eventsStatus'
  | 'eventsList'
  | 'event'
  | 'eventName'
  | 'showOlder'
  | 'olderStatus',
  string
>>;
