/**
 * The rotate report: per connection and user, the keys (masked IDs, ages, last use where it was
 * read), what happened, and what happens next and when. Built from results only: they hold no
 * secret, so neither can the report.
 */
import type { KeyView, RotateAccountResult, UserRotationResult } from './run.js';

const STATUS_TEXT: Record<UserRotationResult['status'], string> = {
  changed: 'changed',
  unchanged: 'no change',
  failed: 'FAILED',
  locked: 'skipped (locked by another run)',
  skipped: 'skipped',
};

function keyLine(k: KeyView): string {
  const use = k.lastUsed === undefined ? 'last use not read' : k.lastUsed === null ? 'never used' : `last used ${k.lastUsed}`;
  return `${k.keyId} ${k.status.toLowerCase()}, ${k.role}, age ${k.age}, ${use}`;
}

function esc(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function rotateReportText(results: readonly RotateAccountResult[]): string[] {
  const lines: string[] = [];
  for (const a of results) {
    for (const u of a.users) {
      lines.push(`${a.account}/${u.connection} user ${u.user}: ${STATUS_TEXT[u.status]}`);
      for (const k of u.after.length > 0 ? u.after : u.before) lines.push(`  key ${keyLine(k)}`);
      for (const s of u.steps) if (s.status !== 'not-run' || s.kind !== 'warn') lines.push(`  ${s.status === 'done' ? 'did' : s.status === 'failed' ? 'FAILED' : s.kind === 'warn' ? 'warning' : 'not run'}: ${s.message}`);
      for (const w of u.warnings) if (!u.steps.some((s) => s.kind === 'warn' && s.message === w)) lines.push(`  warning: ${w}`);
      for (const f of u.failures) if (!u.steps.some((s) => s.status === 'failed' && s.message === f)) lines.push(`  FAILED: ${f}`);
      const next = u.next[0];
      if (next) lines.push(`  next: ${next.at.slice(0, 10)} ${next.what}`);
    }
  }
  return lines;
}

export function rotateReportMarkdown(results: readonly RotateAccountResult[]): string {
  const out: string[] = ['## iam-connections rotate', ''];
  const all = results.flatMap((a) => a.users);
  if (all.length === 0) return [...out, 'No connection in these accounts declares an access key.', ''].join('\n');
  out.push('| account / connection | user | keys | what happened | next |', '|---|---|---|---|---|');
  for (const a of results) {
    for (const u of a.users) {
      const keys = (u.after.length > 0 ? u.after : u.before).map((k) => esc(keyLine(k))).join('<br>') || 'none';
      const happened = [
        STATUS_TEXT[u.status],
        ...u.steps.filter((s) => s.status === 'done').map((s) => s.message),
        ...u.failures.map((f) => `**failed**: ${f}`),
        ...u.warnings.map((w) => `warning: ${w}`),
      ]
        .map(esc)
        .join('<br>');
      const next = u.next.slice(0, 3).map((e) => esc(`${e.at.slice(0, 10)}: ${e.what}`)).join('<br>') || '—';
      out.push(`| ${esc(`${a.account} / ${u.connection}`)} | ${esc(u.user)} | ${keys} | ${happened} | ${next} |`);
    }
  }
  out.push('');
  return out.join('\n');
}
