/**
 * Who an AWS account ID belongs to: the manifest's own names (`defaults.knownAccounts`) first, then
 * the public catalogue (./generated/known-accounts.ts, from fwdcloudsec/known_aws_accounts). A name
 * from the catalogue is a public claim with a source, not proof: reports say "known as".
 */
import { KNOWN_ACCOUNTS } from './generated/known-accounts.js';

export interface KnownAccount {
  name: string;
  /** Where the name came from. */
  source: 'manifest' | 'catalogue';
  /** An AWS service's account (ELB logs, Billing...), not a vendor's. */
  aws: boolean;
}

let table: Map<string, { name: string; aws: boolean }> | undefined;

function catalogue(): Map<string, { name: string; aws: boolean }> {
  table ??= new Map(KNOWN_ACCOUNTS.map(([id, name, aws]) => [id, { name, aws: aws === true }]));
  return table;
}

export function knownAccount(accountId: string, own: Readonly<Record<string, string>> = {}): KnownAccount | undefined {
  const mine = Object.hasOwn(own, accountId) ? own[accountId] : undefined;
  if (mine !== undefined) return { name: mine, source: 'manifest', aws: false };
  const hit = catalogue().get(accountId);
  return hit === undefined ? undefined : { name: hit.name, source: 'catalogue', aws: hit.aws };
}

export const KNOWN_ACCOUNT_COUNT = KNOWN_ACCOUNTS.length;
