/** discover's doors as text (terminal) and Markdown (job summary): most severe first, per account. */
import { capabilityWords } from '../discover/capability.js';
import type { DiscoverResult } from '../discover/discover.js';
import { DOOR_RANKS, type Door } from '../discover/doors.js';
import type { OutsideParty } from '../discover/trust.js';
import { printable } from '../text/printable.js';
import { PLAIN, type Palette } from '../text/ansi.js';

function party(p: OutsideParty): string {
  const who = p.kind === 'anyone' ? 'anyone (*)' : p.kind === 'account' ? p.principal : `${p.kind.toUpperCase()} ${p.principal}`;
  const vendor = p.vendor ? `${p.vendor.name}${p.vendor.source === 'manifest' ? ' (defaults.knownAccounts)' : ''}: ` : p.kind === 'account' ? 'unknown: ' : '';
  return `${vendor}${who}${p.kind === 'oidc' || p.kind === 'saml' ? '' : p.externalId ? ' with external ID' : ' WITHOUT external ID'}`;
}

function used(d: Door): string | undefined {
  if (d.lastUsed === undefined) return undefined;
  if (d.lastUsed === null) return 'no recorded use';
  const where = [d.lastUsed.service, d.lastUsed.region].filter(Boolean).join(', ');
  return `last used ${d.lastUsed.date.slice(0, 10)}${where ? ` (${where})` : ''}`;
}

/** The lines under a door's heading, shared by text and Markdown. */
export function doorLines(d: Door): string[] {
  const lines: string[] = [];
  if (d.parties.length > 0) lines.push(`${d.type === 'role' ? 'trusted by' : d.type === 'bucket-policy' ? 'lets in' : 'names'}: ${d.parties.map(party).join('; ')}`);
  if (d.can) lines.push(`can do: ${capabilityWords(d.can)}`);
  for (const k of d.keys ?? []) {
    const u = k.lastUsed === null ? 'never used' : `last used ${k.lastUsed.date.slice(0, 10)}${k.lastUsed.service ? ` by ${k.lastUsed.service}` : ''}${k.lastUsed.region ? ` in ${k.lastUsed.region}` : ''}`;
    lines.push(`key ${k.id ?? `#${k.slot ?? '?'}`}: ${k.ageDays !== undefined ? `${k.ageDays} day${k.ageDays === 1 ? '' : 's'} old` : 'age unknown'}, ${u}`);
  }
  const u = used(d);
  if (u !== undefined && d.type === 'role') lines.push(u);
  if (d.connection) lines.push(`declared by connection ${d.connection}`);
  if (d.reasons.length > 0) lines.push(`${d.rank === 'managed' ? `would rank ${d.risk}` : 'why'}: ${d.reasons.join('; ')}`);
  return lines.map(printable);
}

function title(d: Door): string {
  const vendor = d.vendors.length > 0 ? ` (${d.vendors.join(', ')})` : '';
  return printable(`${d.type} ${d.name}${vendor}`);
}

export function renderDiscoverText(r: DiscoverResult, palette: Palette = PLAIN): string {
  const out: string[] = [];
  for (const a of r.accounts) {
    out.push(palette.bold(`${a.account} (${a.accountId}): ${a.doors.length} door(s)`));
    for (const d of a.doors) {
      const tag = `[${d.rank}]`;
      const head = d.rank === 'managed' ? tag : palette.severity(d.rank, tag);
      out.push(`  ${head} ${title(d)}`);
      for (const l of doorLines(d)) out.push(`      ${palette.dim(l)}`);
    }
  }
  for (const n of r.notRead ?? []) out.push(palette.bad(`${n.account}: not read, its doors are unknown: ${printable(n.reason)}`));
  const counts = DOOR_RANKS.map((k) => `${r.summary.byRank[k]} ${k}`).join(', ');
  out.push(`Doors: ${r.summary.doors} (${counts}); ${r.summary.undeclared} not declared in the manifest.`);
  return out.join('\n');
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderDiscoverMarkdown(r: DiscoverResult, heading: string): string {
  const out = [`## ${heading}`, ''];
  const counts = DOOR_RANKS.map((k) => `${r.summary.byRank[k]} ${k}`).join(', ');
  out.push(`**${r.summary.doors} door(s)** (${counts}); ${r.summary.undeclared} not declared in the manifest.`, '');
  for (const n of r.notRead ?? []) out.push(`> **${n.account} was not read**: its doors are unknown. ${printable(n.reason)}`, '');
  for (const a of r.accounts) {
    out.push(`### ${a.account} (${a.accountId})`, '');
    if (a.doors.length === 0) {
      out.push('No third-party door.', '');
      continue;
    }
    out.push('| Rank | Door | Details |', '| --- | --- | --- |');
    for (const d of a.doors) out.push(`| ${d.rank} | ${cell(title(d))} | ${doorLines(d).map(cell).join('<br>')} |`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
