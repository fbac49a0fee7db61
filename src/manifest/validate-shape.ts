/**
 * Runs the zod schema of manifest v1 and turns each issue into a Finding at the exact
 * line:column, in words a reviewer can act on: unknown keys with "did you mean", one error per
 * failed union (which kinds exist), and missing keys pointed at the map they belong in.
 */
import type { z } from 'zod';
import type { Finding } from '../diagnostics.js';
import { describeOddCharacter } from '../text/chars.js';
import { didYouMean, listChoices } from '../text/suggest.js';
import { externalIdValue, manifest, policyRef, sink, type ManifestDoc } from './schema.js';
import { formatPath, locate, type YamlPath, type YamlSource } from './yaml.js';

export interface ShapeResult {
  /** The schema's output; set only when the document matched the schema. */
  doc?: ManifestDoc;
  findings: Finding[];
}

/** The part of a zod issue we read (zod's own union type is too wide to narrow usefully). */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  errors?: Issue[][];
  issues?: Issue[];
  expected?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  origin?: string;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
}

const entries = (n: number | bigint | undefined): string => (n === 1 || n === 1n ? '1 entry' : `${n} entries`);

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips wrappers that do not change the input's shape (optional, default, pipes/transforms). */
function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let i = 0; i < 32; i++) {
    const d = defOf(cur);
    if (d.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type)) cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else return cur;
  }
  return cur;
}

/** Every schema the value at `path` may be checked against (unions fan out). */
function schemasAt(root: z.ZodType, path: YamlPath): z.ZodType[] {
  let current = [unwrap(root)];
  for (const seg of path) {
    const next: z.ZodType[] = [];
    const expand = (s: z.ZodType): void => {
      const d = defOf(s);
      if (d.type === 'union') for (const o of d.options ?? []) expand(unwrap(o));
      else if (d.type === 'object' && typeof seg === 'string' && d.shape?.[seg]) next.push(unwrap(d.shape[seg]));
      else if (d.type === 'record' && d.valueType) next.push(unwrap(d.valueType));
      else if (d.type === 'array' && d.element && typeof seg === 'number') next.push(unwrap(d.element));
    };
    current.forEach(expand);
    current = next;
  }
  return current;
}

function objectShapes(schemas: z.ZodType[]): Record<string, z.ZodType>[] {
  const out: Record<string, z.ZodType>[] = [];
  const add = (s: z.ZodType): void => {
    const d = defOf(s);
    if (d.type === 'union') (d.options ?? []).forEach((o) => add(unwrap(o)));
    else if (d.type === 'object' && d.shape) out.push(d.shape);
  };
  schemas.forEach(add);
  return out;
}

function allowedKeys(path: YamlPath): string[] {
  const keys = new Set<string>();
  for (const shape of objectShapes(schemasAt(manifest, path))) for (const k of Object.keys(shape)) keys.add(k);
  return [...keys];
}

function isOptional(s: z.ZodType): boolean {
  return defOf(s).type === 'optional';
}

function valueAt(root: unknown, path: YamlPath): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.hasOwn(v, seg) ? (v as Record<string | number, unknown>)[seg] : undefined;
  }
  return v;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return 'a date';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return 'a string';
  return `the ${typeof v} ${String(v)}`;
}

const EXPECTED: Record<string, { noun: string; fix: string }> = {
  array: { noun: 'a list', fix: 'write it as a YAML list: `[a, b]` or one `- item` per line' },
  object: { noun: 'a map', fix: 'write it as a YAML map of `key: value` entries' },
  record: { noun: 'a map', fix: 'write it as a YAML map of `name: value` entries' },
  string: { noun: 'a string', fix: 'write a string; put it in quotes if YAML reads it as a number, boolean or date' },
  number: { noun: 'a number', fix: 'write a plain number without quotes' },
  boolean: { noun: 'true or false', fix: 'write true or false without quotes' },
};

/** Field-specific advice for values that break a format rule. */
function formatFix(path: YamlPath): string {
  const last = String(path[path.length - 1] ?? '');
  const parent = String(path[path.length - 2] ?? '');
  if (['rotateAfter', 'overlap', 'deleteAfter', 'requireUnusedFor', 'ttl'].includes(last))
    return 'write a duration such as 90d, 48h, 30m or 2w';
  if (last === 'path') return 'write an IAM path such as / or /connections/ (starts and ends with /)';
  if (last === 'id' || last === 'awsAccount') return 'write the 12-digit account ID in quotes, e.g. "111122223333"';
  if (last === 'externalId') return 'use the external ID exactly as the vendor issued it, or read it from the environment with `externalId: { env: NAME }`';
  if (parent === 'tags' || last === 'tags') return 'tag keys: 1-128 characters, no "aws:" prefix; values: up to 256 characters; letters, digits, spaces and _.:/=+-@';
  if (last === 'name' && (parent === 'user' || parent === 'role'))
    return 'rename it: 1-64 ASCII letters, digits and + = , . @ _ -';
  if (last === 'env') return 'name an environment variable, e.g. VENDOR_EXTERNAL_ID (letters, digits and _, not starting with a digit)';
  if (last === 'maxSessionDuration') return 'use a number of seconds from 3600 (1 hour) to 43200 (12 hours)';
  if (last === 'role') return 'write the ARN of the role iam-connections assumes, e.g. arn:aws:iam::111122223333:role/iam-connections';
  return 'change the value to satisfy the rule stated in this message';
}

function accountIdPath(path: YamlPath): boolean {
  const last = path[path.length - 1];
  return last === 'awsAccount' || (last === 'id' && path[0] === 'accounts' && path.length === 3);
}

class Converter {
  readonly findings: Finding[] = [];
  constructor(
    private readonly src: YamlSource,
    private readonly value: unknown,
  ) {}

  private push(check: string, path: YamlPath, message: string, fix: string, target: 'value' | 'key' = 'value'): void {
    this.findings.push({ check, severity: 'error', message, fix, location: locate(this.src, path, target), ...this.connectionOf(path) });
  }

  private connectionOf(path: YamlPath): { connection?: string } {
    return path[0] === 'connections' && typeof path[1] === 'string' ? { connection: path[1] } : {};
  }

  convert(issue: Issue, base: YamlPath): void {
    const path: YamlPath = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    const where = formatPath(path);
    const value = valueAt(this.value, path);

    switch (issue.code) {
      case 'unrecognized_keys':
        return this.unknownKeys(path, issue.keys ?? []);
      case 'invalid_union':
        return this.union(issue, path);
      case 'invalid_key':
        return this.invalidKey(issue, path);
    }

    if (path.length === 0 && issue.code === 'invalid_type') {
      this.push('manifest/invalid-type', path, `the manifest must be a YAML map with version, accounts and connections; it is ${describeValue(value)}`, 'start from the example in the README: version: 1, accounts:, connections:');
      return;
    }

    if (value === undefined && path.length > 0) {
      const key = String(path[path.length - 1]);
      const parent = path.slice(0, -1);
      this.push(
        'manifest/missing-key',
        parent,
        `missing required key "${key}" in ${formatPath(parent)}`,
        key === 'version' ? 'add `version: 1` at the top of the manifest' : `add "${key}:" to ${formatPath(parent)}`,
        'key',
      );
      return;
    }

    if (path.length === 1 && path[0] === 'version') {
      this.push('manifest/version', path, `unsupported manifest version ${JSON.stringify(value)}: this release reads version 1`, 'set `version: 1`');
      return;
    }

    const isDefault = /^(Invalid input|Too big|Too small|Invalid string|Invalid)/.test(issue.message);
    if (issue.code === 'invalid_type') {
      const expected = EXPECTED[issue.expected ?? ''] ?? { noun: issue.expected ?? 'another type', fix: 'change the value to the expected type' };
      const check = accountIdPath(path) ? 'manifest/account-id' : path[path.length - 2] === 'tags' ? 'manifest/invalid-tag' : 'manifest/invalid-type';
      const message = isDefault ? `${where} must be ${expected.noun}, not ${describeValue(value)}` : `${where}: ${issue.message}`;
      this.push(check, path, message, check === 'manifest/account-id' ? formatFix(path) : value === null ? `give ${where} a value, or remove the key` : expected.fix);
      return;
    }

    let message = issue.message;
    let fix = formatFix(path);
    if (issue.code === 'too_big' && isDefault) {
      message = issue.origin === 'array' ? `has more than ${issue.maximum} entries` : `is longer than ${issue.maximum} characters`;
      fix = issue.origin === 'array' ? `keep at most ${issue.maximum} entries` : `shorten it to at most ${issue.maximum} characters`;
    } else if (issue.code === 'too_small' && isDefault) {
      message = issue.origin === 'array' ? `needs at least ${entries(issue.minimum)}` : `must be at least ${issue.minimum} characters long`;
      fix = issue.origin === 'array' ? `add at least ${entries(issue.minimum)}` : 'give it a longer value';
    } else if (issue.code === 'too_big' && issue.origin !== 'array') {
      fix = `shorten it to at most ${issue.maximum} characters`;
    } else if (issue.code === 'too_small' && issue.origin === 'array') {
      fix = `add at least ${entries(issue.minimum)}`;
    }
    const odd = typeof value === 'string' && issue.code === 'invalid_format' ? describeOddCharacter(value) : undefined;
    const check = accountIdPath(path) ? 'manifest/account-id' : path[path.length - 2] === 'tags' ? 'manifest/invalid-tag' : 'manifest/invalid-value';
    this.push(check, path, `${where}: ${message}${odd ? ` (${odd})` : ''}`, fix);
  }

  private unknownKeys(path: YamlPath, keys: string[]): void {
    const present = new Set(isRecord(valueAt(this.value, path)) ? Object.keys(valueAt(this.value, path) as object) : []);
    const allowed = allowedKeys(path);
    const candidates = allowed.filter((k) => !present.has(k));
    for (const key of keys) {
      const suggestion = didYouMean(key, candidates);
      this.push(
        'manifest/unknown-key',
        [...path, key],
        `unknown key "${key}" in ${formatPath(path)}`,
        suggestion !== undefined
          ? `did you mean "${suggestion}"?`
          : `remove it; the keys allowed here are ${listChoices(allowed)}`,
        'key',
      );
    }
  }

  private invalidKey(issue: Issue, path: YamlPath): void {
    const key = String(path[path.length - 1]);
    const inner = issue.issues?.[0]?.message ?? issue.message;
    const odd = describeOddCharacter(key);
    const parent = formatPath(path.slice(0, -1));
    this.push(
      parent.endsWith('tags') ? 'manifest/invalid-tag' : 'manifest/invalid-name',
      path,
      `invalid ${parent.endsWith('tags') ? 'tag key' : 'name'} "${key}" in ${parent}: ${inner}${odd ? ` (${odd})` : ''}`,
      parent === 'connections'
        ? 'rename the connection, e.g. my-vendor'
        : parent === 'accounts'
          ? 'rename the account, e.g. prod'
          : parent.endsWith('tags')
            ? 'rename the tag key: 1-128 letters, digits, spaces and _.:/=+-@, not starting with "aws:"'
            : 'rename the key to follow that rule',
      'key',
    );
  }

  private union(issue: Issue, path: YamlPath): void {
    const value = valueAt(this.value, path);
    const unionSchema = schemasAt(manifest, path).find((s) => defOf(s).type === 'union');
    const options = unionSchema ? (defOf(unionSchema).options ?? []).map(unwrap) : [];
    const branches = issue.errors ?? [];
    const noun = unionNoun(unionSchema);
    const where = formatPath(path);

    const rootMismatch = (b: Issue[]) => b.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value'));
    const viable = branches.map((b, i) => ({ b, i })).filter(({ b }) => !rootMismatch(b));

    if (viable.length === 1) {
      viable[0]!.b.forEach((i) => this.convert(i, path));
      return;
    }
    const shapes = options.map((o) => (defOf(o).type === 'object' ? (defOf(o).shape ?? {}) : undefined));
    if (viable.length === 0 || !isRecord(value)) {
      const kinds = options.map(describeOption).join(' or ');
      this.push('manifest/invalid-type', path, `${where} must be ${noun ? `${noun}: ` : ''}${kinds}; it is ${describeValue(value)}`, unionFix(unionSchema, shapes));
      return;
    }
    // Pick the branch the user evidently meant: the one sharing the most keys with what they wrote.
    const keys = Object.keys(value);
    const scored = viable.map(({ b, i }) => ({ b, overlap: keys.filter((k) => shapes[i] && k in shapes[i]).length }));
    scored.sort((x, y) => y.overlap - x.overlap);
    if (scored[0]!.overlap > 0 && (scored.length === 1 || scored[0]!.overlap > scored[1]!.overlap)) {
      scored[0]!.b.forEach((i) => this.convert(i, path));
      return;
    }
    const everyKey = new Set(shapes.flatMap((s) => (s ? Object.keys(s) : [])));
    const unknown = keys.filter((k) => !everyKey.has(k));
    const singleKeyKinds = shapes.every((s) => s && Object.keys(s).length === 1);
    if (singleKeyKinds) {
      const kinds = [...everyKey];
      const known = keys.filter((k) => everyKey.has(k));
      if (known.length > 1) {
        this.push('manifest/invalid-value', path, `${where} names ${listChoices(known, true, 'and')}: ${noun ?? 'an entry'} must have exactly one kind`, `split it into one list entry per kind`);
        return;
      }
      const first = unknown[0];
      const suggestion = first === undefined ? undefined : didYouMean(first, kinds);
      this.push(
        'manifest/unknown-key',
        first === undefined ? path : [...path, first],
        `${where}: ${first === undefined ? 'empty' : `"${first}" is not`} ${noun ?? 'a known kind'}; the kinds are ${listChoices(kinds)}`,
        suggestion !== undefined ? `did you mean "${suggestion}"?` : `use exactly one of ${listChoices(kinds)}`,
        first === undefined ? 'value' : 'key',
      );
      return;
    }
    for (const key of unknown) {
      const suggestion = didYouMean(key, [...everyKey].filter((k) => !keys.includes(k)));
      this.push(
        'manifest/unknown-key',
        [...path, key],
        `unknown key "${key}" in ${where}`,
        suggestion !== undefined ? `did you mean "${suggestion}"?` : `remove it; the keys allowed here are ${listChoices([...everyKey])}`,
        'key',
      );
    }
    // Unknown keys explain the failure on their own; otherwise say which forms exist.
    if (unknown.length === 0) {
      this.push('manifest/invalid-value', path, `${where} must be ${noun ? `${noun}: ` : ''}${options.map(describeOption).join(' or ')}`, unionFix(unionSchema, shapes));
    }
  }
}

function describeOption(s: z.ZodType): string {
  const d = defOf(s);
  if (d.type === 'object' && d.shape) {
    const parts = Object.entries(d.shape).map(([k, v]) => (isOptional(v) ? `${k}?` : k));
    return `{ ${parts.join(', ')} }`;
  }
  if (d.type === 'literal') return String((d as unknown as { values: unknown[] }).values?.[0] ?? 'a fixed value');
  return EXPECTED[d.type]?.noun ?? d.type;
}

function unionNoun(s: z.ZodType | undefined): string | undefined {
  if (s === undefined) return undefined;
  if (s === unwrap(sink)) return 'a delivery sink';
  if (s === unwrap(policyRef)) return 'a policy entry';
  if (s === unwrap(externalIdValue)) return 'an external ID';
  return undefined;
}

function unionFix(s: z.ZodType | undefined, shapes: (Record<string, z.ZodType> | undefined)[]): string {
  if (s !== undefined && s === unwrap(sink)) return 'write one of: `secretsManager: { secretId: ... }`, `githubSecret: { name: ... }` or `output: true`';
  if (s !== undefined && s === unwrap(policyRef)) return 'write either `{ file: policies/x.json }` or `{ name: x, document: { ... } }`, not both';
  if (s !== undefined && s === unwrap(externalIdValue)) return 'write the external ID as a string, or `{ env: NAME }` to read it from the environment';
  const keys = shapes.flatMap((x) => (x ? Object.keys(x) : []));
  return keys.length > 0 ? `use one of the forms above (keys: ${listChoices(keys)})` : 'use one of the forms above';
}

/** Validates the plain JS value of the manifest against schema v1. */
export function validateShape(value: unknown, src: YamlSource): ShapeResult {
  const result = manifest.safeParse(value);
  if (result.success) return { doc: result.data, findings: [] };
  const converter = new Converter(src, value);
  for (const issue of result.error.issues as unknown as Issue[]) converter.convert(issue, []);
  return { findings: converter.findings };
}
