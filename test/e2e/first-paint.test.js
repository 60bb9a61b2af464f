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
//
// The first open's time is split between the package and VS Code with probes at each hand-over: the timing extension
// (test/e2e/timing-extension) runs the example's command and notes in the extension host when the handler was called
// and when it returned the panel; in the workbench, when the webview's frame said it was ready and when VS Code posted
// it the page's HTML; in the page, when VS Code wrote the document and when the real state was painted.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { installPaintSampler } from '../support/paint-sampler.js';
import {
  closePanel,
  editSettingsJson,
  KEY,
  openPanel,
  page,
  reloadWindow,
  runCommand,
  server,
  setUpWorkbench,
  telemetrySwitch,
  test,
} from './workbench.js';

/** The package's own share of the first open may not exceed this, in ms. */
const PACKAGE_SHARE_LIMIT_MS = 150;
const TIMING_EXTENSION = join(import.meta.dirname, 'timing-extension');
const TIMED_COMMAND = 'Code Studio (e2e): Open Telemetry Settings, Timed';

/** True in a webview's content frame as it starts (about:blank, inside VS Code's webview frame), before fake.html. */
const inWebviewContentFrame = () => {
  try {
    const { location, parent } = globalThis;
    return location.href === 'about:blank' && parent !== globalThis && parent.location.pathname.endsWith('/webview/browser/pre/index.html');
  } catch {
    return false;
  }
};

/** In the page: when VS Code wrote the page's HTML into the document (document.open), as `csPaint.written`. */
const noteDocumentWritten = () => {
  const open = globalThis.Document.prototype.open;
  globalThis.Document.prototype.open = function (...args) {
    globalThis.csPaint.written ??= Date.now();
    return open.apply(this, args);
  };
};

/**
 * In the workbench: when each webview's frame said it was ready, and when VS Code posted a webview its content (the
 * page's HTML) over the frame's message port, as `csWebviews`.
 */
const noteWebviewHandOvers = () => {
  const record = { ready: [], content: [] };
  globalThis.csWebviews = record;
  globalThis.addEventListener('message', (event) => event.data?.channel === 'webview-ready' && record.ready.push(Date.now()), true);
  const post = globalThis.MessagePort.prototype.postMessage;
  globalThis.MessagePort.prototype.postMessage = function (message, ...rest) {
    if (message?.channel === 'content') record.content.push(Date.now());
    return post.call(this, message, ...rest);
  };
};

setUpWorkbench({
  extensions: [TIMING_EXTENSION],
  init: (context) =>
    context.addInitScript({
      content:
        `if ((${inWebviewContentFrame})()) { (${installPaintSampler})(); (${noteDocumentWritten})(); }` +
        ` else if (globalThis === globalThis.top) (${noteWebviewHandOvers})();`,
    }),
});

const timingFile = () => join(server.dir, 'ud/User/globalStorage/code-studio.code-studio-e2e-timing/open-timing.json');

/** What the timing extension noted in the extension host: `{command, opened}`, ms since the epoch. */
async function extensionHostTiming() {
  const file = timingFile();
  for (const deadline = Date.now() + 10_000; !existsSync(file); await new Promise((wait) => setTimeout(wait, 50))) {
    if (Date.now() > deadline) assert.fail('the timing extension wrote no timing');
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The first open split at each hand-over. The package: the extension host from the handler to the panel returned,
 * the wait of a ready frame for the page's HTML (the adapter reading the state), and the page from its document to
 * the real state painted. VS Code: making the webview's frame, and writing the HTML into a document.
 */
function splitFirstOpen({ command, opened }, webviews, record, real) {
  const { written } = record;
  assert.ok(written, 'the sampler saw VS Code write the page');
  const ready = webviews.ready.findLast((time) => time <= written);
  const content = webviews.content.findLast((time) => time <= written);
  assert.ok(ready && content, `the workbench saw the webview ready and its content posted: ${JSON.stringify(webviews)}`);
  const inHost = opened - command;
  const awaitingHtml = Math.max(0, content - Math.max(ready, opened));
  const inPage = real - written;
  const [script] = record.scripts;
  const painted = record.frames.find((frame) => frame.status !== null)?.wall;
  const total = real - command;
  const packageShare = inHost + awaitingHtml + inPage;
  return {
    total,
    packageShare,
    vscode: total - packageShare,
    parts:
      `package: handler to panel ${inHost} ms, frame waiting for the HTML ${awaitingHtml} ms, document to real state ${inPage} ms ` +
      `(webview.js fetched +${script ? `${script.start - written}–${script.end - written}` : '?'} ms, panel painted +${painted - written} ms, visible +${inPage} ms); ` +
      `VS Code: panel to frame ready ${ready - opened} ms, HTML to document ${written - content} ms`,
  };
}

/** What the sampler recorded in the panel's current page. */
async function paintRecord() {
  const outer = await (await page.locator('iframe.webview.ready').elementHandle()).contentFrame();
  const inner = await (await outer.locator('#active-frame').elementHandle()).contentFrame();
  return inner.evaluate(({ performance } = globalThis) => ({
    ...globalThis.csPaint,
    // When the page fetched its script, ms since the epoch.
    scripts: performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/dist/webview.js'))
      .map((entry) => ({ start: Math.round(performance.timeOrigin + entry.startTime), end: Math.round(performance.timeOrigin + entry.responseEnd) })),
  }));
}

/**
 * Runs the command and waits until the switch shows `enabled` in a painted, visible frame. Returns the figures: ms
 * from the click to that frame, and the frames (all, and visible) that showed "Checking…".
 */
async function openAndMeasure(enabled, command = 'Code Studio: Telemetry Settings') {
  const clickedAt = await runCommand(command);
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
    shownAt: shown.wall,
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

/** The first opens measured, one per extension host. */
const firstOpens = [];

/** Opens the panel with the timed command in a window where this extension host has none, and splits the time. */
async function timedFirstOpen(enabled) {
  rmSync(timingFile(), { force: true });
  const figures = await openAndMeasure(enabled, TIMED_COMMAND);
  const split = splitFirstOpen(await extensionHostTiming(), await page.evaluate(() => globalThis.csWebviews), figures.record, figures.shownAt);
  firstOpens.push(split);
  console.log(
    `# first open ${firstOpens.length}: ${split.total} ms from the command's handler to the real state on screen: ` +
      `the package ${split.packageShare} ms, VS Code ${split.vscode} ms (${split.parts})`,
  );
  return figures;
}

test('first open: the panel\'s first frame shows the setting, no frame of "Checking…"', async () => {
  const figures = await timedFirstOpen(true);
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

test('the package\'s own share of the first open is under 150 ms', async () => {
  // More first opens, each in a new extension host (a window reload) with no panel to restore. The machine is
  // shared, so the least of them is the package's share: a wait the package makes is in every one of them.
  for (let run = 0; run < 3; run++) {
    await closePanel();
    await reloadWindow();
    await timedFirstOpen(false);
  }
  const least = firstOpens.reduce((best, split) => (split.packageShare < best.packageShare ? split : best));
  console.log(
    `# first open, least of ${firstOpens.length}: the package ${least.packageShare} ms of ${least.total} ms, VS Code ${least.vscode} ms`,
  );
  assert.ok(
    least.packageShare < PACKAGE_SHARE_LIMIT_MS,
    `the package's share of the first open is ${least.packageShare} ms at best, over ${PACKAGE_SHARE_LIMIT_MS} ms (${least.parts})`,
  );
});
