/**
 * The order a plan's changes run in, within one account: a topological order over `dependsOn`
 * that also follows IAM's own rules, since the plan does not spell all of them out:
 *  - adoption (tagging a resource as ours) before anything that changes it;
 *  - policies before the roles and users that attach them, principals before the bucket policy
 *    that names them (S3 rejects a principal that does not exist yet);
 *  - updates, then attachments and inline policies;
 *  - removals from principals that stay (detach, inline, login profile, groups, keys);
 *  - principal deletes (each one takes its principal apart in IAM's order itself), and only then
 *    policy deletes (a policy must be detached from everything first).
 * Report-only changes (action 'none', withheld or not) are left out. Pure: no I/O.
 *
 * Make-before-break (`makeBeforeBreak`): a removal from a principal that stays waits for every
 * attach and put on that principal, and is not run unless they all succeeded. A plan that swaps
 * ReadOnlyAccess for a misspelt ReadOnlyAcess then keeps ReadOnlyAccess when the attach fails,
 * instead of leaving the vendor with nothing.
 */
import type { Change } from '../plan/model.js';

/** Rank of a change: lower runs first when dependencies allow. */
export function phaseOf(c: Change): number {
  const t = c.resource.type;
  switch (c.action) {
    case 'tag':
      return c.kind === 'adopt' ? 0 : 20;
    case 'create':
      if (t === 'policy') return 10;
      if (t === 'role') return 11;
      if (t === 'user') return 12;
      if (t === 'bucket') return 13;
      return 40; // access keys: after everything the user needs
    case 'update':
      return t === 'bucket-policy' ? 22 : 21;
    case 'attach':
    case 'put':
      return 30;
    case 'rotate':
    case 'deactivate':
      return 40;
    case 'detach':
    case 'remove':
      return 50;
    case 'delete':
      if (t === 'user' || t === 'role') return 60;
      if (t === 'policy') return 70;
      return 50;
    default:
      return 80;
  }
}

/** Whether the executor acts on this change at all. */
export function isExecutable(c: Change): boolean {
  return c.action !== 'none';
}

/**
 * Executable changes in execution order. Kahn's algorithm, taking at each step the ready change
 * with the lowest (phase, position in the plan); dependencies on changes that are not executable
 * or not in the list do not hold a change back (the executor decides whether to skip it). A cycle
 * (a defect in the plan) is broken by phase order rather than dropping changes.
 */
export function orderChanges(changes: readonly Change[]): Change[] {
  const list = changes.filter(isExecutable);
  const index = new Map(list.map((c, i) => [c.id, i]));
  const key = (i: number): [number, number] => [phaseOf(list[i] as Change), i];
  const less = (a: number, b: number): boolean => {
    const [pa, ia] = key(a);
    const [pb, ib] = key(b);
    return pa < pb || (pa === pb && ia < ib);
  };
  const waiting = list.map((c) => new Set((c.dependsOn ?? []).map((d) => index.get(d)).filter((d): d is number => d !== undefined && d !== index.get(c.id))));
  const dependents = list.map(() => [] as number[]);
  waiting.forEach((deps, i) => deps.forEach((d) => dependents[d]?.push(i)));
  const done = new Set<number>();
  const out: Change[] = [];
  while (out.length < list.length) {
    let pick: number | undefined;
    for (let i = 0; i < list.length; i++) {
      if (done.has(i) || (waiting[i]?.size ?? 0) > 0) continue;
      if (pick === undefined || less(i, pick)) pick = i;
    }
    if (pick === undefined) {
      // A cycle: release the lowest-ranked change still waiting.
      for (let i = 0; i < list.length; i++) if (!done.has(i) && (pick === undefined || less(i, pick))) pick = i;
    }
    const p = pick as number;
    done.add(p);
    out.push(list[p] as Change);
    for (const d of dependents[p] ?? []) waiting[d]?.delete(p);
  }
  return out;
}

/** `user/<name>` or `role/<name>` for a change on something hanging off a principal. */
function principalKey(c: Change): string | undefined {
  const f = (c.after ?? c.before) as { principalType?: unknown; principal?: unknown } | undefined;
  if (typeof f !== 'object' || f === null) return undefined;
  return typeof f.principalType === 'string' && typeof f.principal === 'string' ? `${f.principalType}/${f.principal}` : undefined;
}

const isGrant = (c: Change): boolean => (c.resource.type === 'attachment' && c.action === 'attach') || (c.resource.type === 'inline-policy' && c.action === 'put');
const isRemoval = (c: Change): boolean => (c.resource.type === 'attachment' && c.action === 'detach') || (c.resource.type === 'inline-policy' && c.action === 'delete');

/**
 * The plan's changes with make-before-break dependencies added: every removal of a grant from a
 * principal that stays depends on every new grant to the same principal, since the plan cannot tell
 * which one replaces it. Exception: a critical removal (an administrator policy on an integration
 * principal) is never held back, because keeping that grant is worse than any outage it causes.
 */
export function makeBeforeBreak(changes: readonly Change[]): Change[] {
  const grants = new Map<string, string[]>();
  for (const c of changes) {
    const key = principalKey(c);
    if (key !== undefined && isGrant(c) && isExecutable(c)) grants.set(key, [...(grants.get(key) ?? []), c.id]);
  }
  return changes.map((c) => {
    const key = principalKey(c);
    const needs = key !== undefined && isRemoval(c) && c.severity !== 'critical' ? (grants.get(key) ?? []) : [];
    if (needs.length === 0) return c;
    return { ...c, dependsOn: [...new Set([...(c.dependsOn ?? []), ...needs])] };
  });
}

/** What the executor remembers of a change that has run. */
export interface OutcomeSoFar {
  status: 'done' | 'failed' | 'skipped';
  message?: string;
  action?: Change['action'];
  resource?: Change['resource'];
}

const lastSegment = (name: string): string => name.slice(name.lastIndexOf('/') + 1);

/** "kept X attached: attaching Y failed: why", for a removal held back by its replacement. */
function keptMessage(c: Change, dep: OutcomeSoFar): string {
  const kept = c.resource.type === 'attachment' ? `kept ${lastSegment(c.resource.name)} attached` : `kept inline policy ${lastSegment(c.resource.name)}`;
  const doing = dep.resource?.type === 'attachment' ? 'attaching' : 'putting inline policy';
  const what = `${doing} ${lastSegment(dep.resource?.name ?? '?')}`;
  const why = dep.status === 'failed' ? `failed: ${dep.message ?? 'see its own line'}` : `was not run: ${(dep.message ?? 'see its own line').replace(/^not run: /, '')}`;
  return `${kept}: ${what} ${why}`;
}

/**
 * Why `c` must not run given the outcome of the changes before it (a sentence for the report), or
 * undefined when it may: a dependency that failed or was skipped holds back everything that depends on it.
 */
export function blockedBy(c: Change, outcomes: ReadonlyMap<string, OutcomeSoFar>): string | undefined {
  for (const d of c.dependsOn ?? []) {
    const o = outcomes.get(d);
    if (o === undefined || o.status === 'done') continue;
    if (isRemoval(c) && o.action !== undefined && o.resource !== undefined && isGrant({ ...c, action: o.action, resource: o.resource })) return keptMessage(c, o);
    return `not run: it depends on ${d}, which ${o.status === 'failed' ? 'failed' : 'was skipped'}`;
  }
  return undefined;
}

/**
 * One trust update per role: a role's trust must go from the live document to the final one in a
 * single UpdateAssumeRolePolicy, never through an intermediate (possibly weaker) document. Role
 * updates carrying the same trust are merged into the first (the others keep their other fields);
 * different trust documents for one role are a defect of the plan: `conflicts` names them, and the
 * executor refuses them before any write.
 */
export function mergeTrustUpdates(changes: readonly Change[]): { changes: Change[]; conflicts: Map<string, string> } {
  const first = new Map<string, Change>();
  const conflicts = new Map<string, string>();
  const out = changes.map((c) => {
    const after = c.after as { trust?: unknown } | undefined;
    if (c.resource.type !== 'role' || c.action !== 'update' || after?.trust === undefined) return c;
    const key = c.resource.name.toLowerCase();
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, c);
      return c;
    }
    if (JSON.stringify((seen.after as { trust: unknown }).trust) !== JSON.stringify(after.trust)) {
      const why = `changes ${seen.id} and ${c.id} set different trust documents for role ${c.resource.name}; a trust changes in one update with its final document: run plan again`;
      conflicts.set(seen.id, why);
      conflicts.set(c.id, why);
      return c;
    }
    const { trust: _same, externalId: _bound, ...rest } = after as Record<string, unknown>;
    return { ...c, after: rest };
  });
  return { changes: out, conflicts };
}
