/**
 * Reads the organisation once per run from the management (or delegated administrator) account:
 * ListRoots, then per parent (the root and each OU) ListOrganizationalUnitsForParent and
 * ListAccountsForParent, paginated; ListTagsForResource only for the accounts a tag selector
 * needs. About 1 + 2 x (OUs + 1) calls, plus one per further page of 20 accounts.
 */
import {
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { clientConfig, type AwsCredentials } from '../aws/clients.js';
import { errorCode, errorSummary, withRetry, type RetryOptions } from '../aws/retry.js';
import { mapLimit } from '../concurrency.js';
import type { OrgAccount, OrgSnapshot, OrgUnit } from './model.js';

/** AWS's own maximum page size for these calls. */
const PAGE = 20;

export interface OrgReadOptions {
  region: string;
  credentials?: AwsCredentials;
  /** Given the organisation without tags, the account IDs whose tags are needed. */
  tagsFor?: (snapshot: OrgSnapshot) => string[];
  retry?: RetryOptions;
  /** Parents read at once (Organizations allows a few requests a second per account). */
  concurrency?: number;
}

export function organizationsClient(region: string, credentials?: AwsCredentials): OrganizationsClient {
  return new OrganizationsClient(clientConfig(credentials === undefined ? { region } : { region, credentials }));
}

/** Why the organisation could not be read, with what to do about it. Carries no secret. */
export class OrgReadError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'OrgReadError';
  }
}

async function pages<T>(fetch: (token: string | undefined) => Promise<{ items: T[]; next?: string | undefined }>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    out.push(...page.items);
    token = page.next;
  } while (token);
  return out;
}

export async function readOrganization(opts: OrgReadOptions): Promise<OrgSnapshot> {
  const client = organizationsClient(opts.region, opts.credentials);
  const call = <T>(what: string, fn: () => Promise<T>): Promise<T> =>
    withRetry(fn, { maxElapsedMs: 60_000, ...opts.retry }).catch((err: unknown) => {
      const code = errorCode(err);
      const advice =
        code === 'AccessDeniedException' || code === 'AccessDenied'
          ? ': the `organization.via` account\'s role needs organizations:List* (iam-connections permissions prints them)'
          : code === 'AWSOrganizationsNotInUseException'
            ? ': this account is not in an organisation; `organization.via` must name the management or a delegated administrator account'
            : '';
      throw new OrgReadError(`could not read the organisation (${what}): ${errorSummary(err)}${advice}`, { cause: err });
    });
  const roots = await call('ListRoots', () => client.send(new ListRootsCommand({})));
  const root = roots.Roots?.[0];
  if (!root?.Id || !root.Arn) throw new OrgReadError('could not read the organisation: ListRoots returned no root');
  // arn:aws:organizations::<management account>:root/o-.../r-...
  const managementAccountId = root.Arn.split(':')[4] ?? '';
  const units: OrgUnit[] = [];
  const accounts: OrgAccount[] = [];
  let level = [root.Id];
  while (level.length) {
    const next: string[] = [];
    await mapLimit(level, opts.concurrency ?? 2, async (parent) => {
      const ous = await pages((token) =>
        call(`ListOrganizationalUnitsForParent ${parent}`, () => client.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parent, MaxResults: PAGE, NextToken: token }))).then((r) => ({
          items: r.OrganizationalUnits ?? [],
          next: r.NextToken,
        })),
      );
      for (const u of ous) {
        if (!u.Id) continue;
        units.push({ id: u.Id, name: u.Name ?? u.Id, parent });
        next.push(u.Id);
      }
      const accs = await pages((token) =>
        call(`ListAccountsForParent ${parent}`, () => client.send(new ListAccountsForParentCommand({ ParentId: parent, MaxResults: PAGE, NextToken: token }))).then((r) => ({
          items: r.Accounts ?? [],
          next: r.NextToken,
        })),
      );
      for (const a of accs) {
        if (!a.Id) continue;
        // `State` replaces `Status` (deprecated by AWS in 2025); either says ACTIVE for a usable account.
        const status = String(a.State ?? a.Status ?? 'UNKNOWN');
        accounts.push({ id: a.Id, name: a.Name ?? a.Id, status, ...(a.JoinedTimestamp ? { joined: a.JoinedTimestamp.toISOString() } : {}), parent });
      }
    });
    level = next;
  }
  // Stable order whatever the concurrency: the tree's, then by ID.
  units.sort((a, b) => a.parent.localeCompare(b.parent) || a.id.localeCompare(b.id));
  accounts.sort((a, b) => a.id.localeCompare(b.id));
  const snapshot: OrgSnapshot = { rootId: root.Id, managementAccountId, units, accounts, tags: new Map() };
  const wanted = opts.tagsFor?.(snapshot) ?? [];
  if (!wanted.length) return snapshot;
  const tags = new Map<string, Record<string, string>>();
  await mapLimit(wanted, opts.concurrency ?? 2, async (id) => {
    const list = await pages((token) =>
      call(`ListTagsForResource ${id}`, () => client.send(new ListTagsForResourceCommand({ ResourceId: id, NextToken: token }))).then((r) => ({ items: r.Tags ?? [], next: r.NextToken })),
    );
    tags.set(id, Object.fromEntries(list.flatMap((t) => (t.Key !== undefined ? [[t.Key, t.Value ?? '']] : []))));
  });
  return { ...snapshot, tags };
}
