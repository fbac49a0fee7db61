/**
 * Vendor presets (`vendor: senhasegura | sekoia | cloudcoreo | cloudyn`). Each one implements a
 * seed runbook from ../shared/seeds and says which. (Stub: filled in by the presets work.)
 */
export interface VendorPreset {
  id: string;
  title: string;
  /** The seed runbook(s) this preset implements, e.g. ['000']. */
  seeds: string[];
}

export function getPreset(_id: string): VendorPreset | undefined {
  return undefined;
}

export function presetIds(): string[] {
  return [];
}
