import { expect } from '@open-wc/testing';
import { readSavedState, startingPoint, writeSavedState } from '../../src/webview/saved-state.js';
import type { StateMessage } from '../../src/protocol/protocol.js';
import { FakeVsCodeApi } from '../support/fake-host.js';

const embed = (rev: number, instance?: string): StateMessage => ({
  type: 'telemetry/state',
  protocol: 1,
  rev,
  ...(instance !== undefined && { instance }),
  state: { enabled: false },
});

describe('saved state', () => {
  it('round-trips through the webview API and keeps the page\'s other keys', () => {
    const api = new FakeVsCodeApi({ page: 'mine' });
    writeSavedState(api, { rev: 3, state: { enabled: true }, instance: 'a' });
    expect(api.getState()).to.deep.equal({ page: 'mine', csTelemetry: { rev: 3, state: { enabled: true }, instance: 'a' } });
    expect(readSavedState(api)).to.deep.equal({ rev: 3, state: { enabled: true }, instance: 'a' });
  });

  for (const [name, saved] of [
    ['absent', undefined],
    ['not an object', 'text'],
    ['no rev', { csTelemetry: { state: { enabled: true } } }],
    ['a malformed state', { csTelemetry: { rev: 1, state: { enabled: 'yes' } } }],
    ['an inherited entry', Object.create({ csTelemetry: { rev: 1, state: { enabled: true } } })],
  ] as const) {
    it(`reads nothing from a saved state that is ${name}`, () => {
      expect(readSavedState(new FakeVsCodeApi(saved))).to.equal(undefined);
    });
  }

  it('reads nothing when getState throws, and a setState that throws is no error', () => {
    const api = new FakeVsCodeApi();
    api.getState = () => {
      throw new Error('no');
    };
    api.setState = () => {
      throw new Error('no');
    };
    expect(readSavedState(api)).to.equal(undefined);
    expect(() => writeSavedState(api, { rev: 1, state: { enabled: true } })).to.not.throw();
  });

  describe('where a page starts', () => {
    it('from the embed, unless the same instance saved as new a word or newer', () => {
      expect(startingPoint(embed(3, 'a'), undefined).embed?.rev).to.equal(3);
      expect(startingPoint(embed(3, 'a'), { rev: 3, state: { enabled: true }, instance: 'a' }).saved?.rev).to.equal(3);
      expect(startingPoint(embed(3, 'a'), { rev: 2, state: { enabled: true }, instance: 'a' }).embed?.rev).to.equal(3);
      expect(startingPoint(embed(3, 'a'), { rev: 9, state: { enabled: true }, instance: 'b' }).embed?.rev).to.equal(3);
    });

    it('from the saved state without an embed; from nothing without either', () => {
      expect(startingPoint(undefined, { rev: 1, state: { enabled: true } }).saved?.rev).to.equal(1);
      expect(startingPoint(undefined, undefined)).to.deep.equal({});
    });

    it('a state in reply to a request, or a malformed one, is no embed', () => {
      expect(startingPoint({ ...embed(3), inReplyTo: 'x-1' }, undefined)).to.deep.equal({});
      expect(startingPoint({ type: 'telemetry/state' }, undefined)).to.deep.equal({});
    });
  });
});
