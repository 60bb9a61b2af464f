// @ts-check
// Used by the end-to-end tests only: runs the example's command and writes down, in the extension host, when its
// handler was called and when it returned the panel, so that a test can tell the package's time from VS Code's.
const vscode = require('vscode');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const EXAMPLE_ID = 'code-studio.code-studio-telemetry-example';
/** The file the test reads, in this extension's global storage folder. */
const TIMING_FILE = 'open-timing.json';

/** @param {vscode.ExtensionContext} context */
function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('codeStudio.e2e.openTelemetrySettingsTimed', async () => {
      // Activating the example is not its command's handler: done first (a no-op once it is active), as when a user
      // runs the command a moment after the window opened. Its command then runs in this process, within a turn.
      await vscode.extensions.getExtension(EXAMPLE_ID)?.activate();
      const command = Date.now();
      await vscode.commands.executeCommand('codeStudio.telemetry.openSettings');
      const opened = Date.now();
      mkdirSync(context.globalStorageUri.fsPath, { recursive: true });
      writeFileSync(join(context.globalStorageUri.fsPath, TIMING_FILE), JSON.stringify({ command, opened }));
    }),
  );
}

module.exports = { activate };
