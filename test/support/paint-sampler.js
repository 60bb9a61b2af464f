// What the telemetry panel showed in each frame, recorded from inside its page. Used as the source of an inline script
// in the browser tests and as a playwright init script in the e2e tests, so it must stay one self-contained function.
/* global window, document, getComputedStyle, requestAnimationFrame, Element, MutationObserver */

/**
 * Runs in a page before the page's own scripts. Records in `window.csPaint`:
 * - `frames`: at each animation frame, what the panel shows then (badge status, the "Checking…" words, the switch),
 *   when (`wall`, ms since the epoch), and whether the page's frame element was visible (VS Code keeps a webview's
 *   frame hidden until it has loaded). rAF callbacks run after the frame's tasks and microtasks, just before style,
 *   layout and paint, so each sample is what that frame paints.
 * - `armedAtPanel`: the frame loop was (re)started when the panel's shadow root was created, which is before its
 *   first render (a microtask later): so the first sample with the panel in it is the panel's very first frame. A
 *   document written over (VS Code writes the page into fake.html) drops the frame callbacks; this arms them again.
 * - `statuses`: every status the badge had while it was in the document, even one replaced before any frame: each
 *   shadow root is watched from its creation (attachShadow is wrapped), with the attribute's old values.
 */
export function installPaintSampler() {
  const record = { frames: [], statuses: [], armedAtPanel: false };
  window.csPaint = record;
  const BADGE = 'cs-telemetry-status-badge';
  const shown = () => {
    const root = document.querySelector('cs-telemetry-settings')?.shadowRoot;
    const badge = root?.querySelector(BADGE);
    const control = root?.querySelector('cs-switch')?.shadowRoot?.querySelector('[role="switch"]');
    return {
      status: badge?.getAttribute('status') ?? null,
      checking: /Checking/.test(badge?.shadowRoot?.textContent ?? ''),
      checked: control?.getAttribute('aria-checked') ?? null,
    };
  };
  const visible = () => {
    try {
      const frame = window.frameElement;
      return !frame || getComputedStyle(frame).visibility !== 'hidden';
    } catch {
      return true; // a frame of another origin: its element cannot be read
    }
  };
  // One loop at a time: a newer one ends the older.
  let loop = 0;
  const sample = (id) => (time) => {
    if (id !== loop) return;
    record.frames.push({ time, wall: Date.now(), visible: visible(), ...shown() });
    requestAnimationFrame(sample(id));
  };
  const arm = () => requestAnimationFrame(sample(++loop));
  arm();
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName === 'cs-telemetry-settings') {
      arm();
      record.armedAtPanel = true;
    }
    new MutationObserver((records) => {
      for (const change of records) {
        if (change.type === 'attributes' && change.target.localName === BADGE) record.statuses.push(change.oldValue);
        for (const node of change.addedNodes) if (node.localName === BADGE) record.statuses.push(node.getAttribute('status'));
      }
      const badge = root.querySelector(BADGE);
      if (badge && records.some((change) => change.target === badge)) record.statuses.push(badge.getAttribute('status'));
    }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['status'], attributeOldValue: true });
    return root;
  };
}
