/**
 * An AWS Organizations snapshot as plain data: what one read of the organisation gives
 * (./read.ts), and all that selector resolution (./resolve.ts) looks at.
 */

export interface OrgUnit {
  id: string;
  name: string;
  /** The root's or another OU's ID. */
  parent: string;
}

export interface OrgAccount {
  id: string;
  /** The account's name in Organizations, as written there. */
  name: string;
  /** `ACTIVE`, `SUSPENDED`, `PENDING_CLOSURE` (AWS's values; only ACTIVE accounts are used). */
  status: string;
  /** ISO instant it joined (or was created in) the organisation. */
  joined?: string;
  /** The root's or an OU's ID. */
  parent: string;
}

export interface OrgSnapshot {
  rootId: string;
  /** From the root's ARN (`arn:aws:organizations::<management account>:root/...`). */
  managementAccountId: string;
  units: OrgUnit[];
  accounts: OrgAccount[];
  /** Account ID -> tags, for the accounts whose tags were read (only when a tag selector needs them). */
  tags: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/**
 * An account selector, as the manifest writes it (`{ ou, children, tags, name, exclude }`) or
 * in the short string form (`ou:/workloads`, `tag:team=data`, a 12-digit ID, a name glob).
 * Every criterion given must hold; `exclude` removes accounts any of its entries matches.
 */
export interface AccountSelector {
  /** OU ID (`ou-...`), root ID (`r-...`) or path of OU names from the root (`/workloads/prod`; `/` is the root). */
  ou?: string;
  /** With `ou`: also the accounts of the OUs below it (default true). */
  children?: boolean;
  /** Every tag given must be on the account with that value. */
  tags?: Record<string, string>;
  /** Glob (`*`, `?`) over the account's stable name, or a 12-digit account ID. */
  name?: string;
  exclude?: AccountSelector[];
}
