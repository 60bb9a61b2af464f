import { dataTypeDetails } from './data-type-details.js';
import { dataTypeSummaries } from './data-type-summaries.js';

/** One kind of data collected while telemetry is on. */
export interface TelemetryDataType {
  /** Stable id: one of the protocol's `TelemetryCategory` ids for the five kinds, any other for an item of your own. */
  id: string;
  title: string;
  /** One line, always visible. */
  description: string;
  /** Shown when the item is expanded. */
  detail: string;
  /** Shown under the detail: what the editor adds to this data or changes in it on the way, in plain words. */
  howSent?: string;
}

/** The five kinds of data the product collects, in the order the settings page lists them, in the active locale. */
// A function, not a constant: the words are looked up at render time, so a locale change reaches them.
export function defaultDataTypes(): readonly TelemetryDataType[] {
  const details = dataTypeDetails();
  return dataTypeSummaries().map((summary) => ({ ...summary, ...details[summary.id]! }));
}
