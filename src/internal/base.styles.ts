import { css } from 'lit';

/**
 * Shared by every element: VS Code's font and colours, the focus ring and icon size. Forced colours repaint text and
 * borders with system colours by themselves; only the switch, whose state is also a fill, needs rules of its own.
 */
export const baseStyles = css`
  :host {
    font-family: var(--vscode-font-family, system-ui, sans-serif);
    font-size: var(--vscode-font-size, 13px);
    line-height: 1.4;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none !important;
  }
  :focus-visible {
    outline: 1px solid var(--vscode-focusBorder, #0078d4);
    outline-offset: 2px;
  }
  svg {
    width: 1em;
    height: 1em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
  }
  button {
    margin: 0;
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  h2,
  h3,
  b,
  #label {
    margin: 0;
    font-size: inherit;
    font-weight: 600;
  }
  /* Buttons that look like VS Code's links: the host opens what they name, the webview never navigates. */
  .link {
    padding: 0;
    border: 0;
    background: none;
    text-align: start;
    color: var(--vscode-textLink-foreground, #4daafc);
  }
  .link:hover,
  .link:focus-visible {
    text-decoration: underline;
    color: var(--vscode-textLink-activeForeground, var(--vscode-textLink-foreground, #4daafc));
  }
  .dim {
    color: var(--vscode-descriptionForeground, #9d9d9d);
  }
  .spin {
    transform-origin: 8px 8px;
    animation: spin 1s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    ::before {
      animation: none !important;
      transition: none !important;
    }
  }
`;
