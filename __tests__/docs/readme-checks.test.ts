/**
 * The README's check reference is generated from the catalogue, so it cannot fall behind:
 * `UPDATE_README=1 npm test -- __tests__/docs` rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CATALOGUE } from '../../src/policy/catalogue.js';

const START = '<!-- checks:start (generated from src/policy/catalogue.ts) -->';
const END = '<!-- checks:end -->';

function table(): string {
  const rows = CATALOGUE.map(
    (c) => `| \`${c.id}\` | ${c.acknowledgeable ? 'warning, fails until acknowledged' : c.severity} | ${c.title}. ${c.help.replace(/\|/g, '\\|')} |`,
  );
  return ['| check | severity | what and how to fix |', '|---|---|---|', ...rows].join('\n');
}

test('the README lists every policy check with its severity', () => {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  expect(start).toBeGreaterThan(0);
  const want = `${START}\n${table()}\n${END}`;
  const got = readme.slice(start, end + END.length);
  if (got !== want && process.env.UPDATE_README === '1') {
    writeFileSync('README.md', readme.slice(0, start) + want + readme.slice(end + END.length));
    return;
  }
  expect(got).toBe(want);
});
