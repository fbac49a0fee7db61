/**
 * Every file in __tests__/fixtures/bad/ holds one problem; expectations.json says which check
 * must report it and where (positions were marked by hand in the fixture generator, not copied
 * from this implementation's output).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { loadManifest } from '../../src/manifest/load.js';
import { testCatalog } from './test-catalog.js';

interface Expectation {
  check: string;
  line: number;
  column: number;
  /** Set when the problem is located in a policy file (relative to the fixture folder). */
  file?: string;
}

const dir = '__tests__/fixtures/bad';
const expectations = JSON.parse(readFileSync(`${dir}/expectations.json`, 'utf8')) as Record<string, Expectation>;

test('the corpus is complete: every fixture has an expectation and vice versa', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  expect(files).toEqual(Object.keys(expectations).sort());
  expect(files.length).toBeGreaterThanOrEqual(45);
});

test.each(Object.entries(expectations))('%s is reported', (name, exp) => {
  const file = `${dir}/${name}`;
  const result = loadManifest(file, { root: process.cwd(), catalog: testCatalog });
  expect(result.manifest).toBeUndefined();
  const errors = result.findings.filter((f) => f.severity === 'error');
  const expectedFile = exp.file === undefined ? file : `${dir}/${exp.file}`;
  const summary = errors.map((f) => `${f.check} ${f.location.file}:${f.location.line}:${f.location.column} ${f.message}`);
  expect(summary).toContainEqual(expect.stringContaining(`${exp.check} ${expectedFile}:${exp.line}:${exp.column} `));
  // One problem per fixture: the expected finding is the first error (extra consequences must not come first).
  expect(summary[0]).toContain(`${exp.check} ${expectedFile}:${exp.line}:${exp.column} `);
  for (const f of errors) {
    expect(f.fix).toBeTruthy();
  }
});
