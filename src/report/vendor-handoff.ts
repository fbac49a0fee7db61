/**
 * What the vendor asks back after apply: the role ARN to paste, or where the access key is
 * delivered, and the region. Never the secret itself.
 */
import type { Manifest, Sink } from '../manifest/model.js';
import { expandAccount } from '../manifest/sink-targets.js';
import { escapeCell } from './findings-markdown.js';

export interface Handoff {
  connection: string;
  account: string;
  vendor?: string;
  /** Role ARN, or "access key of user X". */
  credential: string;
  /** Where the key goes (secret IDs, GitHub secret names, step output), or the external ID's source. */
  where: string[];
  region: string;
}

/** `{account}` is the account name, `{ACCOUNT}` its upper case (as secret names want). */
export { expandAccount };

function sinkText(s: Sink, account: string): string {
  switch (s.kind) {
    case 'secretsManager':
      return `Secrets Manager secret \`${expandAccount(s.secretId, account)}\`${s.account ? ` in account ${s.account}` : ''}${s.region ? ` (${s.region})` : ''}`;
    case 'githubSecret': {
      const scope = s.organization ? `organization ${s.organization}` : s.environment ? `environment ${s.environment} of ${s.repository ?? 'this repository'}` : (s.repository ?? 'this repository');
      return `GitHub secret \`${expandAccount(s.name, account)}\` (${scope})`;
    }
    case 'output':
      return `masked step output \`${s.name}\``;
  }
}

export function vendorHandoff(manifest: Manifest, accounts: readonly string[], roleArns: Record<string, string>, defaultRegion: string): Handoff[] {
  const out: Handoff[] = [];
  for (const c of manifest.connections) {
    for (const account of c.accounts.filter((a) => accounts.includes(a))) {
      const spec = manifest.accounts.find((a) => a.name === account);
      const region = spec?.region ?? manifest.defaults.region ?? defaultRegion;
      if (c.role) {
        const ext = c.role.trust.externalId;
        out.push({
          connection: c.name,
          account,
          ...(c.vendor ? { vendor: c.vendor } : {}),
          credential: roleArns[`${c.name}/${account}`] ?? `arn:aws:iam::${spec?.id ?? '?'}:role${c.role.path}${c.role.name}`,
          where: ext ? ['external ID: the value the vendor issued' + ('env' in ext ? ` (from ${ext.env})` : '')] : [],
          region,
        });
      }
      if (c.user?.accessKey) {
        out.push({
          connection: c.name,
          account,
          ...(c.vendor ? { vendor: c.vendor } : {}),
          credential: `access key of user ${c.user.name}`,
          where: c.user.accessKey.deliver.map((s) => sinkText(s, account)),
          region,
        });
      }
    }
  }
  return out;
}

export function renderHandoffMarkdown(rows: readonly Handoff[]): string {
  if (rows.length === 0) return '';
  const lines = [
    '### What to give the vendor',
    '',
    '| connection | account | paste into the vendor | where it is | region |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) => `| ${escapeCell(r.connection)}${r.vendor ? ` (${escapeCell(r.vendor)})` : ''} | ${escapeCell(r.account)} | \`${escapeCell(r.credential)}\` | ${escapeCell(r.where.join('; ') || '-')} | ${escapeCell(r.region)} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
