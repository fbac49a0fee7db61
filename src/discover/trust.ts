/**
 * Who outside the manifest's accounts a trust policy (or a bucket policy) lets in. Service
 * principals and GitHub's OIDC provider are not third parties: a role trusted only by them is a
 * service role or a deployment role, not a door.
 */
import { normalizePolicy } from '../plan/policy-equivalence.js';
import type { NormalizedStatement } from '../plan/policy-equivalence.js';
import { principalAccount } from '../policy/trust.js';
import { knownAccount, type KnownAccount } from '../vendors/catalogue.js';

export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

export interface OutsideParty {
  /** `account`: an AWS account, or a role or user in one; `anyone`: `*`; `oidc`/`saml`: a federated provider. */
  kind: 'account' | 'anyone' | 'oidc' | 'saml';
  /** As written in the policy (an ARN, an account ID, `*`, a provider ARN or host). */
  principal: string;
  accountId?: string;
  vendor?: KnownAccount;
  /** Every statement that admits it requires sts:ExternalId. */
  externalId: boolean;
}

export interface PartyContext {
  /** The account the policy lives in and every account the manifest declares: not outside. */
  ownAccounts: ReadonlySet<string>;
  knownAccounts: Readonly<Record<string, string>>;
}

function requiresExternalId(s: NormalizedStatement): boolean {
  return Object.values(s.condition ?? {}).some((keys) => Object.hasOwn(keys, 'sts:externalid'));
}

function federated(p: string): Pick<OutsideParty, 'kind'> | undefined {
  if (/:saml-provider\//.test(p)) return { kind: 'saml' };
  const host = /:oidc-provider\/(.+)$/.exec(p)?.[1] ?? p;
  if (host.toLowerCase() === GITHUB_OIDC_HOST) return undefined;
  return { kind: 'oidc' };
}

/** The outside parties an Allow statement of the document admits, one entry per principal. */
export function outsideParties(document: unknown, ctx: PartyContext): OutsideParty[] {
  let statements: NormalizedStatement[];
  try {
    statements = normalizePolicy(document).statements;
  } catch {
    return [];
  }
  const byPrincipal = new Map<string, OutsideParty>();
  const add = (party: Omit<OutsideParty, 'externalId'>, externalId: boolean): void => {
    const prev = byPrincipal.get(party.principal);
    // Admitted once without an external ID is admitted without one.
    byPrincipal.set(party.principal, { ...party, externalId: (prev?.externalId ?? true) && externalId });
  };
  for (const s of statements) {
    if (s.effect !== 'Allow' || s.principal === undefined) continue;
    const ext = requiresExternalId(s);
    for (const [type, list] of Object.entries(s.principal)) {
      for (const p of list) {
        if (type === 'AWS' || type === '*') {
          if (p === '*') {
            add({ kind: 'anyone', principal: '*' }, ext);
            continue;
          }
          const id = principalAccount(p);
          if (id === undefined || ctx.ownAccounts.has(id)) continue;
          const vendor = knownAccount(id, ctx.knownAccounts);
          add({ kind: 'account', principal: p, accountId: id, ...(vendor ? { vendor } : {}) }, ext);
        } else if (type === 'Federated') {
          const f = federated(p);
          if (f !== undefined) add({ ...f, principal: p }, ext);
        }
        // Service and CanonicalUser principals are AWS's own, not a third party's.
      }
    }
  }
  return [...byPrincipal.values()].sort((a, b) => (a.principal < b.principal ? -1 : a.principal > b.principal ? 1 : 0));
}

/** Every 12-digit account an ARN or bare ID in the document names, outside `ownAccounts`. */
export function namedAccounts(document: unknown, ownAccounts: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(/(?:^|:)(\d{12})(?=:|$)/g)) if (m[1] !== undefined && !ownAccounts.has(m[1])) found.add(m[1]);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  walk(document);
  return [...found].sort();
}
