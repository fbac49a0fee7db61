import type { Finding } from '../../src/diagnostics.js';
import { ANNOTATIONS_PER_KIND, planAnnotations } from '../../src/github/annotations.js';

const finding = (i: number, over: Partial<Finding> = {}): Finding => ({
  check: 'manifest/unknown-key',
  severity: 'error',
  message: `problem ${i}`,
  fix: 'do this',
  location: { file: 'connections.yaml', line: i, column: 3 },
  ...over,
});

test('each finding becomes an annotation on its file, line and column, with the fix', () => {
  const { annotations, overflow } = planAnnotations([finding(4)]);
  expect(overflow).toEqual([]);
  expect(annotations).toEqual([
    {
      kind: 'error',
      message: 'problem 4 Fix: do this',
      properties: { title: 'manifest/unknown-key', file: 'connections.yaml', startLine: 4, startColumn: 3 },
    },
  ]);
});

test('past GitHub\'s cap of 10 per kind the rest are summed up in one line', () => {
  const many = Array.from({ length: 14 }, (_, i) => finding(i + 1));
  const warnings = Array.from({ length: 3 }, (_, i) => finding(i + 1, { severity: 'warning' }));
  const { annotations, overflow } = planAnnotations([...many, ...warnings]);
  expect(annotations.filter((a) => a.kind === 'error')).toHaveLength(ANNOTATIONS_PER_KIND);
  expect(annotations.filter((a) => a.kind === 'warning')).toHaveLength(3);
  expect(overflow).toEqual(['4 more errors are not annotated (GitHub shows 10 per step): see the job summary.']);
});

test('an unacknowledged risk is a warning annotation, an acknowledged one a notice with its reason', () => {
  const risk = finding(1, { severity: 'warning', acknowledgeable: true, check: 'policy/privilege-escalation' });
  const acked = { ...risk, acknowledged: { reason: 'PAM vendor manages users' } };
  const { annotations } = planAnnotations([risk, acked]);
  expect(annotations.map((a) => [a.kind, a.message])).toEqual([
    ['warning', 'problem 1 Fix: do this'],
    ['notice', 'problem 1 (acknowledged: PAM vendor manages users)'],
  ]);
});

test('findings in a preset document carry no file (GitHub would reject the path)', () => {
  const { annotations } = planAnnotations([finding(1, { location: { file: 'preset:sekoia/x.json', line: 1, column: 1 } })]);
  expect(annotations[0]?.properties).toEqual({ title: 'manifest/unknown-key' });
});
