// Apart from protocol.ts: only the host and the alert's words read these, so the webview's core need not carry them.

/**
 * The host's words for a refused `set` (code `locked`), in English. The panel shows these two in its own language
 * and any other message as the host wrote it.
 */
export const LOCKED_MESSAGES = {
  /** A policy fixes the setting. */
  policy: 'Your organization manages this setting.',
  /** Who manages the setting could not be read, so the adapter refuses the write rather than risk overriding a policy. */
  unreadable: "Code Studio could not read your organization's policy for this setting, so it cannot be changed now.",
} as const;
