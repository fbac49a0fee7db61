import { DURATION } from './schema.js';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** `90d` -> 7776000. Throws on text the schema would have rejected (callers pass validated input). */
export function parseDuration(text: string): number {
  const m = DURATION.exec(text);
  if (!m) throw new Error(`not a duration: ${JSON.stringify(text)} (expected e.g. 90d, 48h)`);
  return Number(m[1]) * UNIT_SECONDS[m[2]!]!;
}
