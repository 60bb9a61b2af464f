import { expect, waitUntil } from '@open-wc/testing';
import { PanelHarness } from '../../dev/harness/panel-harness.js';

// The demo a newcomer opens first (index.html, served by `npm start`): the panel in its webview iframe, talking to
// the mock editor, which keeps the setting in localStorage.
describe('the demo page', () => {
  let page: HTMLIFrameElement;
  const editor = () => page.contentDocument!;
  const webview = () => page.contentDocument?.querySelector<HTMLIFrameElement>('#webview')?.contentDocument;
  const panel = () => {
    const element = webview()?.querySelector('cs-telemetry-settings');
    return element ? new PanelHarness(element) : undefined;
  };
  const badge = () => {
    try {
      return panel()?.badgeStatus;
    } catch {
      return undefined; // the webview is reloading
    }
  };
  const stored = () => JSON.parse(editor().defaultView!.localStorage.getItem('cs-demo-editor') ?? '{}');

  before(async () => {
    localStorage.removeItem('cs-demo-editor');
    page = document.createElement('iframe');
    page.style.width = '1000px';
    page.style.height = '700px';
    page.src = '/index.html';
    document.body.append(page);
    await waitUntil(() => badge() === 'on', 'the panel connected to the mock editor', { timeout: 10000 });
  });

  after(() => page.remove());

  it('switches off and on, with the mock editor\'s stored setting following', async () => {
    (editor().querySelector('input[name=latency]') as HTMLInputElement).value = '0';
    panel()!.switch.click();
    await waitUntil(() => badge() === 'off', 'off', { timeout: 5000 });
    expect(stored().enabled).to.equal(false);
    panel()!.switch.click();
    await waitUntil(() => badge() === 'on', 'on', { timeout: 5000 });
    expect(stored().enabled).to.equal(true);
  });

  it('pushes the policy lock from its controls to the panel', async () => {
    const policy = editor().querySelector<HTMLInputElement>('input[name=policy]')!;
    policy.click();
    await waitUntil(() => panel()!.text.includes('Managed by your organization'), 'locked');
    policy.click();
    await waitUntil(() => !panel()!.text.includes('Managed by your organization'), 'unlocked');
  });

  // The editor's telemetry goes through the demo's gate: its sent log is what the panel counts, lists and exports.
  const control = <T extends HTMLElement>(selector: string) => editor().querySelector<T>(selector)!;
  /** What `read` finds in the panel, or `fallback` while the webview reloads (the panel not rendered yet). */
  const inPanel = <T>(read: (panel: PanelHarness) => T, fallback: T): T => {
    try {
      const found = panel();
      return found ? read(found) : fallback;
    } catch {
      return fallback;
    }
  };
  const countOf = (title: string) => inPanel((found) => found.dataTypes.item(title).querySelector('[part~="sent-count"]')?.textContent?.trim() ?? '', '');
  const says = (words: string) => inPanel((found) => found.text.includes(words), false);
  const choose = (name: string, value: string) => {
    const select = control<HTMLSelectElement>(`select[name=${name}]`);
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  };

  it('counts what "Send sample events" sent, while the panel is open', async () => {
    await waitUntil(() => countOf('System configurations') === '3 sent in the last 7 days.', 'the seeded counts', { timeout: 5000 });
    control<HTMLButtonElement>('#sendSamples').click();
    await waitUntil(() => countOf('System configurations') === '4 sent in the last 7 days.', 'the count after sending', { timeout: 5000 });
    expect(countOf('Token usage')).to.equal('4 sent in the last 7 days.');
  });

  it('says why nothing is sent while DO_NOT_TRACK is set, and the badge says Off', async () => {
    const doNotTrack = control<HTMLInputElement>('input[name=doNotTrack]');
    doNotTrack.click();
    const words = 'Your environment sets DO_NOT_TRACK, so Code Studio sends nothing, whatever this switch says.';
    await waitUntil(() => says(words) && badge() === 'off', 'DO_NOT_TRACK said', { timeout: 10000 });
    doNotTrack.click();
    await waitUntil(() => badge() === 'on' && inPanel((found) => !found.text.includes(words), false), 'DO_NOT_TRACK gone', { timeout: 10000 });
  });

  it('shows the notice at a first start; Turn Off switches telemetry off', async () => {
    control<HTMLInputElement>('input[name=notice]').click();
    const pending = 'Code Studio sends nothing until you answer its notice about telemetry.';
    await waitUntil(() => says(pending), 'the panel says the notice is pending', { timeout: 10000 });
    const notification = control<HTMLElement>('#notification');
    expect(notification.hidden).to.equal(false);
    const turnOff = [...notification.querySelectorAll('button')].find((button) => button.textContent === 'Turn Off')!;
    turnOff.click();
    await waitUntil(() => badge() === 'off' && inPanel((found) => !found.text.includes(pending), false), 'answered: off', { timeout: 5000 });
    expect(notification.hidden).to.equal(true);
    expect(stored().enabled).to.equal(false);
    panel()!.switch.click();
    await waitUntil(() => badge() === 'on', 'on again', { timeout: 5000 });
  });

  it('exports through the save dialog the controls choose', async () => {
    const exported = () => inPanel((found) => found.exportStatusText, '');
    choose('exportOutcome', 'cancelled');
    await waitUntil(() => inPanel((found) => found.exportButton, null), 'the export offered', { timeout: 5000 });
    panel()!.exportButton!.click();
    await waitUntil(() => exported() === 'Nothing was exported: no file was chosen.', 'cancelled', { timeout: 5000 });
    choose('exportOutcome', 'written');
    panel()!.exportButton!.click();
    await waitUntil(() => /^Exported \d+ events to \/home\/ada\/code-studio-telemetry\.json\.$/.test(exported()), 'written', { timeout: 5000 });
  });
});
