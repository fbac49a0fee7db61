/**
 * The recorded delivery time is the base of the schedule and of the switch evidence: a daily run at
 * the same hour must find the next stage due, and the tool's own verification must never count as
 * the vendor's use.
 */
import { SWITCH_EVIDENCE_MARGIN_S } from '../../src/plan/keys.js';
import { RECORD_AT_RUN_START_S, recordTime } from '../../src/rotate/deliver.js';

const START = new Date('2027-03-05T06:17:00Z');
const later = (s: number) => new Date(START.getTime() + s * 1000);

test('a delivery that ends soon after the run starts is recorded at the run start (the schedule does not slip a day)', () => {
  expect(recordTime(START, later(3))).toBe(START.toISOString());
  expect(recordTime(START, later(RECORD_AT_RUN_START_S))).toBe(START.toISOString());
  expect(recordTime(START, undefined)).toBe(START.toISOString());
});

test('a slow run records the instant after its last sink', () => {
  expect(recordTime(START, later(RECORD_AT_RUN_START_S + 1))).toBe(later(RECORD_AT_RUN_START_S + 1).toISOString());
});

test('any verification before the recorded instant plus the window stays inside the evidence margin', () => {
  // Verification precedes delivery; delivery ends at most RECORD_AT_RUN_START_S after the recorded start.
  expect(RECORD_AT_RUN_START_S).toBeLessThan(SWITCH_EVIDENCE_MARGIN_S);
});
