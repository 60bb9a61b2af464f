import { html } from 'lit';

// 16×16 line glyphs drawn inline with currentColor: no icon font or image, so nothing for the webview's CSP to allow.
// Whole-number strokes keep the path data short; the shapes differ, so no state is told by colour alone.
// Each is one html template, whole: the parser makes the svg, and lit prepares one template per icon, not two.
export const checkIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 8l3 3 7-7"/></svg>`;
export const offIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6"/><path d="M4 12l8-8"/></svg>`;
export const lockIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 7h8v7H4zm2 0V4h4v3"/></svg>`;
export const exclamationIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6"/><path d="M8 4v5m0 2v1"/></svg>`;
export const warningIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M8 2l7 12H1zm0 4v4m0 1v2"/></svg>`;
export const spinnerIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path class="spin" d="M8 2a6 6 0 1 0 6 6"/></svg>`;
export const chevronIcon = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M6 4l4 4-4 4"/></svg>`;
