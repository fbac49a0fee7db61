import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkInfo, type CheckId } from '../../src/policy/catalogue.js';
import { checkManifestPolicies } from '../../src/policy/checks.js';
import { FIXTURES, oneUser, policyFile } from './fixtures.js';

const expectations = JSON.parse(readFileSync(join(FIXTURES, 'bad/expectations.json'), 'utf8')) as Record<
  string,
  { check: CheckId; line: number; column: number }
>;

test('every bad fixture has an expectation, and there are at least 12', () => {
  const files = readdirSync(join(FIXTURES, 'bad')).filter((f) => f.endsWith('.json') && f !== 'expectations.json');
  expect(files.length).toBeGreaterThanOrEqual(12);
  expect(Object.keys(expectations).sort()).toEqual(files.sort());
});

describe.each(Object.entries(expectations))('%s', (file, want) => {
  test(`reports exactly ${want.check} at ${want.line}:${want.column} in the policy file`, () => {
    const findings = checkManifestPolicies(oneUser([policyFile(`bad/${file}`)]));
    expect(findings.map((f) => ({ check: f.check, file: f.location.file, line: f.location.line, column: f.location.column }))).toEqual([
      { check: want.check, file: `__tests__/fixtures/policy/bad/${file}`, line: want.line, column: want.column },
    ]);
    const [f] = findings;
    expect(f?.severity).toBe(checkInfo(want.check).severity);
    expect(f?.fix).toBeTruthy();
    expect(f?.connection).toBe('vendor');
  });
});
