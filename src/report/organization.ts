/** The organisation part of plan reports: where each account sits, when it joined, what was skipped. */
import type { Plan } from '../plan/model.js';

/** `, joined 2026-12-04, OU /workloads` for an organisation account, else ''. */
export function orgAccountSuffix(plan: Plan, account: string): string {
  const a = plan.organization?.accounts.find((x) => x.account === account);
  if (!a) return '';
  return `${a.joined ? `, joined ${a.joined.slice(0, 10)}` : ''}, OU ${a.ou}`;
}

/**
 * Markdown lines: accounts new to the manifest's connections (every change `missing`, so a
 * new account from the factory is easy to spot), and the notes of the organisation read.
 */
export function orgMarkdown(plan: Plan, escape: (s: string) => string): string[] {
  const info = plan.organization;
  if (!info) return [];
  const fresh = plan.accounts.filter((a) => a.changes.length > 0 && a.changes.every((c) => c.kind === 'missing') && info.accounts.some((x) => x.account === a.account));
  if (!fresh.length && !info.notes.length) return [];
  const out = ['### Organisation', ''];
  for (const a of fresh) {
    const o = info.accounts.find((x) => x.account === a.account)!;
    out.push(`- **${escape(a.account)}** (${a.accountId}, Organizations name "${escape(o.organizationName)}", OU \`${escape(o.ou)}\`${o.joined ? `, joined ${o.joined}` : ''}): nothing provisioned yet, ${a.changes.length} missing`);
  }
  for (const n of info.notes) out.push(`- ${escape(n)}`);
  out.push('');
  return out;
}
