/**
 * Account selectors: the short string form, its syntax check (offline, for `validate`), and
 * matching against an organisation snapshot. Pure.
 */
import type { AccountSelector, OrgAccount, OrgSnapshot } from './model.js';

export const OU_ID = /^ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$/;
export const ROOT_ID = /^r-[0-9a-z]{4,32}$/;
const ACCOUNT_ID = /^\d{12}$/;
/** Characters a name glob may hold: a stable name's ([a-z0-9-]) and the wildcards. */
const NAME_GLOB = /^[A-Za-z0-9_*?-]+$/;

/** True for a string that is a selector rather than one declared account's name. */
export function isSelectorText(s: string): boolean {
  return /^(ou|tag|name):/.test(s) || ACCOUNT_ID.test(s) || /[*?]/.test(s);
}

/** A glob or an ID names many accounts or one by pattern; an exact name or ID names one account. */
export function namesOneAccount(sel: AccountSelector): boolean {
  return sel.name !== undefined && !/[*?]/.test(sel.name) && sel.ou === undefined && sel.tags === undefined;
}

/**
 * Parses the short form: `ou:<OU ID | root ID | /path>`, `tag:<key>=<value>`, `name:<glob>`,
 * a 12-digit account ID, or a name glob. Returns the reason when it is not one.
 */
export function parseSelectorText(s: string): { selector: AccountSelector } | { error: string } {
  const m = /^(ou|tag|name):(.*)$/.exec(s);
  if (!m) {
    if (ACCOUNT_ID.test(s) || NAME_GLOB.test(s)) return { selector: { name: s } };
    return { error: `"${s}" is not an account selector: write an account name or glob (letters, digits, -, * and ?), a 12-digit account ID, ou:/path/of/ou, ou:ou-xxxx-xxxxxxxx or tag:key=value` };
  }
  const [, kind, rest] = m as unknown as [string, string, string];
  if (kind === 'ou') {
    const err = ouError(rest);
    return err ? { error: err } : { selector: { ou: rest } };
  }
  if (kind === 'name') {
    return ACCOUNT_ID.test(rest) || NAME_GLOB.test(rest) ? { selector: { name: rest } } : { error: `"${s}": a name selector is a glob of letters, digits, -, * and ?, or a 12-digit account ID` };
  }
  const eq = rest.indexOf('=');
  if (eq <= 0) return { error: `"${s}": a tag selector is tag:key=value (for example tag:team=data)` };
  return { selector: { tags: { [rest.slice(0, eq)]: rest.slice(eq + 1) } } };
}

/** Why `ou` is not an OU reference, or undefined when it is one. */
export function ouError(ou: string): string | undefined {
  if (OU_ID.test(ou) || ROOT_ID.test(ou)) return undefined;
  if (ou.startsWith('/') && !ou.includes('//') && ou.length <= 1024) return undefined;
  return `"${ou}" is not an OU: write an OU ID (ou-xxxx-xxxxxxxx), the root ID (r-xxxx), or a path of OU names from the root such as /workloads/prod (/ is the whole organisation)`;
}

/**
 * The organisation's name for an account made fit for `{account}` in sink names and for reports:
 * lowercase, runs of anything but a-z and 0-9 become one `-`, at most 64 characters.
 */
export function stableName(orgName: string, id: string): string {
  const s = orgName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return s === '' ? `account-${id}` : s;
}

/** `*` any run, `?` one character, everything else literal. */
export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/** The organisation's OUs by ID with their paths, and each parent's children. */
export class OrgIndex {
  readonly pathOf = new Map<string, string>();
  private readonly childrenOf = new Map<string, string[]>();
  constructor(readonly snapshot: OrgSnapshot) {
    this.pathOf.set(snapshot.rootId, '/');
    for (const u of snapshot.units) this.childrenOf.set(u.parent, [...(this.childrenOf.get(u.parent) ?? []), u.id]);
    const walk = (parent: string, path: string): void => {
      for (const id of this.childrenOf.get(parent) ?? []) {
        const unit = snapshot.units.find((u) => u.id === id)!;
        const p = `${path === '/' ? '' : path}/${unit.name}`;
        this.pathOf.set(id, p);
        walk(id, p);
      }
    };
    walk(snapshot.rootId, '/');
  }

  /** The OU (or root) ID an `ou` reference names, if it exists. */
  unitId(ou: string): string | undefined {
    if (!ou.startsWith('/')) return this.pathOf.has(ou) ? ou : undefined;
    const want = ou.length > 1 ? ou.replace(/\/+$/, '') : ou;
    for (const [id, p] of this.pathOf) if (p === want) return id;
    return undefined;
  }

  /** `unit` and, with `children`, every OU below it. */
  units(unit: string, children: boolean): Set<string> {
    const out = new Set([unit]);
    if (!children) return out;
    const stack = [unit];
    while (stack.length) {
      for (const c of this.childrenOf.get(stack.pop()!) ?? []) {
        if (out.has(c)) continue;
        out.add(c);
        stack.push(c);
      }
    }
    return out;
  }

  /** Every OU path, for "did you mean" and listing. */
  paths(): string[] {
    return [...this.pathOf.values()].sort();
  }
}

export interface MatchContext {
  index: OrgIndex;
  /** The name each account goes by in the manifest (declared name, or stable name). */
  nameOf: (a: OrgAccount) => string;
}

/**
 * Accounts (ACTIVE or not: the caller skips the others with a note) that `sel` selects. The
 * management account only when the selector names it exactly (name or ID); tags are looked up in
 * the snapshot, and an account whose tags were not read matches no tag criterion.
 * Throws for an OU the organisation does not have: that is a typo, never an empty set.
 */
export function matchSelector(sel: AccountSelector, ctx: MatchContext): OrgAccount[] {
  const { snapshot } = ctx.index;
  let units: Set<string> | undefined;
  if (sel.ou !== undefined) {
    const id = ctx.index.unitId(sel.ou);
    if (id === undefined) throw new UnknownOuError(sel.ou, ctx.index.paths());
    units = ctx.index.units(id, sel.children ?? true);
  }
  const nameRe = sel.name !== undefined && !ACCOUNT_ID.test(sel.name) ? globToRegExp(sel.name) : undefined;
  const exact = namesOneAccount(sel);
  const hits = snapshot.accounts.filter((a) => {
    if (a.id === snapshot.managementAccountId && !exact) return false;
    if (units && !units.has(a.parent)) return false;
    if (sel.name !== undefined && (nameRe ? !nameRe.test(ctx.nameOf(a)) : a.id !== sel.name)) return false;
    if (sel.tags) {
      const tags = snapshot.tags.get(a.id);
      if (!tags || Object.entries(sel.tags).some(([k, v]) => tags[k] !== v)) return false;
    }
    return true;
  });
  if (!sel.exclude?.length) return hits;
  const out = new Set((sel.exclude ?? []).flatMap((x) => matchSelector(x, ctx)).map((a) => a.id));
  return hits.filter((a) => !out.has(a.id));
}

export class UnknownOuError extends Error {
  constructor(
    readonly ou: string,
    readonly known: string[],
  ) {
    super(`the organisation has no OU "${ou}" (its OUs: ${known.join(', ')})`);
    this.name = 'UnknownOuError';
  }
}

/**
 * Accounts whose tags a selector needs: those that pass its other criteria (OU, name), so tags
 * are read per account only where a tag criterion can decide. Empty when no selector has tags.
 */
export function accountsNeedingTags(selectors: readonly AccountSelector[], ctx: MatchContext): string[] {
  const need = new Set<string>();
  const visit = (sel: AccountSelector): void => {
    if (sel.tags) {
      const { tags: _omit, exclude: _x, ...rest } = sel;
      const pool = (() => {
        try {
          return matchSelector(rest, ctx);
        } catch {
          return [];
        }
      })();
      for (const a of pool) if (a.status === 'ACTIVE') need.add(a.id);
    }
    for (const x of sel.exclude ?? []) visit(x);
  };
  selectors.forEach(visit);
  return [...need].sort();
}
