// Where each part of the panel is, as CSS selectors: the harnesses query them through each shadow root, and the
// e2e helpers give them to playwright, whose CSS locators pierce open shadow roots. Plain JS, for Node too.

/** The elements' tags. */
export const TAG = Object.freeze({
  panel: 'cs-telemetry-settings',
  badge: 'cs-telemetry-status-badge',
  switch: 'cs-switch',
  dataTypes: 'cs-telemetry-data-types',
  events: 'cs-telemetry-events',
});

/** The parts inside each element's shadow root. */
export const PART = Object.freeze({
  // <cs-telemetry-settings>
  heading: '[part="heading"]',
  purpose: '.purpose',
  alert: '[role="alert"]',
  retry: '[part="retry"]',
  history: '[part="history"]',
  linkButton: '[part="links"] button',
  exportButton: '[part="export"]',
  exportStatus: '[part="export-status"]',
  // <cs-telemetry-status-badge>
  badgeBase: '[part="base"]',
  badgeLabel: '[part="label"]',
  // <cs-switch>
  switchControl: '[role="switch"]',
  switchHelp: '[slot="help"]',
  // <cs-telemetry-data-types>
  item: '[part="item"]',
  itemToggle: '[part="toggle"]',
  account: '[part="account"]',
  accountSwitch: '[part="account-switch"]',
  eventsToggle: '[part="events-toggle"]',
  // <cs-telemetry-events>
  eventsStatus: '[part="status"]',
  eventsList: '[part="list"]',
  event: '[part="event"]',
  eventName: '.name',
  showOlder: '[part="show-older"]',
  olderStatus: '[part="older-status"]',
});
