// The page the package writes (`telemetryPanelHtml`, and `registerTelemetryPanels` writing it) and the mistakes that
// explain themselves in the extension's log, on the BUILT entries (dist/host.js, dist/host.cjs). Run `npm run build`
// first.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, mock, test } from 'node:test';
import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import {
  connectTelemetryHost,
  DEFAULT_PAGE_START_TIMEOUT,
  INITIAL_STATE_ELEMENT_ID,
  PAGE_DID_NOT_START_MESSAGE,
  PAGE_TOOK_API_MESSAGE,
  PROTOCOL_VERSION,
  registerTelemetryPanels,
  SCRIPTS_DISABLED_MESSAGE,
  telemetryPanelHtml,
  telemetryPanelWebviewOptions,
} from '../../dist/host.js';
import { createFakeVsCode, createFakeWebview, Uri } from '../../dev/fake-vscode.js';
import { createWorkbench } from './support/fake-workbench.js';

const DIST = join(import.meta.dirname, '../../dist');
const VIEW_TYPE = 'codeStudio.telemetrySettings';
/** The page-start time limit in these tests; waits are a few times longer. */
const START_MS = 40;

/** The page's parts: its CSP as directive → value, the `<html lang>`, its script elements with their attributes. */
function parsePage(html) {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.ok(csp, 'a CSP meta element');
  const directives = new Map(csp.replaceAll('&#39;', "'").split(';').map((part) => part.trim().split(/\s+(.*)/s).slice(0, 2)));
  const scripts = [...html.matchAll(/<script\b([^>]*)>([^<]*)<\/script>/g)].map(([, attributes, text]) => ({
    attributes: Object.fromEntries([...attributes.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name, value])),
    text,
  }));
  return { directives, lang: /<html lang="([^"]*)">/.exec(html)?.[1], scripts };
}

const webview = () => createFakeWebview();
const distUri = Uri.file('/ext/node_modules/@code-studio/telemetry-settings/dist');

describe('telemetryPanelHtml', () => {
  test('a strict CSP: nothing by default, the one script by a nonce, styles, images and fonts from the webview, no <base>', () => {
    const view = webview();
    const { directives, scripts } = parsePage(telemetryPanelHtml(view, { distUri }));
    const executable = scripts.filter((script) => script.attributes.type === 'module');
    assert.equal(executable.length, 1, 'one script runs');
    const { nonce } = executable[0].attributes;
    assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/, '16 random bytes, base64');
    assert.deepEqual(Object.fromEntries(directives), {
      'default-src': "'none'",
      'script-src': `'nonce-${nonce}'`,
      'style-src': view.cspSource,
      'img-src': view.cspSource,
      'font-src': view.cspSource,
      'base-uri': "'none'",
    });
    assert.equal(executable[0].attributes.src, 'https://file+.vscode-resource.vscode-cdn.net/ext/node_modules/@code-studio/telemetry-settings/dist/webview.js');
    assert.deepEqual(scripts.filter((script) => script !== executable[0]), [], 'no other script element without an embedded state');
  });

  test('a fresh nonce for every page', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => parsePage(telemetryPanelHtml(webview(), { distUri })).scripts[0].attributes.nonce));
    assert.equal(nonces.size, 50);
  });

  test('<html lang> is the editor\'s language; anything that is not a language tag is English', () => {
    const lang = (options) => parsePage(telemetryPanelHtml(webview(), { distUri, ...options })).lang;
    assert.equal(lang({ locale: 'de-CH' }), 'de-CH');
    assert.equal(lang({ vscode: { Uri, env: { language: 'ja' } } }), 'ja', 'vscode.env.language by default');
    assert.equal(lang({ locale: 'qps-ploc', vscode: { Uri, env: { language: 'ja' } } }), 'qps-ploc', 'the option wins');
    assert.equal(lang({ locale: '"><script>alert(1)</script>' }), 'en');
    assert.equal(lang({}), 'en');
  });

  test('embeds the first state as given, before the script, and escapes the title', () => {
    const state = `<script type="application/json" id="${INITIAL_STATE_ELEMENT_ID}">{"x":1}</script>`;
    const html = telemetryPanelHtml(webview(), { distUri, initialState: state, title: '<Telemetry & more>' });
    assert.ok(html.includes(state));
    assert.ok(html.indexOf(state) < html.indexOf('type="module"'), 'the state is in the page before the script reads it');
    assert.ok(html.includes('<cs-telemetry-settings></cs-telemetry-settings>'));
    assert.ok(html.includes('<title>&#60;Telemetry &#38; more&#62;</title>'));
    assert.ok(html.includes('<noscript>'), 'a webview without scripts says why it is blank');
  });

  test('by default the script comes from the dist folder the host module runs from, in ES module and CommonJS', () => {
    const src = (html) => parsePage(html).scripts[0].attributes.src;
    const expected = `https://file+.vscode-resource.vscode-cdn.net${DIST}/webview.js`;
    assert.equal(src(telemetryPanelHtml(webview(), { vscode: { Uri } })), expected);
    const cjs = createRequire(import.meta.url)('../../dist/host.cjs');
    assert.equal(src(cjs.telemetryPanelHtml(webview(), { vscode: { Uri } })), expected);
    assert.throws(() => telemetryPanelHtml(webview(), {}), /distUri/, 'without vscode there is no default to compute');
  });

  test('the webview options: scripts on, the dist folder the only root', () => {
    assert.deepEqual(telemetryPanelWebviewOptions(distUri), { enableScripts: true, localResourceRoots: [distUri] });
  });
});

/** Every registration a test made, disposed after it. */
let registered = [];
afterEach(() => {
  for (const panels of registered) panels.dispose();
  registered = [];
  mock.timers.reset();
});

/**
 * The panels on a fake workbench, each connected by the real adapter on a fake `vscode`: what the tests read is the
 * page written, the panel's options and the log.
 */
function register(options = {}) {
  const workbench = createWorkbench();
  const host = workbench.startHost();
  const editor = createFakeVsCode();
  const logs = [];
  const log = (message) => logs.push(message);
  const panels = registerTelemetryPanels({
    vscode: host.vscode,
    viewType: VIEW_TYPE,
    title: 'Telemetry Settings',
    memento: workbench.memento,
    settleMs: 5,
    pageStartTimeout: START_MS,
    log,
    setUp: (panel) => connectTelemetryHost(panel.webview, { vscode: editor.vscode, log }),
    ...options,
  });
  registered.push(panels);
  return { workbench, host, editor, panels, logs };
}

/** Resolves when `panel` has a page. */
async function pageOf(panel) {
  for (let i = 0; i < 200 && !panel.webview.html; i++) await sleep(5);
  assert.ok(panel.webview.html, 'a page was written');
  return panel.webview.html;
}

const hello = (panel) => panel.webview.send({ type: 'telemetry/hello', id: '1-1', protocol: PROTOCOL_VERSION });

describe('registerTelemetryPanels writes the page', () => {
  test('the package\'s page with the adapter\'s first state, the editor\'s language, and the webview options from distUri', async () => {
    const { panels, editor } = register({ distUri, locale: () => 'de' });
    await editor.vscode.workspace.getConfiguration('codeStudio.telemetry').update('allowAnonymousTelemetry', false, 1);
    const panel = await panels.open();
    const page = parsePage(await pageOf(panel));
    assert.equal(page.lang, 'de');
    const state = page.scripts.find((script) => script.attributes.id === INITIAL_STATE_ELEMENT_ID);
    assert.ok(state, 'the first state is embedded');
    assert.equal(JSON.parse(state.text).state.enabled, false, 'the state the adapter read');
    assert.ok(page.scripts.find((script) => script.attributes.type === 'module').attributes.src.endsWith('/ext/node_modules/@code-studio/telemetry-settings/dist/webview.js'));
    assert.equal(page.directives.get('base-uri'), "'none'");
    assert.deepEqual(panel.webview.options, { enableScripts: true, localResourceRoots: [distUri] });
    assert.deepEqual(panel.options, { enableScripts: true, localResourceRoots: [distUri] }, 'created with them');
  });

  test('by default the page\'s language is vscode.env.language, and its root the dist folder the host module runs from', async () => {
    const { panels } = register();
    const panel = await panels.open();
    const page = parsePage(await pageOf(panel));
    assert.equal(page.lang, 'en');
    assert.deepEqual(panel.webview.options.localResourceRoots.map(String), [pathToFileURL(DIST).href]);
  });

  test('a page of the team\'s own is written instead, and a setUp that writes its own page keeps it', async () => {
    const own = register({ html: async (_panel, origin) => `<p>own page, ${origin}</p>` });
    assert.equal(await pageOf(await own.panels.open()), '<p>own page, opened</p>');
    const bySetUp = register({
      setUp: (panel) => {
        panel.webview.html = '<p>from setUp</p>';
      },
    });
    const panel = await bySetUp.panels.open();
    await sleep(20);
    assert.equal(panel.webview.html, '<p>from setUp</p>');
  });

  test('a panel closed before its page is ready gets none, and nothing is logged', async () => {
    const { panels, host, logs } = register({ html: () => sleep(20).then(() => '<p>late</p>') });
    const panel = await panels.open();
    panel.webview.mode = 'disposed';
    panel.dispose();
    await host.idle();
    await sleep(START_MS * 3);
    assert.equal(panel.webview.html, '');
    assert.deepEqual(logs, []);
  });
});

describe('mistakes that explain themselves', () => {
  test('a shown page that never says hello: the log says what to check', async () => {
    const { panels, logs } = register();
    await pageOf(await panels.open());
    await sleep(START_MS * 3);
    assert.deepEqual(logs, [PAGE_DID_NOT_START_MESSAGE]);
    assert.equal(
      PAGE_DID_NOT_START_MESSAGE,
      "the panel's script did not start: check enableScripts, localResourceRoots (it must hold the package's dist folder) and the script's nonce",
    );
  });

  test('a page that says hello in time: nothing is logged, then or later', async () => {
    const { panels, logs } = register();
    const panel = await panels.open();
    await pageOf(panel);
    hello(panel);
    await sleep(START_MS * 3);
    assert.deepEqual(logs, []);
  });

  test('a page that talks but never says hello took the VS Code API first: the log says to hand it over', async () => {
    const { panels, logs } = register();
    const panel = await panels.open();
    await pageOf(panel);
    panel.webview.send({ type: 'my-settings-page/ready' });
    await sleep(START_MS * 3);
    // The adapter drops the page's own message, and says so, too.
    assert.deepEqual(logs, ['dropped a malformed message from the webview', PAGE_TOOK_API_MESSAGE]);
    assert.match(PAGE_TOOK_API_MESSAGE, /acquireVsCodeApi\(\) before the panel.*provideVsCodeApi/);
  });

  test('a hidden panel has not loaded its page: the time runs only while it is shown', async () => {
    let release;
    const hiddenNow = new Promise((resolve) => (release = resolve));
    const { workbench, panels, host, logs } = register({ html: () => hiddenNow.then(() => '<p>page</p>') });
    const panel = await panels.open();
    await host.idle();
    workbench.openText(0, 'b.txt');
    await host.idle();
    assert.equal(panel.visible, false);
    release(); // the page is written while the panel is hidden
    await pageOf(panel);
    await sleep(START_MS * 3);
    assert.deepEqual(logs, [], 'nothing while hidden');
    workbench.show(workbench.groups[0].tabs[0]);
    await host.idle();
    await sleep(START_MS * 3);
    assert.deepEqual(logs, [PAGE_DID_NOT_START_MESSAGE]);
  });

  test('the default time is 10 seconds', async () => {
    assert.equal(DEFAULT_PAGE_START_TIMEOUT, 10_000);
    mock.timers.enable({ apis: ['setTimeout'] });
    const { panels, logs } = register({ pageStartTimeout: undefined, html: () => '<p>page</p>' });
    mock.timers.tick(5); // the settle time
    const panel = await panels.open();
    // The page is written a few turns later (setImmediate is not mocked).
    for (let i = 0; i < 100 && !panel.webview.html; i++) await setImmediate();
    assert.equal(panel.webview.html, '<p>page</p>');
    mock.timers.tick(DEFAULT_PAGE_START_TIMEOUT - 1);
    assert.deepEqual(logs, []);
    mock.timers.tick(1);
    assert.deepEqual(logs, [PAGE_DID_NOT_START_MESSAGE]);
  });

  test('enableScripts off: connecting says so at once', async () => {
    const { panels, logs } = register({ panelOptions: { enableScripts: false } });
    await panels.open();
    assert.deepEqual(logs, [SCRIPTS_DISABLED_MESSAGE]);
    assert.match(SCRIPTS_DISABLED_MESSAGE, /enableScripts/);

    const editor = createFakeVsCode();
    for (const [options, expected] of [
      [{ enableScripts: true }, []],
      [{}, [SCRIPTS_DISABLED_MESSAGE]],
      [{ enableScripts: false }, [SCRIPTS_DISABLED_MESSAGE]],
    ]) {
      const said = [];
      const host = connectTelemetryHost(Object.assign(createFakeWebview(), { options }), { vscode: editor.vscode, log: (message) => said.push(message) });
      host.dispose();
      assert.deepEqual(said, expected, JSON.stringify(options));
    }
  });
});
