import { expect } from '@open-wc/testing';
import { configureLocalization } from '@lit/localize';
import * as library from '../../src/index.js';

// The main entry says it has no side effects: importing it registers no tag and leaves @lit/localize unconfigured, so
// an application that configures its own localization, or defines the tags itself, still can.
describe('the library entry', () => {
  it('exports the classes without registering a tag', () => {
    expect(library.CsTelemetrySettings).to.be.a('function');
    const tags = ['cs-telemetry-settings', 'cs-switch', 'cs-telemetry-status-badge', 'cs-telemetry-data-types', 'cs-telemetry-events'];
    // Compared as names: chai would try to print a registered class.
    expect(tags.filter((tag) => customElements.get(tag) !== undefined)).to.deep.equal([]);
  });

  it('leaves @lit/localize for the application to configure', () => {
    // @lit/localize throws when configured twice on one page: importing the library must not have done it once.
    expect(() => configureLocalization({ sourceLocale: 'en', targetLocales: [], loadLocale: () => Promise.reject(new Error('none')) })).to.not.throw();
  });
});
