// The panel's first paint in a genuine VS Code (code-server): the example extension embeds the host's state in the
// page, so the panel's first frame shows the setting's real value, not one frame of "Checking…". Prints how long the
// command took to show the real state. Run after `npm run build`.
//
// How the frames are seen: a playwright init script (test/support/paint-sampler.js) runs in the webview's content
// frame as it starts (about:blank), before any of its scripts. VS Code then loads fake.html into that frame and writes
// the page into its document (document.open/write): the window and its prototypes stay, so the sampler's wrapped
// attachShadow sees the panel created and watches every status its badge takes, but the frame callbacks are dropped,
// so the sampler arms its animation-frame loop again right there, before the panel's first render. Each sample is
// taken just before a frame is painted: the first one with the panel in it is the panel's very first frame.
import assert from 'node:assert/strict';
import { installPaintSampler } from '../support/paint-sampler.js';
import { closePanel, editSettingsJson, KEY, openPanel, page, runCommand, setUpWorkbench, telemetrySwitch, test } from './workbench.js';

/** True in a webview's content frame as it starts (about:blank, inside VS Code's webview frame), before fake.html. */
const inWebviewContentFrame = () => {
  try {
    const { location, parent } = globalThis;
    return location.href === 'about:blank' && parent !== globalThis && parent.location.pathname.endsWith('/webview/browser/pre/index.html');
  } catch {
    return false;
  }
};

setUpWorkbench({
  init: (context) => context.addInitScript({ content: `if ((${inWebviewContentFrame})()) (${installPaintSampler})();` }),
});

/** What the sampler recorded in the panel's current page. */
async function paintRecord() {
  const outer = await (await page.locator('iframe.webview.ready').elementHandle()).contentFrame();
  const inner = await (await outer.locator('#active-frame').elementHandle()).contentFrame();
  return inner.evaluate(() => globalThis.csPaint);
}

/**
 * Runs the command and waits until the switch shows `enabled` in a painted, visible frame. Returns the figures: ms
 * from the click to that frame, and the frames (all, and visible) that showed "Checking…".
 */
async function openAndMeasure(enabled) {
  const clickedAt = await runCommand('Code Studio: Telemetry Settings');
  await telemetrySwitch().waitFor({ timeout: 20_000 });
  const want = String(enabled);
  let record;
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((wait) => setTimeout(wait, 50))) {
    record = await paintRecord();
    if (record?.frames.some((frame) => frame.visible && frame.checked === want)) break;
  }
  assert.ok(record, 'the sampler ran in the panel\'s page');
  const shown = record.frames.find((frame) => frame.visible && frame.checked === want);
  assert.ok(shown, `a visible frame showed the switch ${want}: ${JSON.stringify(record.frames.slice(-3))}`);
  const checking = record.frames.filter((frame) => frame.checking || frame.status === 'loading');
  const rendered = record.frames.find((frame) => frame.status !== null);
  return {
    record,
    ms: shown.wall - clickedAt,
    // Where the time goes: VS Code creating the frame, the page loading and rendering, the frame made visible.
    steps: `first frame of the page +${record.frames[0].wall - clickedAt} ms, panel rendered +${rendered.wall - clickedAt} ms`,
    checkingFrames: checking.length,
    visibleCheckingFrames: checking.filter((frame) => frame.visible).length,
  };
}

function report(name, { record, ms, steps, checkingFrames, visibleCheckingFrames }) {
  console.log(
    `# ${name}: ${ms} ms from the command to the switch showing the real state in a visible frame (${steps}); ` +
      `${checkingFrames} frames of "Checking…" (${visibleCheckingFrames} visible) of ${record.frames.length} sampled`,
  );
}

function assertNoCheckingFrame({ record, checkingFrames }) {
  // The frame loop was armed before the panel's first render, so the frames include the panel's very first one.
  assert.ok(record.armedAtPanel, 'the sampler saw the panel created');
  assert.equal(checkingFrames, 0, `frames of "Checking…": ${JSON.stringify(record.frames.filter((frame) => frame.checking).slice(0, 3))}`);
  assert.ok(!record.statuses.includes('loading'), `badge statuses: ${record.statuses.join(', ')}`);
}

test('first open: the panel\'s first frame shows the setting, no frame of "Checking…"', async () => {
  const figures = await openAndMeasure(true);
  report('first open', figures);
  assertNoCheckingFrame(figures);
});

test('reopened after settings.json changed: the first frame shows the new value', async () => {
  await closePanel();
  await editSettingsJson({ [KEY]: false });
  await runCommand('View: Focus First Editor Group');
  const figures = await openAndMeasure(false);
  report('reopened, setting off', figures);
  assertNoCheckingFrame(figures);
  await openPanel(); // in step with the host after its hello
  assert.equal(await telemetrySwitch().getAttribute('aria-checked'), 'false');
});
