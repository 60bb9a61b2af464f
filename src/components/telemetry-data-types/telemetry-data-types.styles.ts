import { css } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';

export const dataTypesStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      padding: 8px 0;
      border-bottom: 1px solid var(--vscode-settings-rowHoverBackground, #80808033);
    }
    button {
      display: flex;
      align-items: center;
      gap: 4px;
      padding: 0;
      border: 0;
      background: none;
      font-weight: 600;
      text-align: start;
    }
    [aria-expanded='true'] svg {
      transform: rotate(90deg);
    }
    /* The collapsed chevron points along the reading direction. */
    :host(:dir(rtl)) [aria-expanded='false'] svg {
      transform: scaleX(-1);
    }
    p,
    cs-switch,
    cs-telemetry-events {
      margin: 2px 0 0;
      margin-inline-start: 20px;
    }
    cs-switch {
      padding-block: 4px;
    }
    .link {
      margin-block-start: 4px;
      margin-inline-start: 20px;
      font-weight: normal;
    }
    /* The words keep the text colour (the warning colour is too faint to read in Light Modern); the bar marks them. */
    .account {
      border-inline-start: 2px solid var(--vscode-editorWarning-foreground, #cca700);
      padding-inline-start: 6px;
    }
  `,
];
