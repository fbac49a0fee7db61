/**
 * The plan as a pure function of (desired, actual, now): every difference between what the
 * manifest declares for an account and what the account holds, ranked so security-relevant
 * drift comes first. No I/O, no clock: `now` is an argument (`as-of`).
 *
 * Ownership decides what may be touched: a resource carrying our owner tag for its connection
 * is ours; a declared name held by anything else is a `conflict`, which withholds every other
 * change of that connection (not of the others), unless the connection says `adopt: true`
 * and the holder is untagged or tagged by a connection the manifest no longer declares.
 */
import type { AccountInventory } from '../aws/inventory-model.js';
import type { Manifest } from '../manifest/model.js';
import { AccountDiff } from './account-diff.js';
import type { UndeclaredOptions } from './diff-undeclared.js';
import type { DesiredAccount } from './desired.js';
import { desiredState, externalIdPlaceholder, externalIdsIn } from './desired.js';
import { keepLegacyNames } from './legacy-names.js';
import type { AccountPlan, Plan } from './model.js';
import { summarize } from './summary.js';
import { watchReport } from './watch.js';

export interface PlanOptions {
  /** Delete managed resources that left the manifest. */
  prune: boolean;
  /** Report third-party doors the manifest does not declare (absent: not reported). */
  undeclared?: UndeclaredOptions;
}

export function planAccount(desired: DesiredAccount, actual: AccountInventory, now: Date, opts: PlanOptions): AccountPlan {
  if (actual.accountId !== desired.accountId) {
    return {
      account: desired.account,
      accountId: actual.accountId,
      changes: [
        {
          id: `${desired.account}/-/account/${desired.account}/unresolved`,
          account: desired.account,
          resource: { type: 'account', name: desired.account },
          kind: 'unresolved',
          action: 'none',
          severity: 'critical',
          security: true,
          reason: `the credentials for account ${desired.account} reached AWS account ${actual.accountId}, but the manifest says ${desired.accountId}: nothing is planned for it; check the account's role (or role-to-assume) and its id`,
        },
      ],
      watched: [],
    };
  }
  const changes = new AccountDiff(keepLegacyNames(desired, actual), actual, now, opts).run();
  const watched = desired.watches
    .map((w) => watchReport(actual, w))
    .sort((a, b) => `${a.connection}/${a.resource.type}/${a.resource.name}`.localeCompare(`${b.connection}/${b.resource.type}/${b.resource.name}`));
  return { account: desired.account, accountId: desired.accountId, changes, watched };
}

const ID_CHAR = /[A-Za-z0-9]/;

/**
 * Every occurrence of `secret` in `text` replaced by `placeholder`. Long values go wherever they
 * occur; a short one (a 2-character ID would match inside ordinary words) wherever it is a whole
 * token: not touching a letter or digit on either side. A value that starts or ends with some
 * other character has no letter-or-digit edge to protect, so it goes everywhere as well.
 */
export function replaceSecret(text: string, secret: string, placeholder: string): string {
  if (secret === '' || !text.includes(secret)) return text;
  const loose = secret.length >= 6 || !ID_CHAR.test(secret[0]!) || !ID_CHAR.test(secret[secret.length - 1]!);
  if (loose) return text.split(secret).join(placeholder);
  let out = '';
  let from = 0;
  for (let i = text.indexOf(secret); i >= 0; i = text.indexOf(secret, i + 1)) {
    if (i < from) continue;
    const before = i > 0 ? text[i - 1]! : '';
    const after = text[i + secret.length] ?? '';
    if (ID_CHAR.test(before) || ID_CHAR.test(after)) continue;
    out += text.slice(from, i) + placeholder;
    from = i + secret.length;
  }
  return out + text.slice(from);
}

/**
 * Last line of defence: no string in the plan (values and keys) may contain a known external ID.
 * Longer values first, so a short ID that is part of a longer one never leaves the rest behind.
 */
export function scrub<T>(value: T, secrets: ReadonlyMap<string, string>): T {
  if (secrets.size === 0) return value;
  const ordered = [...secrets].sort(([a], [b]) => b.length - a.length || (a < b ? -1 : 1));
  const text = (s: string) => ordered.reduce((acc, [secret, placeholder]) => replaceSecret(acc, secret, placeholder), s);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), walk(x)]));
    return v;
  };
  return walk(value) as T;
}

export interface BuildPlanInput {
  manifest: Manifest;
  inventories: AccountInventory[];
  /** `{ env: NAME }` values (external IDs). */
  env: ReadonlyMap<string, string>;
  /** The instant time-based rules are evaluated at. */
  now: Date;
  /** When the plan was made (defaults to `now`). */
  generatedAt?: Date;
  prune: boolean;
}

export function buildPlan(input: BuildPlanInput): Plan {
  const secrets = new Map<string, string>();
  const undeclared: UndeclaredOptions | undefined =
    input.manifest.defaults.discover === false
      ? undefined
      : { manifestAccountIds: new Set(input.manifest.accounts.map((a) => a.id)), knownAccounts: input.manifest.defaults.knownAccounts ?? {} };
  const accounts = input.inventories.map((inv) => {
    const desired = desiredState(input.manifest, inv.account, input.env);
    for (const r of desired.roles) {
      if (r.externalId?.value !== undefined) secrets.set(r.externalId.value, r.externalId.placeholder);
      for (const v of externalIdsIn(r.trust)) {
        if (!secrets.has(v) && v !== r.externalId?.placeholder) secrets.set(v, externalIdPlaceholder({ literal: v, at: 'the trust document' }));
      }
    }
    return planAccount(desired, inv, input.now, { prune: input.prune, ...(undeclared ? { undeclared } : {}) });
  });
  // Values only the account holds (another vendor's ID, an old one) are not the manifest's, but
  // they are secrets all the same.
  for (const inv of input.inventories) {
    for (const role of inv.roles) {
      for (const v of externalIdsIn(role.trust)) if (!secrets.has(v)) secrets.set(v, `(an external ID (${v.length} characters) read from role ${role.name})`);
    }
  }
  const plan: Plan = {
    version: 1,
    generatedAt: (input.generatedAt ?? input.now).toISOString(),
    asOf: input.now.toISOString(),
    manifest: input.manifest.file,
    prune: input.prune,
    accounts: scrub(accounts, secrets),
    summary: summarize(accounts.flatMap((a) => a.changes)),
  };
  return plan;
}
