/**
 * Who may assume a role. Cross-account trust must require sts:ExternalId (the confused-deputy
 * protection vendors such as Cloudyn issue an ID for), and no trust may be open to everyone.
 */
import type { SourceLocation } from '../diagnostics.js';
import type { ConnectionSpec, Manifest, RoleSpec } from '../manifest/model.js';
import { getPreset } from '../presets/catalog.js';
import { finding, findingAt, type Draft, type PolicyUnderCheck } from './finding.js';
import { isObject, statements, values, type Value } from './statements.js';

/** The 12-digit account of `123456789012` or an ARN in it; undefined for `*` and service principals. */
export function principalAccount(p: string): string | undefined {
  if (/^\d{12}$/.test(p)) return p;
  return /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(p)?.[1];
}

function requiresExternalId(condition: Record<string, unknown> | undefined): boolean {
  if (!condition) return false;
  return Object.values(condition).some((block) => isObject(block) && Object.keys(block).some((k) => k.toLowerCase() === 'sts:externalid'));
}

function awsPrincipals(principal: unknown, path: readonly (string | number)[]): Value[] {
  if (principal === '*') return [{ value: '*', path }];
  if (!isObject(principal)) return [];
  return values(principal['AWS'], [...path, 'AWS']) ?? [];
}

export function checkTrust(manifest: Manifest, connection: ConnectionSpec, role: RoleSpec, trustDoc: PolicyUnderCheck | undefined): Draft[] {
  const out: Draft[] = [];
  const own = new Set(manifest.accounts.map((a) => a.id));
  const preset = connection.vendor !== undefined ? getPreset(connection.vendor) : undefined;
  const why = preset?.trust?.externalIdRequired ? ` (${preset.title} issues one: its runbook requires it)` : '';

  if (trustDoc) {
    for (const s of statements(trustDoc.policy.document)) {
      if (s.effect !== 'Allow') continue;
      const principals = awsPrincipals(s.principal, [...s.path, 'Principal']);
      const open = principals.filter((p) => p.value === '*');
      for (const p of open) {
        out.push(
          findingAt(trustDoc, 'trust/public-principal', p.path, `trust policy of role ${role.name} lets any AWS account assume it (Principal ${p.value === '*' && s.principal === '*' ? '"*"' : '{"AWS": "*"}'})`, {
            fix: 'Name the vendor account or role ARN in Principal.AWS.',
          }),
        );
      }
      if (open.length > 0 || requiresExternalId(s.condition)) continue;
      const foreign = principals.find((p) => {
        const acct = principalAccount(p.value);
        return acct !== undefined && !own.has(acct);
      });
      if (foreign) {
        out.push(
          findingAt(trustDoc, 'trust/missing-external-id', foreign.path, `role ${role.name} trusts ${foreign.value} without an sts:ExternalId condition${why}`, {
            fix: 'Add "Condition": {"StringEquals": {"sts:ExternalId": "<the ID the vendor issued>"}} to the statement.',
          }),
        );
      }
    }
    return out;
  }

  const t = role.trust;
  const principals = [...(t.awsAccount !== undefined ? [t.awsAccount] : []), ...t.awsPrincipals];
  if (principals.includes('*')) {
    out.push(finding('trust/public-principal', t.at, `trust of role ${role.name} names "*", which lets any AWS account assume it`, { connection: connection.name, fix: 'Name the vendor account (trust.awsAccount) or role ARN (trust.awsPrincipals).' }));
    return out;
  }
  const foreign = principals.filter((p) => {
    const acct = principalAccount(p);
    return acct === undefined || !own.has(acct);
  });
  const hasExternalId = t.externalId !== undefined || requiresExternalId(t.conditions);
  if (foreign.length > 0 && !hasExternalId) {
    out.push(
      finding('trust/missing-external-id', t.at as SourceLocation, `role ${role.name} trusts ${foreign.join(', ')} without an external ID${why}`, {
        connection: connection.name,
        fix: 'Add `externalId: { env: VENDOR_EXTERNAL_ID }` (or the value) under trust, with the ID the vendor issued.',
      }),
    );
  } else if (preset?.trust?.externalIdRequired && !hasExternalId) {
    out.push(
      finding('trust/missing-external-id', t.at, `role ${role.name} has no external ID${why}`, {
        connection: connection.name,
        fix: 'Add `externalId: { env: VENDOR_EXTERNAL_ID }` under trust, with the ID the vendor issued.',
      }),
    );
  }
  return out;
}
