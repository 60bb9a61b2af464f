// What the telemetry panel showed in each frame, recorded from inside its page. Used as the source of an inline script
// in the browser tests and as a playwright init script in the e2e tests, so it must stay one self-contained function.

/**
 * Runs in a page before the page's own scripts. Records in `window.csPaint`:
 * - `frames`: at each animation frame, what the panel shows then (badge status, the "Checking…" words, the switch).
 *   rAF callbacks run after the frame's tasks and microtasks, just before style, layout and paint, so each sample is
 *   what that frame paints; the first one is taken before the first frame is painted.
 * - `statuses`: every status the badge had while it was in the document, even one replaced before any frame: each
 *   shadow root is watched from its creation (attachShadow is wrapped), with the attributes' old values.
 * - `visibleFrames`: of `frames`, how many were painted while the page's own frame element was visible (VS Code keeps
 *   a webview's frame hidden until it has loaded).
 */
export function installPaintSampler() {
  const record = { frames: [], statuses: [], visibleFrames: 0, started: performance.now() };
  window.csPaint = record;
  const shown = () => {
    const root = document.querySelector('cs-telemetry-settings')?.shadowRoot;
    const badge = root?.querySelector('cs-telemetry-status-badge');
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
  const sample = (time) => {
    const frame = { time, visible: visible(), ...shown() };
    record.frames.push(frame);
    if (frame.visible) record.visibleFrames++;
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver((records) => {
      for (const change of records) {
        if (change.type === 'attributes' && change.oldValue !== null) record.statuses.push(change.oldValue);
        for (const node of change.addedNodes ?? []) {
          if (node.localName === 'cs-telemetry-status-badge') record.statuses.push(node.getAttribute('status'));
        }
      }
      const badge = root.querySelector('cs-telemetry-status-badge');
      if (badge && records.some((change) => change.target === badge)) record.statuses.push(badge.getAttribute('status'));
    }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['status'], attributeOldValue: true });
    return root;
  };
}
