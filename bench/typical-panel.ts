// The telemetry section as a typical webview author writes it: one Lit element on @vscode-elements/elements, a plain
// `message` listener, `getState()` for the first frame, vscode-checkbox, vscode-badge and a vscode-collapsible per
// data type, the policy and editor-level notes, a time limit on a save and Retry. No protocol guards, no revival of a
// restarted host, no languages: the bytes beside ours show what our bridge and its care weigh. Built only for
// `npm run bench` (bench/dist/typical.js), weighed, never shipped.
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import { LitElement, css, html, nothing } from 'lit';

interface State {
  enabled: boolean;
  editorTelemetryLevel?: 'all' | 'error' | 'crash' | 'off';
  managedBy?: { kind: string } | null;
  account?: { loginName: string; email: string } | null;
}

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void };

const DATA_TYPES = [
  ['System configurations', 'Information about your operating system and development environment.', 'Shows problems that affect only some systems.'],
  ['Model and command', 'The AI model and the command used.', 'Shows what to improve first.'],
  ['Token usage', 'The number of tokens generated during interactions.', 'A count only, never the text.'],
  ['Autocomplete feedback', 'Whether you accepted or rejected suggestions.', 'Never the suggestion or your code.'],
  ['Account details, when signed in', 'Your login name and email.', 'They identify you, so this data is not anonymous. Sign out to stop sending them.'],
];

const LEVEL_NOTES: Record<string, string> = {
  error: "The editor's telemetry is set to errors only, so Code Studio sends only error reports while this switch is on, and no usage data.",
  crash: "The editor's telemetry is set to crash reports only, so Code Studio sends nothing, whatever this switch says.",
  off: "The editor's telemetry is off, so Code Studio sends nothing, whatever this switch says.",
};

export class TypicalTelemetrySettings extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 720px;
      padding: 12px 16px;
      color: var(--vscode-foreground, #ccc);
      font-family: var(--vscode-font-family, system-ui, sans-serif);
      font-size: var(--vscode-font-size, 13px);
    }
    header {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .note {
      padding: 4px 8px;
      border-inline-start: 2px solid var(--vscode-descriptionForeground, #9d9d9d);
    }
    .error {
      color: var(--vscode-errorForeground, #f48771);
    }
  `;
  static override properties = { state: { state: true }, saving: { state: true }, error: { state: true } };

  state: State | null = null;
  saving = false;
  error = '';
  #vscode = acquireVsCodeApi();
  #timer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback() {
    super.connectedCallback();
    this.state = (this.#vscode.getState() as State | undefined) ?? null;
    window.addEventListener('message', this.#onMessage);
    this.#vscode.postMessage({ type: 'telemetry/get' });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('message', this.#onMessage);
  }

  #onMessage = (event: MessageEvent) => {
    const message = event.data;
    if (message?.type === 'telemetry/state') {
      clearTimeout(this.#timer);
      this.state = message.state;
      this.saving = false;
      this.error = '';
      this.#vscode.setState(message.state);
    } else if (message?.type === 'telemetry/error') {
      clearTimeout(this.#timer);
      this.saving = false;
      this.error = `Could not save: ${message.message}`;
    }
  };

  #set(enabled: boolean) {
    this.saving = true;
    this.error = '';
    this.#vscode.postMessage({ type: 'telemetry/set', enabled });
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.saving = false;
      this.error = 'Code Studio did not answer in time.';
    }, 5000);
  }

  override render() {
    const state = this.state;
    const locked = !!state?.managedBy;
    const level = state?.editorTelemetryLevel ?? 'all';
    const badge = !state ? 'Checking…' : this.saving ? 'Saving…' : !state.enabled ? 'Off' : level === 'error' ? 'Errors only' : 'On';
    return html`
      <section>
        <header>
          <h2>Telemetry</h2>
          <vscode-badge>${badge}</vscode-badge>
        </header>
        <p>
          Code Studio collects usage data to improve product quality and user experience. It helps the team understand
          feature usage, find performance issues and prioritise enhancements.
        </p>
        <vscode-checkbox
          toggle
          label="Allow Anonymous Telemetry"
          .checked=${state?.enabled === true}
          ?disabled=${!state || locked || this.saving}
          @change=${(event: Event) => this.#set((event.target as HTMLInputElement).checked)}
        ></vscode-checkbox>
        <p>Takes effect at once; change it at any time.</p>
        ${locked ? html`<p class="note">Managed by your organization: a policy sets this setting.</p>` : nothing}
        ${LEVEL_NOTES[level] ? html`<p class="note">${LEVEL_NOTES[level]}</p>` : nothing}
        ${this.error
          ? html`<p class="error" role="alert">
              ${this.error}
              <button @click=${() => this.#set(!state?.enabled)}>Retry</button>
            </p>`
          : nothing}
        <h3>What is collected when telemetry is on</h3>
        ${DATA_TYPES.map(
          ([title, description, detail]) => html`<vscode-collapsible heading=${title}>
            <p>${description}</p>
            <p>${detail}</p>
          </vscode-collapsible>`,
        )}
        <h3>Never collected</h3>
        <p>Your code, your prompts, your files.</p>
      </section>
    `;
  }
}

customElements.define('typical-telemetry-settings', TypicalTelemetrySettings);
