/**
 * Reading a change's `before`/`after` (plain JSON from a plan file) into what a step needs,
 * with a clear message when a field is missing: the plan may come from another version.
 */
import type { Change } from '../plan/model.js';
import { StepError } from './call.js';

export type Fields = Record<string, unknown>;

function malformed(c: Change, where: string, what: string): StepError {
  return new StepError(
    `change ${c.id}: ${where}.${what} is missing or of the wrong type; the plan is malformed or was written by another version of iam-connections. Run plan again and apply that plan.`,
    { code: 'MalformedPlan' },
  );
}

export function section(c: Change, where: 'before' | 'after'): Fields {
  const v = c[where];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw malformed(c, where, '(object)');
  return v as Fields;
}

/** `after` when the change has one, else `before` (deletes describe their target in `before`). */
export function target(c: Change): { fields: Fields; where: 'before' | 'after' } {
  if (typeof c.after === 'object' && c.after !== null) return { fields: c.after as Fields, where: 'after' };
  return { fields: section(c, 'before'), where: 'before' };
}

export function str(c: Change, f: Fields, where: string, key: string): string {
  const v = f[key];
  if (typeof v !== 'string' || v === '') throw malformed(c, where, key);
  return v;
}

export function optStr(c: Change, f: Fields, where: string, key: string): string | undefined {
  const v = f[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw malformed(c, where, key);
  return v;
}

export function optNum(c: Change, f: Fields, where: string, key: string): number | undefined {
  const v = f[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw malformed(c, where, key);
  return v;
}

export function strRecord(c: Change, f: Fields, where: string, key: string): Record<string, string> {
  const v = f[key];
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.values(v).some((x) => typeof x !== 'string')) throw malformed(c, where, key);
  return v as Record<string, string>;
}

export function doc(c: Change, f: Fields, where: string, key: string): unknown {
  const v = f[key];
  if (typeof v !== 'object' || v === null) throw malformed(c, where, key);
  return v;
}

export function principalType(c: Change, f: Fields, where: string): 'user' | 'role' {
  const v = f.principalType;
  if (v !== 'user' && v !== 'role') throw malformed(c, where, 'principalType');
  return v;
}

export function tagList(tags: Record<string, string>): { Key: string; Value: string }[] {
  return Object.keys(tags)
    .sort()
    .map((Key) => ({ Key, Value: tags[Key] ?? '' }));
}
