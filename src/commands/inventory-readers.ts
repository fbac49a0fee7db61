/**
 * Where `plan` gets each account's inventory: the live account through the credential
 * resolver, or a snapshot file (`plan --state`).
 */
import { readFileSync } from 'node:fs';
import { iamClient, s3Client } from '../aws/clients.js';
import type { CredentialResolver } from '../aws/credentials.js';
import { readInventory, readKeysLastUsed } from '../aws/inventory.js';
import { loadSnapshot } from '../aws/snapshot.js';
import { ownerFromDescription } from '../plan/policy-owner.js';
import type { InventoryReader } from './plan.js';

export function liveInventoryReader(opts: { resolver: CredentialResolver; region: string }): InventoryReader {
  return {
    async read(spec, desired) {
      const credentials = await opts.resolver(spec);
      const users = new Set(desired.users.map((u) => u.name.toLowerCase()));
      const roles = new Set(desired.roles.map((r) => r.name.toLowerCase()));
      const policies = new Set(desired.policies.map((p) => p.name.toLowerCase()));
      const buckets = desired.buckets.map((b) => b.name);
      const regions = Object.fromEntries(desired.buckets.flatMap((b) => (b.region !== undefined ? [[b.name, b.region] as const] : [])));
      return readInventory(iamClient({ region: opts.region, credentials }), {
        account: spec.name,
        accountId: spec.id,
        isDeclaredUser: (name) => users.has(name.toLowerCase()),
        isDeclaredRole: (name) => roles.has(name.toLowerCase()),
        // An adopted policy's owner is in its tags only (its Description cannot be changed to carry the marker).
        needsPolicyTags: (p) => policies.has(p.name.toLowerCase()) && ownerFromDescription(p.description) === undefined,
        // Console passwords and MFA for every user in two or three calls, not one per user.
        credentialReport: true,
        ...(buckets.length
          ? { buckets: { s3: s3Client({ region: spec.region ?? opts.region, credentials }), names: buckets, regions, s3For: (region: string) => s3Client({ region, credentials }) } }
          : {}),
      });
    },
    async lastUsed(spec, keyIds) {
      const iam = iamClient({ region: opts.region, credentials: await opts.resolver(spec) });
      return readKeysLastUsed(iam, keyIds, { account: spec.name });
    },
  };
}

/**
 * A snapshot file is either one account's `aws iam get-account-authorization-details` output
 * (usable when one account is planned) or `{ "accounts": { "<name>": <that output>, ... } }`.
 */
export function snapshotInventoryReader(file: string): InventoryReader {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read the snapshot ${file}: ${(err as Error).message}`);
  }
  const perAccount =
    typeof data === 'object' && data !== null && 'accounts' in data ? ((data as { accounts: Record<string, unknown> }).accounts ?? {}) : undefined;
  let single: string | undefined;
  const read: InventoryReader['read'] = async (spec) => {
    if (!perAccount && single !== undefined && single !== spec.name) {
      throw new Error(
        `the snapshot ${file} holds one account (planned as "${single}"), so "${spec.name}" cannot be planned from it: ` +
          'choose one account with --accounts, or write the snapshot as { "accounts": { "<name>": ... } }',
      );
    }
    single ??= spec.name;
    const one = perAccount ? perAccount[spec.name] : data;
    if (one === undefined) throw new Error(`the snapshot ${file} has no entry for account "${spec.name}" under "accounts"`);
    return loadSnapshot(one, { account: spec.name, accountId: spec.id, file });
  };
  return { read };
}
