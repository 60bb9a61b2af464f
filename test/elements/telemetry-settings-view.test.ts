import { expect } from '@open-wc/testing';
import { LOCKED_MESSAGES } from '../../src/protocol/locked-messages.js';
import { normalizeState, type TelemetryState } from '../../src/protocol/protocol.js';
import { LOADING_VIEW, type TelemetryProblem, type TelemetryView } from '../../src/webview/telemetry-client.js';
import { setLocale } from '../../src/internal/i18n/locale.js';
import { templates as ja } from '../../src/internal/i18n/locales/ja.js';
import { alertOf } from '../../src/components/telemetry-settings/alert.js';
import {
  accountSwitchValue,
  areDataTypesLocked,
  badgeIdentity,
  badgeStatus,
  editorLevel,
  editorLevelText,
  invalidSettingText,
  settingWarningText,
  isIdentified,
  isLocked,
  isReading,
  isSwitchUsable,
  switchHelpText,
  noAnswerText,
} from '../../src/components/telemetry-settings/view.js';

const ada = { loginName: 'ada', email: 'ada@example.com' };

/** A view of a host holding `state`, confirmed and ready unless `view` says otherwise. */
function ready(state: Partial<TelemetryState> = {}, view: Partial<TelemetryView> = {}): TelemetryView {
  const host = normalizeState({ enabled: true, ...state });
  return {
    ...LOADING_VIEW,
    phase: 'ready',
    enabled: host.enabled,
    accountLinked: host.accountLinked ?? null,
    host,
    certainty: 'confirmed',
    ...view,
  };
}

const saveFailed = (code: string, message = '', more: Partial<TelemetryProblem> = {}): TelemetryProblem => ({
  kind: 'save-failed',
  code,
  message,
  wanted: false,
  field: 'enabled',
  ...more,
});

const unreachable = (code: string, message = ''): TelemetryProblem => ({ kind: 'unreachable', code, message });

describe('the panel view derivations', () => {
  describe('badgeStatus', () => {
    it('is saving while either switch saves', () => {
      expect(badgeStatus(ready({}, { saving: true }))).to.equal('saving');
      expect(badgeStatus(ready({}, { accountSaving: true }))).to.equal('saving');
      expect(badgeStatus({ ...LOADING_VIEW, accountSaving: true }), 'saving wins over loading').to.equal('saving');
    });

    it('is loading while the first read is on its way, and Unknown once it failed', () => {
      expect(badgeStatus(LOADING_VIEW)).to.equal('loading');
      expect(badgeStatus({ ...LOADING_VIEW, problem: unreachable('timeout') })).to.equal('error');
    });

    it('is Unknown while the value is not known or not current', () => {
      expect(badgeStatus(ready({}, { phase: 'unreachable', problem: unreachable('timeout') }))).to.equal('error');
      expect(badgeStatus(ready({}, { phase: 'incompatible' }))).to.equal('error');
      expect(badgeStatus(ready({}, { enabled: null }))).to.equal('error');
      expect(badgeStatus(ready({}, { certainty: 'unknown' }))).to.equal('error');
      expect(badgeStatus(ready({}, { certainty: 'last-known' })), 'last known may be named').to.equal('on');
    });

    it('is on only while the editor-wide telemetry is on too', () => {
      expect(badgeStatus(ready({ enabled: true }))).to.equal('on');
      expect(badgeStatus(ready({ enabled: false }))).to.equal('off');
      expect(badgeStatus(ready({ enabled: true, editorTelemetryEnabled: false }))).to.equal('off');
    });

    it("follows the editor's level as the consent gate does: usage at all, error reports at error, nothing below", () => {
      const shown = (enabled: boolean) =>
        (['all', 'error', 'crash', 'off'] as const).map((level) => badgeStatus(ready({ enabled, editorTelemetryLevel: level })));
      expect(shown(true)).to.deep.equal(['on', 'errors-only', 'off', 'off']);
      expect(shown(false), 'the switch off sends nothing at any level').to.deep.equal(['off', 'off', 'off', 'off']);
    });

    it('believes the level over editorTelemetryEnabled, which a host sends for older webviews', () => {
      expect(badgeStatus(ready({ editorTelemetryEnabled: true, editorTelemetryLevel: 'error' }))).to.equal('errors-only');
      expect(badgeStatus(ready({ editorTelemetryEnabled: false, editorTelemetryLevel: 'error' }))).to.equal('errors-only');
    });
  });

  describe('badgeIdentity', () => {
    it('is not told when the host does not offer the account switch', () => {
      expect(badgeIdentity(LOADING_VIEW)).to.equal(undefined);
      expect(badgeIdentity(ready({ account: ada }))).to.equal(undefined);
    });

    it('is linked only with the account included and signed in', () => {
      expect(badgeIdentity(ready({ account: ada, accountLinked: true }))).to.equal('linked');
      expect(badgeIdentity(ready({ account: ada, accountLinked: false }))).to.equal('anonymous');
      expect(badgeIdentity(ready({ account: null, accountLinked: true }))).to.equal('anonymous');
    });
  });

  describe('switches and notes', () => {
    it('isLocked: only a policy locks', () => {
      expect(isLocked(ready({ managedBy: 'policy' }))).to.equal(true);
      expect(isLocked(ready())).to.equal(false);
      expect(isLocked(LOADING_VIEW)).to.equal(false);
    });

    it('isSwitchUsable: ready, known, current and not locked', () => {
      expect(isSwitchUsable(ready())).to.equal(true);
      expect(isSwitchUsable(ready({}, { certainty: 'last-known' }))).to.equal(true);
      expect(isSwitchUsable(ready({ managedBy: 'policy' }))).to.equal(false);
      expect(isSwitchUsable(ready({}, { certainty: 'unknown' }))).to.equal(false);
      expect(isSwitchUsable(ready({}, { phase: 'unreachable' }))).to.equal(false);
      expect(isSwitchUsable(ready({}, { enabled: null }))).to.equal(false);
      expect(isSwitchUsable(LOADING_VIEW)).to.equal(false);
    });

    it('isIdentified: an account attached, or about to be', () => {
      expect(isIdentified(ready({ account: null }))).to.equal(false);
      expect(isIdentified(ready({ account: ada })), 'no account switch: always attached').to.equal(true);
      expect(isIdentified(ready({ account: ada, accountLinked: true }))).to.equal(true);
      expect(isIdentified(ready({ account: ada, accountLinked: false }))).to.equal(false);
      expect(isIdentified(ready({ account: ada, accountLinked: false }, { accountLinked: true })), 'being switched on').to.equal(true);
      expect(isIdentified(ready({ account: null, accountLinked: true }))).to.equal(false);
    });

    it('areDataTypesLocked: locked by a policy, or not ready', () => {
      expect(areDataTypesLocked(ready())).to.equal(false);
      expect(areDataTypesLocked(ready({ managedBy: 'policy' }))).to.equal(true);
      expect(areDataTypesLocked(ready({}, { phase: 'unreachable' }))).to.equal(true);
      expect(areDataTypesLocked(LOADING_VIEW)).to.equal(true);
    });

    it('accountSwitchValue: undefined when not offered, null until ready, else what it shows', () => {
      expect(accountSwitchValue(ready({ account: ada }))).to.equal(undefined);
      expect(accountSwitchValue(ready({ account: ada, accountLinked: false }, { phase: 'unreachable' }))).to.equal(null);
      expect(accountSwitchValue(ready({ account: ada, accountLinked: false }, { accountLinked: true }))).to.equal(true);
      expect(accountSwitchValue(ready({ account: ada, accountLinked: false }))).to.equal(false);
    });

    it('isReading: loading with nothing failed', () => {
      expect(isReading(LOADING_VIEW)).to.equal(true);
      expect(isReading({ ...LOADING_VIEW, problem: unreachable('timeout') })).to.equal(false);
      expect(isReading(ready())).to.equal(false);
    });

    it('editorLevel: the level the host told; a host without it tells only all or off', () => {
      expect(editorLevel(ready().host)).to.equal('all');
      expect(editorLevel(ready({ editorTelemetryEnabled: false }).host)).to.equal('off');
      expect(editorLevel(ready({ editorTelemetryLevel: 'crash' }).host)).to.equal('crash');
      expect(editorLevel(null)).to.equal('all');
    });

    it("editorLevelText: each level's words, only as the ready host says", () => {
      const words = (state: Partial<TelemetryState>, view: Partial<TelemetryView> = {}) => editorLevelText(ready(state, view));
      const off = "The editor's telemetry is off, so Code Studio sends nothing, whatever this switch says.";
      expect(words({ editorTelemetryLevel: 'all' })).to.equal('');
      expect(words({ editorTelemetryLevel: 'error' })).to.equal(
        "The editor's telemetry is set to errors only, so Code Studio sends only error reports while this switch is on, and no usage data.",
      );
      expect(words({ editorTelemetryLevel: 'crash' })).to.equal(
        "The editor's telemetry is set to crash reports only, so Code Studio sends nothing, whatever this switch says. The editor itself may still send crash reports.",
      );
      expect(words({ editorTelemetryLevel: 'off' })).to.equal(off);
      expect(words({ editorTelemetryEnabled: false }), "a host without the level: today's words").to.equal(off);
      expect(words({ editorTelemetryEnabled: true }), 'a host without the level, on: no words').to.equal('');
      expect(words({ editorTelemetryLevel: 'error' }, { phase: 'unreachable' })).to.equal('');
    });
  });

  describe('a value in settings.json that is not valid', () => {
    it('says which settings.json holds it, that telemetry is off, and what to do; only as the ready host says', () => {
      expect(invalidSettingText(ready({ enabled: false, invalidSetting: 'user' }))).to.equal(
        'The value of this setting in your user settings.json is not valid, so telemetry is off. Set it to true or false.',
      );
      expect(invalidSettingText(ready({ enabled: false, invalidSetting: 'workspace' }))).to.contain('the workspace settings.json');
      expect(invalidSettingText(ready({ enabled: false, invalidSetting: 'workspaceFolder' }))).to.contain("the folder's settings.json");
      expect(invalidSettingText(ready({ enabled: false }))).to.equal('');
      expect(invalidSettingText(ready({ enabled: false, invalidSetting: 'user' }, { phase: 'unreachable' }))).to.equal('');
    });

    it('comes before what the editor level leaves, in one warning; the badge says off', () => {
      const view = ready({ enabled: false, invalidSetting: 'user', editorTelemetryLevel: 'error' });
      expect(settingWarningText(view)).to.equal(`${invalidSettingText(view)} ${editorLevelText(view)}`);
      expect(badgeStatus(view)).to.equal('off');
    });
  });

  describe('the help line and the deletion request', () => {
    it('says that switching off asks for deletion only when the host offers it', () => {
      const deletion = 'Switching it off also asks Code Studio to delete the data it collected from this machine.';
      expect(switchHelpText(ready({ offers: ['events', 'deletion-request'] }))).to.equal(`Takes effect at once; change it at any time. ${deletion}`);
      expect(switchHelpText(ready({ offers: ['events'] }))).to.not.contain(deletion);
    });
  });

  describe('alertOf', () => {
    it('says nothing when nothing failed', () => {
      expect(alertOf(ready())).to.equal(undefined);
    });

    describe('a failed save', () => {
      it('after silence, unconfirmed: only that the editor did not answer, and what it last confirmed', () => {
        const problem = saveFailed('timeout');
        expect(alertOf(ready({ enabled: true }, { certainty: 'last-known', problem }))).to.deep.equal([
          'Code Studio did not answer. It was last on.',
          true,
        ]);
        expect(alertOf(ready({ enabled: false }, { certainty: 'unknown', problem }))).to.deep.equal([
          'Code Studio did not answer. It was last off.',
          true,
        ]);
        expect(alertOf({ ...LOADING_VIEW, problem }), 'no host state: nothing to name').to.deep.equal(['Code Studio did not answer.', true]);
      });

      it("after silence, of the account switch: what the host last confirmed of the account", () => {
        const problem = saveFailed('timeout', '', { field: 'accountLinked' });
        expect(alertOf(ready({ account: ada, accountLinked: true }, { certainty: 'last-known', problem }))?.[0]).to.equal(
          'Code Studio did not answer. Your account details were last included.',
        );
        expect(alertOf(ready({ account: ada, accountLinked: false }, { certainty: 'last-known', problem }))?.[0]).to.equal(
          'Code Studio did not answer. Your account details were last left out.',
        );
        expect(alertOf(ready({}, { certainty: 'last-known', problem }))?.[0], 'switch not offered').to.equal('Code Studio did not answer.');
      });

      it('after silence, confirmed since: the value is still what it was, and why', () => {
        expect(alertOf(ready({ enabled: true }, { problem: saveFailed('timeout') }))).to.deep.equal([
          'Could not save. It is still on. Code Studio did not answer in time.',
          true,
        ]);
      });

      it("refused by the host: its words, after what is still so", () => {
        expect(alertOf(ready({ enabled: false }, { problem: saveFailed('write-failed', 'Disk full.') }))).to.deep.equal([
          'Could not save. It is still off. Disk full.',
          true,
        ]);
        expect(alertOf(ready({}, { problem: saveFailed('write-failed') }))?.[0], 'no words: the code').to.equal(
          'Could not save. It is still on. write-failed',
        );
        const account = saveFailed('write-failed', 'No.', { field: 'accountLinked' });
        expect(alertOf(ready({ account: ada, accountLinked: true }, { problem: account }))?.[0]).to.equal(
          'Could not save. Your account details are still included. No.',
        );
        expect(alertOf(ready({ account: ada, accountLinked: false }, { problem: account }))?.[0]).to.equal(
          'Could not save. Your account details are still not included. No.',
        );
      });

      it('says "still" only while the host\'s word is current', () => {
        expect(alertOf(ready({}, { certainty: 'last-known', problem: saveFailed('write-failed', 'Disk full.') }))?.[0]).to.equal(
          'Could not save. Disk full.',
        );
      });

      it('a policy refused: the panel\'s own words, and no Retry', () => {
        for (const message of ['', LOCKED_MESSAGES.policy]) {
          expect(alertOf(ready({}, { problem: saveFailed('locked', message) }))).to.deep.equal([
            'Could not save. It is still on. Your organization manages this setting.',
            false,
          ]);
        }
        expect(alertOf(ready({}, { problem: saveFailed('locked', LOCKED_MESSAGES.unreadable) }))?.[0]).to.equal(
          `Could not save. It is still on. ${LOCKED_MESSAGES.unreadable}`,
        );
        expect(alertOf(ready({}, { problem: saveFailed('locked', 'Ask your admin.') }))).to.deep.equal([
          'Could not save. It is still on. Ask your admin.',
          false,
        ]);
      });

      it('overridden by a workspace or folder: the host\'s words, else the panel\'s', () => {
        expect(alertOf(ready({}, { problem: saveFailed('overridden') }))?.[0]).to.equal(
          'Could not save. It is still on. A workspace or folder setting overrides this.',
        );
        expect(alertOf(ready({}, { problem: saveFailed('overridden', 'The workspace decides.') }))?.[0]).to.equal(
          'Could not save. It is still on. The workspace decides.',
        );
      });
    });

    describe('an unreachable host', () => {
      it('no editor at all: says so, and no Retry', () => {
        expect(alertOf({ ...LOADING_VIEW, phase: 'unreachable', problem: unreachable('no-host') })).to.deep.equal([
          'Not connected to Code Studio.',
          false,
        ]);
      });

      it("a read refused: the host's words, and whether the value is known", () => {
        const problem = unreachable('read-failed', 'Locked file.');
        expect(alertOf(ready({}, { phase: 'unreachable', certainty: 'last-known', problem }))).to.deep.equal([
          'Could not read your setting. Locked file.',
          true,
        ]);
        expect(alertOf(ready({}, { phase: 'unreachable', certainty: 'unknown', problem: unreachable('read-failed') }))).to.deep.equal([
          'Could not read your setting. read-failed Your setting is not known now.',
          true,
        ]);
      });

      it('silence: what the host last confirmed, or that the value is not known now', () => {
        const problem = unreachable('timeout');
        expect(alertOf(ready({ enabled: false }, { phase: 'unreachable', certainty: 'last-known', problem }))).to.deep.equal([
          "Can't reach Code Studio to read or change this setting. It was last off.",
          true,
        ]);
        expect(alertOf(ready({}, { phase: 'unreachable', certainty: 'unknown', problem }))).to.deep.equal([
          'Code Studio did not answer. Your setting is not known now.',
          true,
        ]);
        expect(alertOf({ ...LOADING_VIEW, phase: 'unreachable', problem })).to.deep.equal([
          "Can't reach Code Studio to read or change this setting.",
          true,
        ]);
      });
    });

    it('an editor of another protocol: both versions, and no Retry', () => {
      const problem: TelemetryProblem = { kind: 'incompatible', code: 'protocol', message: '', hostProtocol: 2 };
      expect(alertOf(ready({}, { phase: 'incompatible', certainty: 'last-known', problem }))).to.deep.equal([
        'Code Studio needs an update: the editor speaks settings protocol 2, this page 1.',
        false,
      ]);
    });

    describe('in Japanese', () => {
      afterEach(() => setLocale('en'));

      it('joins the sentences without spaces', async () => {
        await setLocale('ja');
        const [text] = alertOf(ready({ enabled: true }, { problem: saveFailed('timeout') }))!;
        expect(text).to.equal(`${ja['alert.save-failed']}${ja['alert.still-on']}${ja['alert.reason-timeout']}`);
        expect(noAnswerText()).to.equal(ja['alert.reason-timeout']);
      });

      it("joins the switch's help line without a space, as the alerts", async () => {
        await setLocale('ja');
        const view = ready({ enabled: true, account: { loginName: 'ada', email: 'ada@example.com' } });
        expect(switchHelpText(view)).to.equal(`${ja['panel.help']}${ja['panel.help-account']}`);
      });
    });
  });
});
