import { isBlocking } from '../src/diagnostics.js';

test('an unacknowledged risky warning blocks', () => {
  const at = { file: 'm.yaml', line: 1, column: 1 };
  expect(isBlocking({ check: 'x', severity: 'warning', message: 'm', location: at, acknowledgeable: true })).toBe(true);
  expect(isBlocking({ check: 'x', severity: 'warning', message: 'm', location: at })).toBe(false);
});
