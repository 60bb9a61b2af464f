import type { CsSwitch } from "../dist/components/switch/switch.js";
import type {
  TelemetryEventsEntry,
  CsAccountLinkedChangeEvent,
  CsEventsRequestEvent,
  CsTelemetryDataTypes,
} from "../dist/components/telemetry-data-types/telemetry-data-types.js";
import type {
  EVENTS_CHUNK,
  EVENTS_FIRST_CHUNK,
  EVENTS_GROUP,
  EVENTS_BLOCK,
  CsEventsOlderEvent,
  CsEventsRetryEvent,
  CsTelemetryEvents,
} from "../dist/components/telemetry-events/telemetry-events.js";
import type { CsTelemetrySettings } from "../dist/components/telemetry-settings/telemetry-settings.js";
import type { CsTelemetryStatusBadge } from "../dist/components/telemetry-status-badge/telemetry-status-badge.js";

/**
 * This type can be used to create scoped tags for your components.
 *
 * Usage:
 *
 * ```ts
 * import type { ScopedElements } from "path/to/library/jsx-integration";
 *
 * declare module "my-library" {
 *   namespace JSX {
 *     interface IntrinsicElements
 *       extends ScopedElements<'test-', ''> {}
 *   }
 * }
 * ```
 *
 * @deprecated Runtime scoped elements result in duplicate types and can confusing for developers. It is recommended to use the `prefix` and `suffix` options to generate new types instead.
 */
export type ScopedElements<
  Prefix extends string = "",
  Suffix extends string = "",
> = {
  [
    Key in keyof CustomElements as `${Prefix}${Key}${Suffix}`
  ]: CustomElements[Key];
};

/**
 * A generic type for strongly typing custom events with their targets
 * @template T - The type of the event target (extends EventTarget)
 * @template D - The type of the detail payload for the custom event
 */
type TypedEvent<T extends EventTarget, E = Event> = E & {
  target: T;
};

type BaseProps<T extends HTMLElement> = {
  /** Content added between the opening and closing tags of the element */
  children?: any | undefined;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  class?: string | undefined;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  className?: string | undefined;
  /** Takes an object where the key is the class name(s) and the value is a boolean expression. When true, the class is applied, and when false, it is removed. */
  classList?: Record<string, boolean | undefined> | undefined;
  /** Specifies the text direction of the element. */
  dir?: "ltr" | "rtl" | undefined;
  /** Contains a space-separated list of the part names of the element that should be exposed on the host element. */
  exportparts?: string | undefined;
  /** For <label> and <output>, lets you associate the label with some control. */
  htmlFor?: string | undefined;
  /** Specifies whether the element should be hidden. */
  hidden?: boolean | string | undefined;
  /** A unique identifier for the element. */
  id?: string | undefined;
  /** Keys tell React which array item each component corresponds to */
  key?: string | number | undefined;
  /** Specifies the language of the element. */
  lang?: string | undefined;
  /** Defines the element's semantic role for accessibility APIs. */
  role?: string | undefined;
  /** Contains a space-separated list of the part names of the element. Part names allows CSS to select and style specific elements in a shadow tree via the ::part pseudo-element. */
  part?: string | undefined;
  /** Use the ref attribute with a variable to assign a DOM element to the variable once the element is rendered. */
  ref?: (T | ((e: T) => void)) | undefined;
  /** Adds a reference for a custom element slot */
  slot?: string | undefined;
  /** Prop for setting inline styles */
  style?: Record<string, string | number> | undefined;
  /** Overrides the default Tab button behavior. Avoid using values other than -1 and 0. */
  tabIndex?: number | undefined;
  /** Specifies the tooltip text for the element. */
  title?: string | undefined;
  /** Passing 'no' excludes the element content from being translated. */
  translate?: "yes" | "no" | undefined;
  /** The popover global attribute is used to designate an element as a popover element. */
  popover?: "auto" | "hint" | "manual" | undefined;
  /** Turns an element element into a popover control button; takes the ID of the popover element to control as its value. */
  popovertarget?: "top" | "bottom" | "left" | "right" | "auto" | undefined;
  /** Specifies the action to be performed on a popover element being controlled by a control element. */
  popovertargetaction?: "show" | "hide" | "toggle" | undefined;
};

type BaseEvents = {};

/** `CsSwitch` component event */
export type CsSwitchElementEvent<E = Event> = TypedEvent<CsSwitch, E>;

export type CsSwitchProps = {
  /** Whether the switch is on. Setting it from code fires no event. */
  checked?: CsSwitch["checked"] | undefined;
  /** Disables the switch: not focusable, and no change is possible. */
  disabled?: CsSwitch["disabled"] | undefined;
  /** Shows the switch as unavailable (`aria-disabled`) but keeps it focusable, so that keyboard and screen reader users
reach it and hear its help text (say, who fixes the setting); no change is possible. */
  locked?: CsSwitch["locked"] | undefined;
  /** The accessible label, used when nothing is slotted. */
  label?: CsSwitch["label"] | undefined;
  /** The form field name. */
  name?: CsSwitch["name"] | undefined;
  /** The value submitted with the form while the switch is on. */
  value?: CsSwitch["value"] | undefined;

  /** When the user flips the switch (pointer, Space or Enter), never when code sets `checked`. Bubbles and is composed; cancelable, and `preventDefault()` flips it back. */
  onchange?: ((e: CsSwitchElementEvent) => void) | undefined;
};

export type CsSwitchSolidJsProps = {
  /** Whether the switch is on. Setting it from code fires no event. */
  "prop:checked"?: CsSwitch["checked"] | undefined;
  /** Disables the switch: not focusable, and no change is possible. */
  "prop:disabled"?: CsSwitch["disabled"] | undefined;
  /** Shows the switch as unavailable (`aria-disabled`) but keeps it focusable, so that keyboard and screen reader users
reach it and hear its help text (say, who fixes the setting); no change is possible. */
  "prop:locked"?: CsSwitch["locked"] | undefined;
  /** The accessible label, used when nothing is slotted. */
  "prop:label"?: CsSwitch["label"] | undefined;
  /** The form field name. */
  "prop:name"?: CsSwitch["name"] | undefined;
  /** The value submitted with the form while the switch is on. */
  "prop:value"?: CsSwitch["value"] | undefined;
  /** When the user flips the switch (pointer, Space or Enter), never when code sets `checked`. Bubbles and is composed; cancelable, and `preventDefault()` flips it back. */
  "on:change"?: ((e: CsSwitchElementEvent) => void) | undefined;

  /** Set the innerHTML of the element */
  innerHTML?: string | undefined;
  /** Set the textContent of the element */
  textContent?: string | number | undefined;
};

/** `CsTelemetryDataTypes` component event */
export type CsTelemetryDataTypesElementEvent<E = Event> = TypedEvent<
  CsTelemetryDataTypes,
  E
>;

export type CsTelemetryDataTypesProps = {
  /** A change of the account switch is being saved. */
  "account-saving"?: CsTelemetryDataTypes["accountSaving"] | undefined;
  /** A change of the account switch is being saved. */
  accountSaving?: CsTelemetryDataTypes["accountSaving"] | undefined;
  /** A policy manages telemetry: the account switch is disabled. */
  locked?: CsTelemetryDataTypes["locked"] | undefined;
  /** The host can tell what was sent: each telemetry category gets a "Show what was sent" button. */
  "events-offered"?: CsTelemetryDataTypes["eventsOffered"] | undefined;
  /** The host can tell what was sent: each telemetry category gets a "Show what was sent" button. */
  eventsOffered?: CsTelemetryDataTypes["eventsOffered"] | undefined;
  /** Telemetry is off, so nothing is sent: an opened list says so without asking. */
  "telemetry-off"?: CsTelemetryDataTypes["telemetryOff"] | undefined;
  /** Telemetry is off, so nothing is sent: an opened list says so without asking. */
  telemetryOff?: CsTelemetryDataTypes["telemetryOff"] | undefined;
  /** The items to list; unset, the five kinds Code Studio collects, in the active locale. */
  items?: CsTelemetryDataTypes["items"] | undefined;
  /** The signed-in account, shown as text on the `account` item; null when signed out. */
  account?: CsTelemetryDataTypes["account"] | undefined;
  /** The account switch's value. Undefined: the host does not offer the switch, so none is shown. Null: not known
yet, so the switch is shown off and disabled. */
  accountLinked?: CsTelemetryDataTypes["accountLinked"] | undefined;
  /** The recent events of each category, as far as known. */
  events?: CsTelemetryDataTypes["events"] | undefined;
  /** A count per category that moves when its log changed: an open list asks again (`refresh`). */
  eventsChanged?: CsTelemetryDataTypes["eventsChanged"] | undefined;
  /** Per data type, how many events the editor's sent log holds (sent in the last 7 days, kept in all), shown under
each item while `eventsOffered`. Unset or missing for a type: no count line. */
  counts?: CsTelemetryDataTypes["counts"] | undefined;

  /** The user opened (or retried) "Show what was sent" for a category while telemetry is on, or its open list heard from `eventsChanged` that the log changed (`detail.refresh`), or the user asked for older events (`detail.older`: "Show older", while the category's entry has `more`); `detail.category`. Bubbles and is composed. Answer by setting `events`. */
  "oncs-events-request"?:
    ((e: CsTelemetryDataTypesElementEvent) => void) | undefined;
  /** The user flipped the account switch; `detail.accountLinked` is the value wanted. Bubbles, is composed and cancelable: `preventDefault()` flips the switch back. Every render shows `accountLinked`. */
  "oncs-account-linked-change"?:
    ((e: CsTelemetryDataTypesElementEvent) => void) | undefined;
};

export type CsTelemetryDataTypesSolidJsProps = {
  /** A change of the account switch is being saved. */
  "bool:account-saving"?: CsTelemetryDataTypes["accountSaving"] | undefined;
  /** A change of the account switch is being saved. */
  "prop:accountSaving"?: CsTelemetryDataTypes["accountSaving"] | undefined;
  /** A policy manages telemetry: the account switch is disabled. */
  "prop:locked"?: CsTelemetryDataTypes["locked"] | undefined;
  /** The host can tell what was sent: each telemetry category gets a "Show what was sent" button. */
  "bool:events-offered"?: CsTelemetryDataTypes["eventsOffered"] | undefined;
  /** The host can tell what was sent: each telemetry category gets a "Show what was sent" button. */
  "prop:eventsOffered"?: CsTelemetryDataTypes["eventsOffered"] | undefined;
  /** Telemetry is off, so nothing is sent: an opened list says so without asking. */
  "bool:telemetry-off"?: CsTelemetryDataTypes["telemetryOff"] | undefined;
  /** Telemetry is off, so nothing is sent: an opened list says so without asking. */
  "prop:telemetryOff"?: CsTelemetryDataTypes["telemetryOff"] | undefined;
  /** The items to list; unset, the five kinds Code Studio collects, in the active locale. */
  "prop:items"?: CsTelemetryDataTypes["items"] | undefined;
  /** The signed-in account, shown as text on the `account` item; null when signed out. */
  "prop:account"?: CsTelemetryDataTypes["account"] | undefined;
  /** The account switch's value. Undefined: the host does not offer the switch, so none is shown. Null: not known
yet, so the switch is shown off and disabled. */
  "prop:accountLinked"?: CsTelemetryDataTypes["accountLinked"] | undefined;
  /** The recent events of each category, as far as known. */
  "prop:events"?: CsTelemetryDataTypes["events"] | undefined;
  /** A count per category that moves when its log changed: an open list asks again (`refresh`). */
  "prop:eventsChanged"?: CsTelemetryDataTypes["eventsChanged"] | undefined;
  /** Per data type, how many events the editor's sent log holds (sent in the last 7 days, kept in all), shown under
each item while `eventsOffered`. Unset or missing for a type: no count line. */
  "prop:counts"?: CsTelemetryDataTypes["counts"] | undefined;
  /** The user opened (or retried) "Show what was sent" for a category while telemetry is on, or its open list heard from `eventsChanged` that the log changed (`detail.refresh`), or the user asked for older events (`detail.older`: "Show older", while the category's entry has `more`); `detail.category`. Bubbles and is composed. Answer by setting `events`. */
  "on:cs-events-request"?:
    ((e: CsTelemetryDataTypesElementEvent) => void) | undefined;
  /** The user flipped the account switch; `detail.accountLinked` is the value wanted. Bubbles, is composed and cancelable: `preventDefault()` flips the switch back. Every render shows `accountLinked`. */
  "on:cs-account-linked-change"?:
    ((e: CsTelemetryDataTypesElementEvent) => void) | undefined;

  /** Set the innerHTML of the element */
  innerHTML?: string | undefined;
  /** Set the textContent of the element */
  textContent?: string | number | undefined;
};

/** `CsTelemetryEvents` component event */
export type CsTelemetryEventsElementEvent<E = Event> = TypedEvent<
  CsTelemetryEvents,
  E
>;

export type CsTelemetryEventsProps = {
  /** `loading`, `ready` (show `events`), `error` (show `message` and Retry) or `off` (telemetry is off). */
  status?: CsTelemetryEvents["status"] | undefined;
  /** For `error`: the host's own words, shown as text after the panel's. */
  message?: CsTelemetryEvents["message"] | undefined;
  /** The accessible name of the list's region, e.g. "Token usage: events sent". */
  label?: CsTelemetryEvents["label"] | undefined;
  /** Older events are kept than those shown: the list offers "Show older". */
  more?: CsTelemetryEvents["more"] | undefined;
  /** A page of older events is being read (`loading`) or could not be (`error`, with `message`). */
  older?: CsTelemetryEvents["older"] | undefined;
  /** The events, oldest first, as the host sends them. */
  events?: CsTelemetryEvents["events"] | undefined;

  /** The user asked to load the events again after an error. Bubbles and is composed. */
  "oncs-events-retry"?:
    ((e: CsTelemetryEventsElementEvent) => void) | undefined;
  /** The user asked for the events older than those shown ("Show older", or scrolled to the end of the rows, while `more`). Bubbles and is composed. Answer by setting `events` to the older ones followed by those shown, and `more`. */
  "oncs-events-older"?:
    ((e: CsTelemetryEventsElementEvent) => void) | undefined;
};

export type CsTelemetryEventsSolidJsProps = {
  /** `loading`, `ready` (show `events`), `error` (show `message` and Retry) or `off` (telemetry is off). */
  "prop:status"?: CsTelemetryEvents["status"] | undefined;
  /** For `error`: the host's own words, shown as text after the panel's. */
  "prop:message"?: CsTelemetryEvents["message"] | undefined;
  /** The accessible name of the list's region, e.g. "Token usage: events sent". */
  "prop:label"?: CsTelemetryEvents["label"] | undefined;
  /** Older events are kept than those shown: the list offers "Show older". */
  "prop:more"?: CsTelemetryEvents["more"] | undefined;
  /** A page of older events is being read (`loading`) or could not be (`error`, with `message`). */
  "prop:older"?: CsTelemetryEvents["older"] | undefined;
  /** The events, oldest first, as the host sends them. */
  "prop:events"?: CsTelemetryEvents["events"] | undefined;
  /** The user asked to load the events again after an error. Bubbles and is composed. */
  "on:cs-events-retry"?:
    ((e: CsTelemetryEventsElementEvent) => void) | undefined;
  /** The user asked for the events older than those shown ("Show older", or scrolled to the end of the rows, while `more`). Bubbles and is composed. Answer by setting `events` to the older ones followed by those shown, and `more`. */
  "on:cs-events-older"?:
    ((e: CsTelemetryEventsElementEvent) => void) | undefined;

  /** Set the innerHTML of the element */
  innerHTML?: string | undefined;
  /** Set the textContent of the element */
  textContent?: string | number | undefined;
};

export type CsTelemetrySettingsProps = {
  /** How long a request may go unanswered before the panel shows the host's last known state and an alert, in ms. */
  timeout?: CsTelemetrySettings["timeout"] | undefined;
  /** The webview API to talk through; defaults to the one the page acquired with `acquireVsCodeApi()`. */
  vscodeApi?: CsTelemetrySettings["vscodeApi"] | undefined;
};

export type CsTelemetrySettingsSolidJsProps = {
  /** How long a request may go unanswered before the panel shows the host's last known state and an alert, in ms. */
  "prop:timeout"?: CsTelemetrySettings["timeout"] | undefined;
  /** The webview API to talk through; defaults to the one the page acquired with `acquireVsCodeApi()`. */
  "prop:vscodeApi"?: CsTelemetrySettings["vscodeApi"] | undefined;

  /** Set the innerHTML of the element */
  innerHTML?: string | undefined;
  /** Set the textContent of the element */
  textContent?: string | number | undefined;
};

export type CsTelemetryStatusBadgeProps = {
  /** One of `loading`, `on`, `errors-only`, `off`, `saving`, `error`; anything else shows as `error`. */
  status?: CsTelemetryStatusBadge["status"] | undefined;
  /** The setting is managed by policy: adds a lock and says so. */
  locked?: CsTelemetryStatusBadge["locked"] | undefined;
  /** When on: `anonymous` ("On, anonymous") or `linked` ("On, with your account"); unset, just "On". */
  identity?: CsTelemetryStatusBadge["identity"] | undefined;
};

export type CsTelemetryStatusBadgeSolidJsProps = {
  /** One of `loading`, `on`, `errors-only`, `off`, `saving`, `error`; anything else shows as `error`. */
  "prop:status"?: CsTelemetryStatusBadge["status"] | undefined;
  /** The setting is managed by policy: adds a lock and says so. */
  "prop:locked"?: CsTelemetryStatusBadge["locked"] | undefined;
  /** When on: `anonymous` ("On, anonymous") or `linked` ("On, with your account"); unset, just "On". */
  "prop:identity"?: CsTelemetryStatusBadge["identity"] | undefined;

  /** Set the innerHTML of the element */
  innerHTML?: string | undefined;
  /** Set the textContent of the element */
  textContent?: string | number | undefined;
};

export type CustomElements = {
  /**
   *
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `checked`: Whether the switch is on. Setting it from code fires no event.
   * - `disabled`: Disables the switch: not focusable, and no change is possible.
   * - `locked`: Shows the switch as unavailable (`aria-disabled`) but keeps it focusable, so that keyboard and screen reader users
   * reach it and hear its help text (say, who fixes the setting); no change is possible.
   * - `label`: The accessible label, used when nothing is slotted.
   * - `name`: The form field name.
   * - `value`: The value submitted with the form while the switch is on.
   *
   * ## Events
   *
   * Events that will be emitted by the component.
   *
   * - `change`: When the user flips the switch (pointer, Space or Enter), never when code sets `checked`. Bubbles and is composed; cancelable, and `preventDefault()` flips it back.
   *
   * ## Slots
   *
   * Areas where markup can be added to the component.
   *
   * - `(default)`: The label. Falls back to the `label` attribute.
   * - `help`: Text that explains the switch; screen readers read it with the switch.
   *
   * ## CSS Custom Properties
   *
   * CSS variables available for styling the component.
   *
   * - `--cs-switch-checked-background`: Track colour when on. (default: `var(--vscode-button-background, #0078d4)`)
   * - `--vscode-input-background`: Track colour when off. (default: `#313131`)
   * - `--vscode-checkbox-border`: Track border when off. (default: `#3c3c3c`)
   * - `--vscode-foreground`: Thumb colour when off. (default: `#ccc`)
   * - `--vscode-button-foreground`: Thumb colour when on. (default: `#fff`)
   * - `--vscode-contrastBorder`: High-contrast track border; replaces the checkbox border when set. (default: `undefined`)
   * - `--vscode-contrastActiveBorder`: High-contrast track border when on. (default: `undefined`)
   * - `--vscode-focusBorder`: Focus ring. (default: `#0078d4`)
   *
   * ## CSS Parts
   *
   * Custom selectors for styling elements within the component.
   *
   * - `control`: The focusable button with `role="switch"`: the track, with the thumb drawn as its `::before`.
   */
  "cs-switch": Partial<CsSwitchProps & BaseProps<CsSwitch> & BaseEvents>;

  /**
   *
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `account-saving`/`accountSaving`: A change of the account switch is being saved.
   * - `locked`: A policy manages telemetry: the account switch is disabled.
   * - `events-offered`/`eventsOffered`: The host can tell what was sent: each telemetry category gets a "Show what was sent" button.
   * - `telemetry-off`/`telemetryOff`: Telemetry is off, so nothing is sent: an opened list says so without asking.
   * - `items`: The items to list; unset, the five kinds Code Studio collects, in the active locale. (property only)
   * - `account`: The signed-in account, shown as text on the `account` item; null when signed out. (property only)
   * - `accountLinked`: The account switch's value. Undefined: the host does not offer the switch, so none is shown. Null: not known
   * yet, so the switch is shown off and disabled. (property only)
   * - `events`: The recent events of each category, as far as known. (property only)
   * - `eventsChanged`: A count per category that moves when its log changed: an open list asks again (`refresh`). (property only)
   * - `counts`: Per data type, how many events the editor's sent log holds (sent in the last 7 days, kept in all), shown under
   * each item while `eventsOffered`. Unset or missing for a type: no count line. (property only)
   *
   * ## Events
   *
   * Events that will be emitted by the component.
   *
   * - `cs-events-request`: The user opened (or retried) "Show what was sent" for a category while telemetry is on, or its open list heard from `eventsChanged` that the log changed (`detail.refresh`), or the user asked for older events (`detail.older`: "Show older", while the category's entry has `more`); `detail.category`. Bubbles and is composed. Answer by setting `events`.
   * - `cs-account-linked-change`: The user flipped the account switch; `detail.accountLinked` is the value wanted. Bubbles, is composed and cancelable: `preventDefault()` flips the switch back. Every render shows `accountLinked`.
   *
   * ## CSS Custom Properties
   *
   * CSS variables available for styling the component.
   *
   * - `--vscode-settings-rowHoverBackground`: The line between items. (default: `#80808033`)
   * - `--vscode-descriptionForeground`: Descriptions and details. (default: `#9d9d9d`)
   * - `--vscode-editorWarning-foreground`: The bar beside the signed-in account line: the data is not anonymous then. (default: `#cca700`)
   * - `--vscode-textLink-foreground`: The "Show what was sent" buttons. (default: `#4daafc`)
   *
   * ## CSS Parts
   *
   * Custom selectors for styling elements within the component.
   *
   * - `heading`: The list's heading.
   * - `item`: Each item.
   * - `toggle`: Each item's expander button.
   * - `account`: The line naming the signed-in account.
   * - `account-switch`: The "Include my account details" switch, when offered.
   * - `events-toggle`: Each item's "Show what was sent" button, when offered.
   * - `events`: Each item's list of events, while shown.
   * - `sent-count`: Each item's count of events sent in the last 7 days and kept, when the host tells it.
   * - `part-failed`: The note shown when the code of an extension it shows could not be loaded.
   */
  "cs-telemetry-data-types": Partial<
    CsTelemetryDataTypesProps & BaseProps<CsTelemetryDataTypes> & BaseEvents
  >;

  /**
   *
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `status`: `loading`, `ready` (show `events`), `error` (show `message` and Retry) or `off` (telemetry is off).
   * - `message`: For `error`: the host's own words, shown as text after the panel's.
   * - `label`: The accessible name of the list's region, e.g. "Token usage: events sent".
   * - `more`: Older events are kept than those shown: the list offers "Show older".
   * - `older`: A page of older events is being read (`loading`) or could not be (`error`, with `message`).
   * - `events`: The events, oldest first, as the host sends them. (property only)
   *
   * ## Events
   *
   * Events that will be emitted by the component.
   *
   * - `cs-events-retry`: The user asked to load the events again after an error. Bubbles and is composed.
   * - `cs-events-older`: The user asked for the events older than those shown ("Show older", or scrolled to the end of the rows, while `more`). Bubbles and is composed. Answer by setting `events` to the older ones followed by those shown, and `more`.
   *
   * ## CSS Custom Properties
   *
   * CSS variables available for styling the component.
   *
   * - `--cs-telemetry-events-max-height`: The list scrolls beyond this height. (default: `320px`)
   * - `--vscode-editor-font-family`: Event names and fields. (default: `monospace`)
   * - `--vscode-settings-rowHoverBackground`: The lines between events. (default: `#80808033`)
   * - `--vscode-button-secondaryBackground`: The Retry button. (default: `#313131`)
   *
   * ## CSS Parts
   *
   * Custom selectors for styling elements within the component.
   *
   * - `status`: The line saying what state the list is in (loading, empty, off, error, or how many events).
   * - `list`: The list of events.
   * - `event`: Each event.
   * - `retry`: The Retry button shown after an error.
   * - `show-older`: The "Show older" button, while older events are kept than those shown.
   * - `older-status`: The line saying older events are loading, or could not be loaded.
   */
  "cs-telemetry-events": Partial<
    CsTelemetryEventsProps & BaseProps<CsTelemetryEvents> & BaseEvents
  >;

  /**
   *
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `timeout`: How long a request may go unanswered before the panel shows the host's last known state and an alert, in ms.
   * - `vscodeApi`: The webview API to talk through; defaults to the one the page acquired with `acquireVsCodeApi()`. (property only)
   * - `view`: What the panel shows now. (property only) (readonly)
   *
   * ## Slots
   *
   * Areas where markup can be added to the component.
   *
   * - `(default)`: Extra content under the section; it can read the panel's state through `telemetryContext`.
   *
   * ## CSS Custom Properties
   *
   * CSS variables available for styling the component.
   *
   * - `--cs-telemetry-background`: The section's background. (default: `var(--vscode-editor-background, #1f1f1f)`)
   * - `--cs-telemetry-max-width`: The widest the section grows. (default: `720px`)
   * - `--vscode-font-family`: The font of every element (set by VS Code in a webview). (default: `system-ui, sans-serif`)
   * - `--vscode-font-size`: The text size of every element. (default: `13px`)
   * - `--vscode-foreground`: Text. (default: `#ccc`)
   * - `--vscode-editorWarning-foreground`: The editor-wide-off note's accent. (default: `#cca700`)
   * - `--vscode-inputValidation-warningBackground`: The editor-wide-off note's background. (default: `#352a05`)
   * - `--vscode-errorForeground`: The alert's accent. (default: `#f85149`)
   * - `--vscode-inputValidation-errorBackground`: The alert's background. (default: `#5a1d1d`)
   * - `--vscode-button-background`: The Retry button. (default: `#0078d4`)
   * - `--vscode-button-hoverBackground`: The Retry button under the pointer. (default: `#026ec1`)
   * - `--vscode-textLink-foreground`: The links. (default: `#4daafc`)
   *
   * ## CSS Parts
   *
   * Custom selectors for styling elements within the component.
   *
   * - `heading`: The "Telemetry" heading.
   * - `badge`: The status badge.
   * - `switch`: The Allow Anonymous Telemetry switch.
   * - `alert`: The live region that reports failures.
   * - `retry`: The Retry button.
   * - `data-types`: The list of collected data.
   * - `never-collected`: The statement of what is never collected.
   * - `history`: The line saying when and by what the setting last changed (when the host tells).
   * - `links`: The Privacy statement and How telemetry works buttons (those the host offers).
   * - `export`: The "Export what was sent…" button (when the host offers `export`).
   * - `export-status`: The live line saying how the last export ended.
   */
  "cs-telemetry-settings": Partial<
    CsTelemetrySettingsProps & BaseProps<CsTelemetrySettings> & BaseEvents
  >;

  /**
   *
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `status`: One of `loading`, `on`, `errors-only`, `off`, `saving`, `error`; anything else shows as `error`.
   * - `locked`: The setting is managed by policy: adds a lock and says so.
   * - `identity`: When on: `anonymous` ("On, anonymous") or `linked` ("On, with your account"); unset, just "On".
   *
   * ## CSS Custom Properties
   *
   * CSS variables available for styling the component.
   *
   * - `--vscode-badge-background`: Background when on. (default: `#616161`)
   * - `--vscode-badge-foreground`: Text when on. (default: `#f8f8f8`)
   * - `--vscode-descriptionForeground`: Text in every other status. (default: `#9d9d9d`)
   * - `--vscode-inputValidation-errorBorder`: Border when the status is unknown (`error`). (default: `#be1100`)
   * - `--vscode-contrastBorder`: High-contrast border; when unset the border is the text colour. (default: `undefined`)
   *
   * ## CSS Parts
   *
   * Custom selectors for styling elements within the component.
   *
   * - `base`: The badge.
   * - `label`: The status text.
   */
  "cs-telemetry-status-badge": Partial<
    CsTelemetryStatusBadgeProps & BaseProps<CsTelemetryStatusBadge> & BaseEvents
  >;
};

export type CustomElementsSolidJs = {
  /**
   *
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `checked`: Whether the switch is on. Setting it from code fires no event.
   * - `disabled`: Disables the switch: not focusable, and no change is possible.
   * - `locked`: Shows the switch as unavailable (`aria-disabled`) but keeps it focusable, so that keyboard and screen reader users
   * reach it and hear its help text (say, who fixes the setting); no change is possible.
   * - `label`: The accessible label, used when nothing is slotted.
   * - `name`: The form field name.
   * - `value`: The value submitted with the form while the switch is on.
   *
   * ## Events
   *
   * Events that will be emitted by the component.
   *
   * - `change`: When the user flips the switch (pointer, Space or Enter), never when code sets `checked`. Bubbles and is composed; cancelable, and `preventDefault()` flips it back.
   *
   * ## Slots
   *
   * Areas where markup can be added to the component.
   *
   * - `(default)`: The label. Falls back to the `label` attribute.
   * - `help`: Text that explains the switch; screen readers read it with the switch.
   *
   * ## CSS Custom Properties
   *
   * CSS variables available for styling the component.
   *
   * - `--cs-switch-checked-background`: Track colour when on. (default: `var(--vscode-button-background, #0078d4)`)
   * - `--vscode-input-background`: Track colour when off. (default: `#313131`)
   * - `--vscode-checkbox-border`: Track border when off. (default: `#3c3c3c`)
   * - `--vscode-foreground`: Thumb colour when off. (default: `#ccc`)
   * - `--vscode-button-foreground`: Thumb colour when on. (default: `#fff`)
   * - `--vscode-contrastBorder`: High-contrast track border; replaces the checkbox border when set. (default: `undefined`)
   * - `--vscode-contrastActiveBorder`: High-contrast track border when on. (default: `undefined`)
   * - `--vscode-focusBorder`: Focus ring. (default: `#0078d4`)
   *
   * ## CSS Parts
   *
   * Custom selectors for styling elements within the component.
   *
   * - `control`: The focusable button with `role="switch"`: the track, with the thumb drawn as its `::before`.
   */
  "cs-switch": Partial<
    CsSwitchProps & CsSwitchSolidJsProps & BaseProps<CsSwitch> & BaseEvents
  >;

  /**
   *
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `account-saving`/`accountSaving`: A change of the account switch is being saved.
   * - `locked`: A policy manages telemetry: the account switch is disabled.
   * - `events-offered`/`eventsOffered`: The host can tell what was sent: each telemetry category gets a "Show what was sent" button.
   * - `telemetry-off`/`telemetryOff`: Telemetry is off, so nothing is sent: an opened list says so without asking.
   * - `items`: The items to list; unset, the five kinds Code Studio collects, in the active locale. (property only)
   * - `account`: The signed-in account, shown as text on the `account` item; null when signed out. (property only)
   * - `accountLinked`: The account switch's value. Undefined: the host does not offer the switch, so none is shown. Null: not known
   * yet, so the switch is shown off and disabled. (property only)
   * - `events`: The recent events of each category, as far as known. (property only)
   * - `eventsChanged`: A count per category that moves when its log changed: an open list asks again (`refresh`). (property only)
   * - `counts`: Per data type, how many events the editor's sent log holds (sent in the last 7 days, kept in all), shown under
   * each item while `eventsOffered`. Unset or missing for a type: no count line. (property only)
   *
   * ## Events
   *
   * Events that will be emitted by the component.
   *
   * - `cs-events-request`: The user opened (or retried) "Show what was sent" for a category while telemetry is on, or its open list heard from `eventsChanged` that the log changed (`detail.refresh`), or the user asked for older events (`detail.older`: "Show older", while the category's entry has `more`); `detail.category`. Bubbles and is composed. Answer by setting `events`.
   * - `cs-account-linked-change`: The user flipped the account switch; `detail.accountLinked` is the value wanted. Bubbles, is composed and cancelable: `preventDefault()` flips the switch back. Every render shows `accountLinked`.
   *
   * ## CSS Custom Properties
   *
   * CSS variables available for styling the component.
   *
   * - `--vscode-settings-rowHoverBackground`: The line between items. (default: `#80808033`)
   * - `--vscode-descriptionForeground`: Descriptions and details. (default: `#9d9d9d`)
   * - `--vscode-editorWarning-foreground`: The bar beside the signed-in account line: the data is not anonymous then. (default: `#cca700`)
   * - `--vscode-textLink-foreground`: The "Show what was sent" buttons. (default: `#4daafc`)
   *
   * ## CSS Parts
   *
   * Custom selectors for styling elements within the component.
   *
   * - `heading`: The list's heading.
   * - `item`: Each item.
   * - `toggle`: Each item's expander button.
   * - `account`: The line naming the signed-in account.
   * - `account-switch`: The "Include my account details" switch, when offered.
   * - `events-toggle`: Each item's "Show what was sent" button, when offered.
   * - `events`: Each item's list of events, while shown.
   * - `sent-count`: Each item's count of events sent in the last 7 days and kept, when the host tells it.
   * - `part-failed`: The note shown when the code of an extension it shows could not be loaded.
   */
  "cs-telemetry-data-types": Partial<
    CsTelemetryDataTypesProps &
      CsTelemetryDataTypesSolidJsProps &
      BaseProps<CsTelemetryDataTypes> &
      BaseEvents
  >;

  /**
   *
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `status`: `loading`, `ready` (show `events`), `error` (show `message` and Retry) or `off` (telemetry is off).
   * - `message`: For `error`: the host's own words, shown as text after the panel's.
   * - `label`: The accessible name of the list's region, e.g. "Token usage: events sent".
   * - `more`: Older events are kept than those shown: the list offers "Show older".
   * - `older`: A page of older events is being read (`loading`) or could not be (`error`, with `message`).
   * - `events`: The events, oldest first, as the host sends them. (property only)
   *
   * ## Events
   *
   * Events that will be emitted by the component.
   *
   * - `cs-events-retry`: The user asked to load the events again after an error. Bubbles and is composed.
   * - `cs-events-older`: The user asked for the events older than those shown ("Show older", or scrolled to the end of the rows, while `more`). Bubbles and is composed. Answer by setting `events` to the older ones followed by those shown, and `more`.
   *
   * ## CSS Custom Properties
   *
   * CSS variables available for styling the component.
   *
   * - `--cs-telemetry-events-max-height`: The list scrolls beyond this height. (default: `320px`)
   * - `--vscode-editor-font-family`: Event names and fields. (default: `monospace`)
   * - `--vscode-settings-rowHoverBackground`: The lines between events. (default: `#80808033`)
   * - `--vscode-button-secondaryBackground`: The Retry button. (default: `#313131`)
   *
   * ## CSS Parts
   *
   * Custom selectors for styling elements within the component.
   *
   * - `status`: The line saying what state the list is in (loading, empty, off, error, or how many events).
   * - `list`: The list of events.
   * - `event`: Each event.
   * - `retry`: The Retry button shown after an error.
   * - `show-older`: The "Show older" button, while older events are kept than those shown.
   * - `older-status`: The line saying older events are loading, or could not be loaded.
   */
  "cs-telemetry-events": Partial<
    CsTelemetryEventsProps &
      CsTelemetryEventsSolidJsProps &
      BaseProps<CsTelemetryEvents> &
      BaseEvents
  >;

  /**
   *
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `timeout`: How long a request may go unanswered before the panel shows the host's last known state and an alert, in ms.
   * - `vscodeApi`: The webview API to talk through; defaults to the one the page acquired with `acquireVsCodeApi()`. (property only)
   * - `view`: What the panel shows now. (property only) (readonly)
   *
   * ## Slots
   *
   * Areas where markup can be added to the component.
   *
   * - `(default)`: Extra content under the section; it can read the panel's state through `telemetryContext`.
   *
   * ## CSS Custom Properties
   *
   * CSS variables available for styling the component.
   *
   * - `--cs-telemetry-background`: The section's background. (default: `var(--vscode-editor-background, #1f1f1f)`)
   * - `--cs-telemetry-max-width`: The widest the section grows. (default: `720px`)
   * - `--vscode-font-family`: The font of every element (set by VS Code in a webview). (default: `system-ui, sans-serif`)
   * - `--vscode-font-size`: The text size of every element. (default: `13px`)
   * - `--vscode-foreground`: Text. (default: `#ccc`)
   * - `--vscode-editorWarning-foreground`: The editor-wide-off note's accent. (default: `#cca700`)
   * - `--vscode-inputValidation-warningBackground`: The editor-wide-off note's background. (default: `#352a05`)
   * - `--vscode-errorForeground`: The alert's accent. (default: `#f85149`)
   * - `--vscode-inputValidation-errorBackground`: The alert's background. (default: `#5a1d1d`)
   * - `--vscode-button-background`: The Retry button. (default: `#0078d4`)
   * - `--vscode-button-hoverBackground`: The Retry button under the pointer. (default: `#026ec1`)
   * - `--vscode-textLink-foreground`: The links. (default: `#4daafc`)
   *
   * ## CSS Parts
   *
   * Custom selectors for styling elements within the component.
   *
   * - `heading`: The "Telemetry" heading.
   * - `badge`: The status badge.
   * - `switch`: The Allow Anonymous Telemetry switch.
   * - `alert`: The live region that reports failures.
   * - `retry`: The Retry button.
   * - `data-types`: The list of collected data.
   * - `never-collected`: The statement of what is never collected.
   * - `history`: The line saying when and by what the setting last changed (when the host tells).
   * - `links`: The Privacy statement and How telemetry works buttons (those the host offers).
   * - `export`: The "Export what was sent…" button (when the host offers `export`).
   * - `export-status`: The live line saying how the last export ended.
   */
  "cs-telemetry-settings": Partial<
    CsTelemetrySettingsProps &
      CsTelemetrySettingsSolidJsProps &
      BaseProps<CsTelemetrySettings> &
      BaseEvents
  >;

  /**
   *
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `status`: One of `loading`, `on`, `errors-only`, `off`, `saving`, `error`; anything else shows as `error`.
   * - `locked`: The setting is managed by policy: adds a lock and says so.
   * - `identity`: When on: `anonymous` ("On, anonymous") or `linked` ("On, with your account"); unset, just "On".
   *
   * ## CSS Custom Properties
   *
   * CSS variables available for styling the component.
   *
   * - `--vscode-badge-background`: Background when on. (default: `#616161`)
   * - `--vscode-badge-foreground`: Text when on. (default: `#f8f8f8`)
   * - `--vscode-descriptionForeground`: Text in every other status. (default: `#9d9d9d`)
   * - `--vscode-inputValidation-errorBorder`: Border when the status is unknown (`error`). (default: `#be1100`)
   * - `--vscode-contrastBorder`: High-contrast border; when unset the border is the text colour. (default: `undefined`)
   *
   * ## CSS Parts
   *
   * Custom selectors for styling elements within the component.
   *
   * - `base`: The badge.
   * - `label`: The status text.
   */
  "cs-telemetry-status-badge": Partial<
    CsTelemetryStatusBadgeProps &
      CsTelemetryStatusBadgeSolidJsProps &
      BaseProps<CsTelemetryStatusBadge> &
      BaseEvents
  >;
};

export type CustomCssProperties = {
  /** Track colour when on. */
  "--cs-switch-checked-background"?: string | undefined;
  /** Track colour when off. */
  "--vscode-input-background"?: string | undefined;
  /** Track border when off. */
  "--vscode-checkbox-border"?: string | undefined;
  /** Thumb colour when off. */
  "--vscode-foreground"?: string | undefined;
  /** Thumb colour when on. */
  "--vscode-button-foreground"?: string | undefined;
  /** High-contrast track border; replaces the checkbox border when set. */
  "--vscode-contrastBorder"?: string | undefined;
  /** High-contrast track border when on. */
  "--vscode-contrastActiveBorder"?: string | undefined;
  /** Focus ring. */
  "--vscode-focusBorder"?: string | undefined;
  /** The line between items. */
  "--vscode-settings-rowHoverBackground"?: string | undefined;
  /** Descriptions and details. */
  "--vscode-descriptionForeground"?: string | undefined;
  /** The bar beside the signed-in account line: the data is not anonymous then. */
  "--vscode-editorWarning-foreground"?: string | undefined;
  /** The "Show what was sent" buttons. */
  "--vscode-textLink-foreground"?: string | undefined;
  /** The list scrolls beyond this height. */
  "--cs-telemetry-events-max-height"?: string | undefined;
  /** Event names and fields. */
  "--vscode-editor-font-family"?: string | undefined;
  /** The Retry button. */
  "--vscode-button-secondaryBackground"?: string | undefined;
  /** The section's background. */
  "--cs-telemetry-background"?: string | undefined;
  /** The widest the section grows. */
  "--cs-telemetry-max-width"?: string | undefined;
  /** The font of every element (set by VS Code in a webview). */
  "--vscode-font-family"?: string | undefined;
  /** The text size of every element. */
  "--vscode-font-size"?: string | undefined;
  /** The editor-wide-off note's background. */
  "--vscode-inputValidation-warningBackground"?: string | undefined;
  /** The alert's accent. */
  "--vscode-errorForeground"?: string | undefined;
  /** The alert's background. */
  "--vscode-inputValidation-errorBackground"?: string | undefined;
  /** The Retry button. */
  "--vscode-button-background"?: string | undefined;
  /** The Retry button under the pointer. */
  "--vscode-button-hoverBackground"?: string | undefined;
  /** Background when on. */
  "--vscode-badge-background"?: string | undefined;
  /** Text when on. */
  "--vscode-badge-foreground"?: string | undefined;
  /** Border when the status is unknown (`error`). */
  "--vscode-inputValidation-errorBorder"?: string | undefined;
};

declare module "react" {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare module "react/jsx-runtime" {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare module "react/jsx-dev-runtime" {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare module "preact" {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare module "@builder.io/qwik" {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare module "@stencil/core" {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare module "hono/jsx" {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare module "react-native" {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare module "solid-js" {
  namespace JSX {
    interface IntrinsicElements extends CustomElementsSolidJs {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}

declare global {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
  export interface CSSProperties extends CustomCssProperties {}
}
