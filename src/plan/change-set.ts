/**
 * The changes of one account as the diff builds them: ids, ownership of a live resource, and the
 * small comparisons every resource kind shares.
 */
import type { Change } from './model.js';
import { OWNER_TAG } from '../manifest/model.js';

/** A change before the set gives it its id and account. */
export type Draft = Omit<Change, 'id' | 'account' | 'withheld'>;

export class ChangeSet {
  readonly changes: Change[] = [];
  private readonly ids = new Set<string>();
  constructor(private readonly account: string) {}

  add(d: Draft): string {
    let id = `${this.account}/${d.connection ?? '-'}/${d.resource.type}/${d.resource.name}/${d.kind}`;
    for (let n = 2; this.ids.has(id); n++) id = `${id.replace(/#\d+$/, '')}#${n}`;
    this.ids.add(id);
    const c: Change = {
      id,
      account: this.account,
      resource: d.resource,
      kind: d.kind,
      action: d.action,
      severity: d.severity,
      security: d.security,
      reason: d.reason,
    };
    if (d.connection !== undefined) c.connection = d.connection;
    if (d.before !== undefined) c.before = d.before;
    if (d.after !== undefined) c.after = d.after;
    if (d.at !== undefined) c.at = d.at;
    if (d.dependsOn !== undefined && d.dependsOn.length > 0) c.dependsOn = [...d.dependsOn].sort();
    this.changes.push(c);
    return id;
  }
}

export function ownership(tags: Record<string, string>, connection: string, declared: readonly string[]): Ownership {
  const owner = tags[OWNER_TAG];
  if (owner === undefined) return 'untagged';
  if (owner === connection) return 'ours';
  return declared.includes(owner) ? 'declared-elsewhere' : 'orphaned';
}

export function byName<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  // IAM names are unique regardless of case and path.
  return new Map(items.map((i) => [i.name.toLowerCase(), i]));
}

export type Ownership = 'ours' | 'untagged' | 'declared-elsewhere' | 'orphaned';

export function tagDiff(declared: Record<string, string>, live: Record<string, string>): Record<string, string> {
  const set: Record<string, string> = {};
  for (const key of Object.keys(declared).sort()) if (live[key] !== declared[key]) set[key] = declared[key] ?? '';
  return set;
}
