// Types for panel-locators.js, which stays plain JS so that the e2e helpers (Node, no TypeScript) import it.
import type { Frame, FrameLocator, Locator } from 'playwright-core';

export declare const SWITCH_NAME: Readonly<{ telemetry: string; account: string }>;

export interface PanelLocators {
  section(lang?: string): Locator;
  heading(name: string): Locator;
  switch(options?: { checked?: boolean; name?: string }): Locator;
  accountSwitch(options?: { checked?: boolean }): Locator;
  badge(): Locator;
  history(): Locator;
  account(): Locator;
  link(name: string): Locator;
  dataType(title: string): Locator;
  eventsToggle(title: string): Locator;
  eventsStatus(title: string): Locator;
  eventRows(title: string): Locator;
  readEvents(title: string): Promise<{ name: string; data: Record<string, string> }[]>;
}

export declare function panelLocators(frame: FrameLocator | Frame): PanelLocators;
