import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { buildJsonSchema, renderJsonSchema } from '../../src/manifest/json-schema.js';

type Schema = Record<string, unknown>;

/** Enough of JSON Schema to check a document against the generated keywords (no $ref is emitted). */
function violations(schema: Schema, value: unknown, at = '$'): string[] {
  const out: string[] = [];
  if (schema.anyOf) {
    const ok = (schema.anyOf as Schema[]).some((s) => violations(s, value, at).length === 0);
    return ok ? [] : [`${at}: matches none of anyOf`];
  }
  if ('const' in schema && schema.const !== value) out.push(`${at}: expected const ${String(schema.const)}`);
  const type = schema.type as string | undefined;
  const isObj = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (type === 'object' && !isObj) return [`${at}: expected object`];
  if (type === 'array' && !Array.isArray(value)) return [`${at}: expected array`];
  if (type === 'string' && typeof value !== 'string') return [`${at}: expected string`];
  if (type === 'boolean' && typeof value !== 'boolean') return [`${at}: expected boolean`];
  if ((type === 'number' || type === 'integer') && typeof value !== 'number') return [`${at}: expected number`];
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) out.push(`${at}: pattern`);
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) out.push(`${at}: maxLength`);
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) out.push(`${at}: minLength`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) out.push(`${at}: minItems`);
    if (schema.items) value.forEach((v, i) => out.push(...violations(schema.items as Schema, v, `${at}[${i}]`)));
  }
  if (isObj) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) out.push(`${at}: missing ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      if (schema.propertyNames) out.push(...violations(schema.propertyNames as Schema, k, `${at}.${k}(key)`));
      if (props[k]) out.push(...violations(props[k], v, `${at}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${at}: additional property ${k}`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
        out.push(...violations(schema.additionalProperties as Schema, v, `${at}.${k}`));
    }
  }
  return out;
}

const example = parse(readFileSync('__tests__/fixtures/good/connections.yaml', 'utf8')) as unknown;

test('the committed schema/connections.schema.json is up to date', () => {
  const committed = readFileSync('schema/connections.schema.json', 'utf8');
  // If this fails: run `npm run schema` and commit schema/connections.schema.json.
  expect({ upToDate: committed === renderJsonSchema(), hint: 'run `npm run schema`' }).toEqual({ upToDate: true, hint: 'run `npm run schema`' });
});

test('the schema is draft 2020-12 with an $id, a title and a closed top level', () => {
  const s = buildJsonSchema();
  expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(s.$id).toMatch(/^https:\/\//);
  expect(s.title).toContain('connections.yaml');
  expect(s.additionalProperties).toBe(false);
  expect(s.required).toEqual(expect.arrayContaining(['version', 'accounts', 'connections']));
  const accounts = (s.properties as Record<string, Schema>).accounts!;
  expect(((accounts.additionalProperties as Schema).properties as Record<string, Schema>).id!.description).toContain('12-digit');
});

test('the example manifest satisfies the JSON schema', () => {
  expect(violations(buildJsonSchema(), example)).toEqual([]);
});

test('the JSON schema rejects what the manifest schema rejects', () => {
  const s = buildJsonSchema();
  const bad = structuredClone(example) as { accounts: { prod: { id: unknown } }; extra?: number };
  bad.accounts.prod.id = 111122223333;
  bad.extra = 1;
  expect(violations(s, bad)).toEqual(expect.arrayContaining(['$.accounts.prod.id: expected string', '$: additional property extra']));
});
