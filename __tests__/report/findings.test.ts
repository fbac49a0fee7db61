import type { Finding } from '../../src/diagnostics.js';
import { renderFindingsMarkdown } from '../../src/report/findings-markdown.js';
import { renderFindingsText, tally, tallyLine } from '../../src/report/findings-text.js';

const at = (line: number) => ({ file: 'c.yaml', line, column: 2 });
const findings: Finding[] = [
  { check: 'policy/admin', severity: 'warning', message: 'grants *', location: at(9), acknowledgeable: true },
  { check: 'manifest/unknown-key', severity: 'error', message: 'unknown key "usr"', fix: 'did you mean "user"?', location: at(3), connection: 'sekoia' },
  { check: 'policy/retired-service', severity: 'notice', message: 'OpsWorks | Stacks', location: at(12) },
];

test('text: sorted by place, with the fix under the finding and the tally', () => {
  expect(renderFindingsText(findings)).toBe(
    [
      'c.yaml:3:2: error manifest/unknown-key [sekoia]: unknown key "usr"',
      '    fix: did you mean "user"?',
      'c.yaml:9:2: risk policy/admin: grants *',
      'c.yaml:12:2: notice policy/retired-service: OpsWorks | Stacks',
    ].join('\n'),
  );
  expect(tally(findings)).toEqual({ errors: 1, unacknowledged: 1, warnings: 0, notices: 1 });
  expect(tallyLine(tally(findings))).toBe('1 error, 1 unacknowledged risk, 0 warnings, 1 notice');
});

test('markdown: one row per finding, table cells escaped', () => {
  const md = renderFindingsMarkdown('validate', findings);
  expect(md).toContain('| :x: error | `manifest/unknown-key` | `c.yaml:3:2` | unknown key "usr" | did you mean "user"? |');
  expect(md).toContain('OpsWorks \\| Stacks');
  expect(md.split('\n').filter((l) => l.startsWith('| :'))).toHaveLength(3);
});

test('markdown: a clean manifest says so', () => {
  expect(renderFindingsMarkdown('validate', [])).toContain('No problems found.');
});
