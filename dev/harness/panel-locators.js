// The panel harness for the end-to-end tests: the same parts as dev/harness/panel-harness.ts, as playwright
// locators in a webview frame (playwright's CSS pierces open shadow roots). Plain JS, for Node.

import { PART, TAG } from './selectors.js';

/** The English names of the panel's two switches, as a user finds them. */
export const SWITCH_NAME = Object.freeze({
  telemetry: 'Allow Anonymous Telemetry',
  account: 'Include my account details (login name and email)',
});

/**
 * The panel's parts in `frame` (a playwright FrameLocator or Frame):
 *
 *   const panel = panelLocators(webview());
 *   await panel.switch({ checked: false }).waitFor(); await panel.badge().innerText();
 *   await panel.eventsToggle('Token usage').click(); await panel.readEvents('Token usage');
 *
 * @param {import('playwright-core').FrameLocator | import('playwright-core').Frame} frame
 */
export function panelLocators(frame) {
  const dataType = (/** @type {string} */ title) => frame.locator(`${TAG.dataTypes} ${PART.item}`).filter({ hasText: title });
  const events = (/** @type {string} */ title) => dataType(title).locator(TAG.events);
  return {
    /** The section, which carries the language shown as its `lang`; with `lang`, only while it is that one. */
    section: (/** @type {string} */ lang = '') =>
      frame.locator(`${TAG.panel} section[aria-labelledby="heading"]${lang ? `[lang="${lang}"]` : ''}`),
    heading: (/** @type {string} */ name) => frame.getByRole('heading', { level: 2, name, exact: true }),
    /** "Allow Anonymous Telemetry"; with `checked`, only while it shows that state. */
    switch: (/** @type {{ checked?: boolean, name?: string }} */ { checked, name = SWITCH_NAME.telemetry } = {}) =>
      frame.getByRole('switch', { name, exact: true, ...(checked === undefined ? {} : { checked }) }),
    accountSwitch: (/** @type {{ checked?: boolean }} */ { checked } = {}) =>
      frame.getByRole('switch', { name: SWITCH_NAME.account, exact: true, ...(checked === undefined ? {} : { checked }) }),
    /** The badge's words, e.g. "On, with your account". */
    badge: () => frame.locator(`${TAG.badge} ${PART.badgeLabel}`),
    history: () => frame.locator(`${TAG.panel} ${PART.history}`),
    /** The signed-in account's line in the data types list. */
    account: () => frame.locator(`${TAG.dataTypes} ${PART.account}`),
    link: (/** @type {string} */ name) => frame.locator(`${TAG.panel} ${PART.linkButton}`).filter({ hasText: name }),
    /** "Export what was sent…", and the line saying how the last export ended. */
    exportButton: () => frame.locator(`${TAG.panel} ${PART.exportButton}`),
    exportStatus: () => frame.locator(`${TAG.panel} ${PART.exportStatus}`),
    dataType,
    /** A data type's list's "Show older", while older events are kept than those shown. */
    showOlder: (/** @type {string} */ title) => events(title).locator(PART.showOlder),
    /** A data type's "Show what was sent" button. */
    eventsToggle: (/** @type {string} */ title) => dataType(title).locator(PART.eventsToggle),
    eventsStatus: (/** @type {string} */ title) => events(title).locator(PART.eventsStatus),
    eventRows: (/** @type {string} */ title) => events(title).locator(PART.event),
    /** A data type's shown events, newest first, each as { name, data } with the data as shown (text). */
    readEvents: (/** @type {string} */ title) =>
      events(title)
        .locator(PART.event)
        .evaluateAll((items, nameSelector) =>
          items.map((item) => {
            const keys = [...item.querySelectorAll('dt')].map((dt) => (dt.textContent ?? '').trim());
            const values = [...item.querySelectorAll('dd')].map((dd) => (dd.textContent ?? '').trim());
            const name = (item.querySelector(nameSelector)?.textContent ?? '').trim();
            return { name, data: Object.fromEntries(keys.map((key, i) => [key, values[i]])) };
          }),
        PART.eventName),
  };
}
