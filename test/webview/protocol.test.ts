import { expect } from '@open-wc/testing';
import {
  MAX_STRING_LENGTH,
  PROTOCOL_VERSION,
  isErrorMessage,
  isForeignProtocolMessage,
  isPlainObject,
  isStateMessage,
  isTelemetryState,
  isWebviewMessage,
  normalizeState,
  type ErrorMessage,
  type EventsMessage,
  type StateMessage,
  type TelemetryState,
} from '../../src/protocol/protocol.js';
import { isEventsMessage, isHostMessage, isTelemetryEvent } from '../../src/protocol/events-messages.js';

const validState = (): StateMessage => ({
  type: 'telemetry/state',
  protocol: 1,
  rev: 3,
  inReplyTo: 'page-1',
  state: {
    enabled: true,
    editorTelemetryEnabled: true,
    managedBy: null,
    account: { loginName: 'ada', email: 'ada@example.com' },
    changedAt: '2024-05-01T12:00:00.000Z',
  },
});

const validError = (): ErrorMessage => ({
  type: 'telemetry/error',
  protocol: 1,
  inReplyTo: 'page-2',
  code: 'write-failed',
  message: 'The settings file is read-only.',
});

/** A copy of `base` with `path` set to `value` (or removed when `value` is `REMOVE`). */
const REMOVE = Symbol('remove');
function withField(base: object, path: string[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (value === REMOVE) delete target[last];
  else target[last] = value;
  return copy;
}

const long = 'x'.repeat(MAX_STRING_LENGTH + 1);
const longest = 'x'.repeat(MAX_STRING_LENGTH);

describe('protocol v1', () => {
  it('is version 1 and caps strings at 4096 characters', () => {
    expect(PROTOCOL_VERSION).to.equal(1);
    expect(MAX_STRING_LENGTH).to.equal(4096);
  });

  describe('isStateMessage', () => {
    it('accepts a complete state message', () => {
      expect(isStateMessage(validState())).to.equal(true);
      expect(isHostMessage(validState())).to.equal(true);
    });

    it('accepts the minimal forms: pushed (no inReplyTo) with only `enabled`, and nulls for optional fields', () => {
      expect(isStateMessage({ type: 'telemetry/state', protocol: 1, rev: 0, state: { enabled: false } })).to.equal(true);
      expect(
        isStateMessage({
          type: 'telemetry/state',
          protocol: 1,
          rev: -2.5,
          state: { enabled: false, managedBy: null, account: null, changedAt: null },
        }),
      ).to.equal(true);
      expect(isStateMessage(withField(validState(), ['state', 'managedBy'], 'policy'))).to.equal(true);
      expect(isStateMessage(withField(validState(), ['state', 'editorTelemetryEnabled'], false))).to.equal(true);
      for (const level of ['all', 'error', 'crash', 'off']) {
        expect(isStateMessage(withField(validState(), ['state', 'editorTelemetryLevel'], level)), level).to.equal(true);
      }
      for (const scope of ['user', 'workspace', 'workspaceFolder']) {
        const message = withField(validState(), ['state', 'invalidSetting'], scope);
        expect(isStateMessage(message), scope).to.equal(true);
        expect(normalizeState((message as { state: TelemetryState }).state).invalidSetting).to.equal(scope);
      }
    });

    it('treats an optional field set to undefined as absent', () => {
      const message = { ...validState(), inReplyTo: undefined, state: { enabled: true, managedBy: undefined, account: undefined } };
      expect(isStateMessage(message)).to.equal(true);
      expect(normalizeState(message.state)).to.deep.include({ managedBy: null, account: null });
    });

    it('accepts objects without a prototype and strings of exactly the maximum length', () => {
      const bare = Object.assign(Object.create(null), validState(), {
        state: Object.assign(Object.create(null), validState().state),
      });
      expect(isStateMessage(bare)).to.equal(true);
      expect(isStateMessage(withField(validState(), ['inReplyTo'], longest))).to.equal(true);
      expect(isStateMessage(withField(validState(), ['state', 'account', 'loginName'], longest))).to.equal(true);
    });

    const bad: [string, string[], unknown][] = [
      ['wrong type', ['type'], 'telemetry/states'],
      ['missing type', ['type'], REMOVE],
      ['protocol as a string', ['protocol'], '1'],
      ['missing protocol', ['protocol'], REMOVE],
      ['rev as a string', ['rev'], '3'],
      ['missing rev', ['rev'], REMOVE],
      ['NaN rev', ['rev'], NaN],
      ['Infinity rev', ['rev'], Infinity],
      ['-Infinity rev', ['rev'], -Infinity],
      ['empty inReplyTo', ['inReplyTo'], ''],
      ['numeric inReplyTo', ['inReplyTo'], 7],
      ['null inReplyTo', ['inReplyTo'], null],
      ['over-long inReplyTo', ['inReplyTo'], long],
      ['missing state', ['state'], REMOVE],
      ['null state', ['state'], null],
      ['state as an array', ['state'], [true]],
      ['enabled as a string', ['state', 'enabled'], 'true'],
      ['enabled as a number', ['state', 'enabled'], 1],
      ['missing enabled', ['state', 'enabled'], REMOVE],
      ['editorTelemetryEnabled as a string', ['state', 'editorTelemetryEnabled'], 'false'],
      ['editorTelemetryEnabled null', ['state', 'editorTelemetryEnabled'], null],
      // A level the protocol does not know is malformed, as any optional field's bad value is: the state is ignored.
      ['unknown editorTelemetryLevel', ['state', 'editorTelemetryLevel'], 'errors'],
      ['editorTelemetryLevel in capitals', ['state', 'editorTelemetryLevel'], 'ERROR'],
      ['editorTelemetryLevel null', ['state', 'editorTelemetryLevel'], null],
      ['editorTelemetryLevel as a boolean', ['state', 'editorTelemetryLevel'], false],
      ['unknown invalidSetting scope', ['state', 'invalidSetting'], 'global'],
      ['invalidSetting as a boolean', ['state', 'invalidSetting'], true],
      ['unknown managedBy', ['state', 'managedBy'], 'admin'],
      ['managedBy true', ['state', 'managedBy'], true],
      ['account as a string', ['state', 'account'], 'ada'],
      ['account without email', ['state', 'account', 'email'], REMOVE],
      ['account with numeric loginName', ['state', 'account', 'loginName'], 42],
      ['over-long loginName', ['state', 'account', 'loginName'], long],
      ['over-long email', ['state', 'account', 'email'], long],
      ['account as an array', ['state', 'account'], ['ada', 'ada@example.com']],
      ['changedAt not a date', ['state', 'changedAt'], 'yesterday'],
      ['changedAt as a number', ['state', 'changedAt'], 1714564800000],
      ['changedAt empty', ['state', 'changedAt'], ''],
      ['over-long changedAt', ['state', 'changedAt'], `2024-05-01T12:00:00.000Z${' '.repeat(MAX_STRING_LENGTH)}`],
    ];
    for (const [name, path, value] of bad) {
      it(`rejects ${name}`, () => {
        const message = withField(validState(), path, value);
        expect(isStateMessage(message)).to.equal(false);
        expect(isHostMessage(message)).to.equal(false);
      });
    }

    it('rejects non-objects', () => {
      for (const value of [null, undefined, 0, 'telemetry/state', true, [], [validState()], () => validState()]) {
        expect(isStateMessage(value), String(value)).to.equal(false);
      }
    });

    it('ignores fields reachable only through the prototype chain', () => {
      // JSON.parse makes `__proto__` an own property, which must not count as a prototype or as the fields within.
      const parsed = JSON.parse(
        '{"__proto__":{"type":"telemetry/state","protocol":1,"rev":1,"state":{"enabled":true}}}',
      ) as object;
      expect(isStateMessage(parsed)).to.equal(false);
      const inherited = Object.create(validState()) as object;
      expect(Object.getPrototypeOf(inherited)).to.not.equal(Object.prototype);
      expect(isStateMessage(inherited)).to.equal(false);
      const stateFromProto = { ...validState(), state: Object.create({ enabled: true }) };
      expect(isStateMessage(stateFromProto)).to.equal(false);
      const accountFromProto = withField(validState(), ['state', 'account'], null) as StateMessage;
      accountFromProto.state.account = Object.create({ loginName: 'ada', email: 'ada@example.com' });
      expect(isStateMessage(accountFromProto)).to.equal(false);
    });

    it('reads only own fields even when Object.prototype is polluted', () => {
      const proto = Object.prototype as Record<string, unknown>;
      proto.managedBy = 'admin';
      try {
        // `managedBy` is not an own property, so it is absent and the message is still valid...
        expect(isStateMessage({ type: 'telemetry/state', protocol: 1, rev: 1, state: { enabled: true } })).to.equal(true);
      } finally {
        delete proto.managedBy;
      }
      proto.enabled = true;
      try {
        expect(isStateMessage({ type: 'telemetry/state', protocol: 1, rev: 1, state: {} })).to.equal(false);
      } finally {
        delete proto.enabled;
      }
    });

    it('rejects arrays and class instances that carry the right fields', () => {
      const array = Object.assign([], validState());
      expect(isStateMessage(array)).to.equal(false);
      class Message {
        type = 'telemetry/state';
        protocol = 1;
        rev = 1;
        state = { enabled: true };
      }
      expect(isStateMessage(new Message())).to.equal(false);
      const withClassState = { ...validState(), state: new (class { enabled = true; })() };
      expect(isStateMessage(withClassState)).to.equal(false);
      expect(isStateMessage({ ...validState(), state: new Date() })).to.equal(false);
    });

    it('does not run getters on the prototype chain', () => {
      let touched = false;
      const trap = Object.create(
        Object.defineProperty({}, 'type', {
          get() {
            touched = true;
            return 'telemetry/state';
          },
        }),
      );
      expect(isStateMessage(trap)).to.equal(false);
      expect(touched).to.equal(false);
    });
  });

  describe('isErrorMessage', () => {
    it('accepts a complete error message, also with an unknown code and an empty message', () => {
      expect(isErrorMessage(validError())).to.equal(true);
      expect(isHostMessage(validError())).to.equal(true);
      expect(isErrorMessage({ ...validError(), code: 'quota', message: '' })).to.equal(true);
    });

    const bad: [string, string, unknown][] = [
      ['wrong type', 'type', 'telemetry/err'],
      ['protocol 1 as a string', 'protocol', '1'],
      ['missing inReplyTo', 'inReplyTo', REMOVE],
      ['empty inReplyTo', 'inReplyTo', ''],
      ['over-long inReplyTo', 'inReplyTo', long],
      ['missing code', 'code', REMOVE],
      ['empty code', 'code', ''],
      ['numeric code', 'code', 500],
      ['over-long code', 'code', long],
      ['missing message', 'message', REMOVE],
      ['numeric message', 'message', 404],
      ['over-long message', 'message', long],
    ];
    for (const [name, key, value] of bad) {
      it(`rejects ${name}`, () => {
        const message = withField(validError(), [key], value);
        expect(isErrorMessage(message)).to.equal(false);
        expect(isHostMessage(message)).to.equal(false);
      });
    }

    it('rejects prototype tricks', () => {
      expect(isErrorMessage(Object.create(validError()))).to.equal(false);
      expect(
        isErrorMessage(
          JSON.parse('{"__proto__":{"type":"telemetry/error","protocol":1,"inReplyTo":"a","code":"x","message":""}}'),
        ),
      ).to.equal(false);
      expect(isErrorMessage(Object.assign([], validError()))).to.equal(false);
    });

    it('is not a state message, and a state message is not an error', () => {
      expect(isStateMessage(validError())).to.equal(false);
      expect(isErrorMessage(validState())).to.equal(false);
    });
  });

  describe('isForeignProtocolMessage', () => {
    it('is true for a state or error message of another whole protocol number', () => {
      expect(isForeignProtocolMessage({ type: 'telemetry/state', protocol: 2 })).to.equal(true);
      expect(isForeignProtocolMessage({ ...validState(), protocol: 2 })).to.equal(true);
      expect(isForeignProtocolMessage({ ...validError(), protocol: 7 })).to.equal(true);
    });

    it('is false for our own protocol, for other types and for protocols that are not positive whole numbers', () => {
      expect(isForeignProtocolMessage(validState())).to.equal(false);
      expect(isForeignProtocolMessage(validError())).to.equal(false);
      for (const protocol of [0, -1, 1.5, '2', NaN, Infinity, null, 2 ** 60]) {
        expect(isForeignProtocolMessage({ type: 'telemetry/state', protocol }), String(protocol)).to.equal(false);
      }
      expect(isForeignProtocolMessage({ type: 'telemetry/hello', protocol: 2 })).to.equal(false);
      expect(isForeignProtocolMessage({ type: 'other/state', protocol: 2 })).to.equal(false);
      expect(isForeignProtocolMessage({ protocol: 2 })).to.equal(false);
      expect(isForeignProtocolMessage(null)).to.equal(false);
      expect(isForeignProtocolMessage('telemetry/state')).to.equal(false);
      expect(isForeignProtocolMessage(Object.create({ type: 'telemetry/state', protocol: 2 }))).to.equal(false);
      expect(isForeignProtocolMessage(Object.assign([], { type: 'telemetry/state', protocol: 2 }))).to.equal(false);
    });
  });

  describe('isTelemetryState and isPlainObject', () => {
    it('accepts plain objects only', () => {
      expect(isPlainObject({})).to.equal(true);
      expect(isPlainObject(Object.create(null))).to.equal(true);
      expect(isPlainObject(structuredClone({ a: 1 }))).to.equal(true);
      for (const value of [[], new Date(), new Map(), Object.create({}), null, 'x', 1, document.body]) {
        expect(isPlainObject(value), String(value)).to.equal(false);
      }
    });

    it('checks a state on its own', () => {
      expect(isTelemetryState({ enabled: false })).to.equal(true);
      expect(isTelemetryState({ enabled: false, changedAt: 'not a date' })).to.equal(false);
      expect(isTelemetryState({})).to.equal(false);
    });
  });

  describe('isEventsMessage', () => {
    const validEvents = (): EventsMessage => ({
      type: 'telemetry/events',
      protocol: 1,
      inReplyTo: 'page-3',
      events: [{ time: '2024-05-01T12:00:00.000Z', category: 'tokens', name: 'tokens/used', data: { prompt: 120, cached: null } }],
    });

    it('accepts a reply of well-formed events', () => {
      expect(isEventsMessage(validEvents())).to.equal(true);
      expect(isTelemetryEvent(validEvents().events[0])).to.equal(true);
    });

    it('rejects a reply with an event whose name is empty: it would show nothing useful', () => {
      const message = withField(validEvents(), ['events', '0', 'name'], '');
      expect(isEventsMessage(message)).to.equal(false);
      expect(isHostMessage(message)).to.equal(false);
      expect(isTelemetryEvent((message as EventsMessage).events[0])).to.equal(false);
    });
  });

  describe('isWebviewMessage', () => {
    it('accepts the three requests', () => {
      expect(isWebviewMessage({ type: 'telemetry/hello', id: 'a-1', protocol: 1 })).to.equal(true);
      expect(isWebviewMessage({ type: 'telemetry/get', id: 'a-2' })).to.equal(true);
      expect(isWebviewMessage({ type: 'telemetry/set', id: 'a-3', enabled: false })).to.equal(true);
    });

    it('rejects malformed requests', () => {
      expect(isWebviewMessage({ type: 'telemetry/hello', id: 'a-1', protocol: 2 })).to.equal(false);
      expect(isWebviewMessage({ type: 'telemetry/get', id: '' })).to.equal(false);
      expect(isWebviewMessage({ type: 'telemetry/set', id: 'a-3', enabled: 'no' })).to.equal(false);
      expect(isWebviewMessage({ type: 'telemetry/state', id: 'a-4' })).to.equal(false);
      expect(isWebviewMessage(Object.create({ type: 'telemetry/get', id: 'a-5' }))).to.equal(false);
    });
  });

  describe('normalizeState', () => {
    it('fills the optional fields with their defaults', () => {
      expect(normalizeState({ enabled: false })).to.deep.equal({
        enabled: false,
        editorTelemetryEnabled: true,
        // Not told: the panel speaks as it did for a host without the level.
        editorTelemetryLevel: undefined,
        managedBy: null,
        account: null,
        changedAt: null,
        changedBy: null,
        // Not offered: the keys stay undefined, so the panel can tell the extension is absent.
        accountLinked: undefined,
        locale: undefined,
        offers: [],
      });
    });

    it('keeps the given fields and drops everything else, copying the account', () => {
      const account = { loginName: 'ada', email: 'ada@example.com', token: 'secret' };
      const state = {
        enabled: true,
        editorTelemetryEnabled: false,
        managedBy: 'policy' as const,
        account,
        changedAt: '2024-05-01T12:00:00.000Z',
        extra: 'dropped',
      };
      const normalized = normalizeState(state);
      expect(normalized).to.deep.equal({
        enabled: true,
        editorTelemetryEnabled: false,
        editorTelemetryLevel: undefined,
        managedBy: 'policy',
        account: { loginName: 'ada', email: 'ada@example.com' },
        changedAt: '2024-05-01T12:00:00.000Z',
        changedBy: null,
        accountLinked: undefined,
        locale: undefined,
        offers: [],
      });
      expect(normalized.account).to.not.equal(account);
      expect(normalized).to.not.equal(state);
      expect(Object.getPrototypeOf(normalized)).to.equal(Object.prototype);
    });

    it('keeps the editor telemetry level as told', () => {
      expect(normalizeState({ enabled: true, editorTelemetryLevel: 'crash' }).editorTelemetryLevel).to.equal('crash');
    });

    it('keeps an explicit false for editor-wide telemetry and null account as null', () => {
      expect(normalizeState({ enabled: true, editorTelemetryEnabled: false, account: null }).editorTelemetryEnabled).to.equal(false);
      expect(normalizeState({ enabled: true, account: null }).account).to.equal(null);
    });
  });
});
