import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';

export const telemetryEventsStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    [role='status'] {
      display: flex;
      align-items: center;
      gap: 4px;
      margin: 0;
    }
    [part='list'] {
      margin: 4px 0 0;
      max-height: var(--cs-telemetry-events-max-height, 320px);
      overflow-y: auto;
      border: 1px solid var(--vscode-contrastBorder, var(--vscode-settings-rowHoverBackground, #80808033));
    }
    [part='event'] {
      padding: 4px 8px;
      border-top: 1px solid var(--vscode-settings-rowHoverBackground, #80808033);
    }
    [part='list'] > [part='event']:first-child {
      border-top: 0;
    }
    /* Groups of rows (and blocks of groups) scrolled out of the list's box are neither laid out nor painted until they come near it. */
    .group,
    .block {
      content-visibility: auto;
      /* Until a group has been laid out once: its rows at about 64 px each (EVENTS_GROUP of them). */
      contain-intrinsic-size: auto 640px;
    }
    /* A block: EVENTS_BLOCK rows, 100 groups of about 640 px. */
    .block {
      contain-intrinsic-size: auto 64000px;
    }
    .name {
      font-family: var(--vscode-editor-font-family, monospace);
      margin-inline-start: 8px;
    }
    dl {
      display: grid;
      /* Half the width for the name: "completionTokens" fits a 300 px panel whole; longer names wrap. */
      grid-template-columns: fit-content(50%) minmax(0, 1fr);
      gap: 0 12px;
      margin: 2px 0 0;
      font-family: var(--vscode-editor-font-family, monospace);
    }
    dd {
      margin: 0;
    }
    [part='show-older'] {
      margin-top: 4px;
    }
    [part='retry'],
    [part='show-older'] {
      padding: 2px 12px;
      border: 1px solid var(--vscode-button-border, transparent);
      border-radius: 2px;
      background: var(--vscode-button-secondaryBackground, #313131);
      color: var(--vscode-button-secondaryForeground, #ccc);
    }
    [part='show-older'][aria-disabled='true'] {
      opacity: 0.6;
      cursor: default;
    }
    [part='retry']:hover,
    [part='show-older']:not([aria-disabled='true']):hover {
      background: var(--vscode-button-secondaryHoverBackground, #3c3c3c);
    }
  `,
];
