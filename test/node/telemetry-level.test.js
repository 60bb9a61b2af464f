import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEditorTelemetryLevel, levelAllows, EDITOR_TELEMETRY_LEVELS } from '../../dist/host.js';
import { createFakeVsCode } from '../../dev/fake-vscode.js';

describe('the editor telemetry level', () => {
  test('follows telemetry.telemetryLevel live', () => {
    const fake = createFakeVsCode();
    assert.equal(readEditorTelemetryLevel(fake.vscode), 'all');
    for (const level of ['error', 'crash', 'off', 'all']) {
      fake.telemetryLevel = level;
      assert.equal(readEditorTelemetryLevel(fake.vscode), level);
    }
  });

  test('a level VS Code does not know counts as its default, all', () => {
    const fake = createFakeVsCode();
    fake.editByHand('telemetry.telemetryLevel', 'everything');
    assert.equal(readEditorTelemetryLevel(fake.vscode), 'all');
  });

  test('all while the editor says telemetry is disabled counts as off; lower levels stay', () => {
    const fake = createFakeVsCode({ isTelemetryEnabled: false, telemetryLevel: 'all' });
    assert.equal(readEditorTelemetryLevel(fake.vscode), 'off');
    fake.editByHand('telemetry.telemetryLevel', 'error');
    fake.setTelemetryEnabled(false);
    assert.equal(readEditorTelemetryLevel(fake.vscode), 'error');
  });

  test('the legacy telemetry.enableTelemetry: false means off', () => {
    const fake = createFakeVsCode();
    fake.editByHand('telemetry.enableTelemetry', false);
    assert.equal(readEditorTelemetryLevel(fake.vscode), 'off');
  });

  test('a configuration that throws counts as off', () => {
    const fake = createFakeVsCode();
    const api = { env: fake.vscode.env, workspace: { ...fake.vscode.workspace, getConfiguration: () => { throw new Error('gone'); } } };
    assert.equal(readEditorTelemetryLevel(api), 'off');
  });

  test('usage needs all; error reports need error or all', () => {
    assert.deepEqual(EDITOR_TELEMETRY_LEVELS.map((l) => [l, levelAllows(l, 'usage'), levelAllows(l, 'error')]), [
      ['off', false, false],
      ['crash', false, false],
      ['error', false, true],
      ['all', true, true],
    ]);
  });
});
