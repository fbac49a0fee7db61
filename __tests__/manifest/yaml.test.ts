import { MAX_MANIFEST_BYTES, formatPath, locate, parseYaml } from '../../src/manifest/yaml.js';

const text = `version: 1
accounts:
  prod: { id: "111122223333" }
connections:
  a:
    accounts: [prod, staging]
    user:
      name: u
`;

test('locate points at values, keys, and the nearest ancestor for missing entries', () => {
  const { source, value, findings } = parseYaml(text, 'm.yaml');
  expect(findings).toEqual([]);
  expect(value).toMatchObject({ version: 1 });
  const src = source!;
  expect(locate(src, ['accounts', 'prod', 'id'])).toMatchObject({ line: 3, column: 15, endLine: 3, endColumn: 29 });
  expect(locate(src, ['connections', 'a', 'accounts', 1])).toMatchObject({ line: 6, column: 22 });
  expect(locate(src, ['connections', 'a', 'user'], 'key')).toMatchObject({ line: 7, column: 5 });
  // Missing key: the key naming the map it is missing from.
  expect(locate(src, ['connections', 'a', 'user', 'trust'])).toMatchObject({ line: 7, column: 5 });
  expect(locate(src, [])).toMatchObject({ line: 1, column: 1 });
});

test('formatPath', () => {
  expect(formatPath(['connections', 'a', 'user', 'accessKey', 'deliver', 0])).toBe('connections.a.user.accessKey.deliver[0]');
  expect(formatPath([])).toBe('the top level');
});

test('duplicate keys are reported on the second key with its full name', () => {
  const r = parseYaml('a: 1\nlong-key: 2\nlong-key: 3\n', 'm.yaml');
  expect(r.value).toBeUndefined();
  expect(r.findings).toEqual([
    expect.objectContaining({ check: 'manifest/duplicate-key', message: expect.stringContaining('"long-key"'), location: expect.objectContaining({ line: 3, column: 1 }) }),
  ]);
});

test('forbidden keys are refused and Object.prototype is untouched', () => {
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    const r = parseYaml(`a:\n  - x: 1\n    ${key}: { polluted: true }\n`, 'm.yaml');
    expect(r.value).toBeUndefined();
    expect(r.findings).toEqual([expect.objectContaining({ check: 'manifest/forbidden-key', location: expect.objectContaining({ line: 3, column: 5 }) })]);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('size, depth and alias caps', () => {
  const big = parseYaml(`a: "${'x'.repeat(MAX_MANIFEST_BYTES)}"\n`, 'm.yaml');
  expect(big.findings.map((f) => f.check)).toEqual(['manifest/too-large']);
  const deep = parseYaml(`a: ${'['.repeat(80)}${']'.repeat(80)}\n`, 'm.yaml');
  expect(deep.findings.map((f) => f.check)).toEqual(['manifest/too-deep']);
  const fine = parseYaml(`a: ${'['.repeat(60)}${']'.repeat(60)}\n`, 'm.yaml');
  expect(fine.findings).toEqual([]);
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
  const r = parseYaml(bomb, 'm.yaml');
  expect(r.findings).toEqual([expect.objectContaining({ check: 'manifest/aliases', location: expect.objectContaining({ line: 2, column: 8 }) })]);
  // A few aliases are legitimate.
  expect(parseYaml('a: &a [x]\nb: *a\n', 'm.yaml').value).toEqual({ a: ['x'], b: ['x'] });
});

test('syntax errors carry the position and a fix; custom tags warn', () => {
  const r = parseYaml('a:\n  b: [1, 2\nc: 1\n', 'm.yaml');
  expect(r.findings[0]).toMatchObject({ check: 'manifest/yaml-syntax', severity: 'error', location: { line: 3, column: 1 } });
  expect(r.findings[0]!.fix).toBeTruthy();
  const t = parseYaml('a: !Ref x\n', 'm.yaml');
  expect(t.findings).toEqual([expect.objectContaining({ check: 'manifest/yaml-syntax', severity: 'warning' })]);
});

test('unquoted timestamps stay strings (YAML 1.2 core schema)', () => {
  expect(parseYaml('expires: 2026-12-01T00:00:00Z\n', 'm.yaml').value).toEqual({ expires: '2026-12-01T00:00:00Z' });
});
