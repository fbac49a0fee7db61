/**
 * What a vendor's runbook asks of a connection: the actions it needs granted, policies never to
 * combine or to avoid, a bootstrap user that must be temporary, and what the vendor creates itself.
 */
import type { ConnectionSpec, Manifest, PrincipalSpec } from '../manifest/model.js';
import { getPreset } from '../presets/catalog.js';
import { finding, type Draft } from './finding.js';
import { missingActions } from './grants.js';
import { awsManagedName, managedPolicyInfo } from './managed-policies.js';
import { managedPolicyPlace, vendorPlace } from './manifest-places.js';

function principalOf(connection: ConnectionSpec, preferred: 'user' | 'role'): { spec: PrincipalSpec; kind: 'user' | 'role' } | undefined {
  const first = connection[preferred];
  if (first) return { spec: first, kind: preferred };
  const other = preferred === 'user' ? 'role' : 'user';
  const second = connection[other];
  return second ? { spec: second, kind: other } : undefined;
}

export function checkVendor(manifest: Manifest, connection: ConnectionSpec): Draft[] {
  if (connection.vendor === undefined) return [];
  const preset = getPreset(connection.vendor);
  // an unknown vendor is the manifest rules' finding, not ours
  if (!preset) return [];
  const out: Draft[] = [];
  const at = vendorPlace(manifest, connection);
  const c = connection.name;
  const principal = principalOf(connection, preset.principal);

  if (principal && preset.requiredActions.length > 0) {
    const { spec } = principal;
    const known = spec.managedPolicies.map(managedPolicyInfo);
    const unknown = spec.managedPolicies.filter((_, i) => known[i] === undefined);
    const docs = [
      ...spec.policies.map((p) => p.document),
      ...spec.inlinePolicies.map((p) => p.document),
      ...known.flatMap((k) => (k ? [k.document] : [])),
    ];
    const missing = missingActions(preset.requiredActions, docs);
    if (missing.length > 0 && unknown.length > 0) {
      out.push(
        finding('vendor/required-actions-unverified', at, `${preset.title} needs ${missing.join(', ')}, which only ${unknown.join(', ')} could grant; iam-connections cannot read that policy offline`, {
          connection: c,
          fix: 'Check that the attached policy grants these actions, or grant them in one of the connection\'s policies.',
        }),
      );
    } else if (missing.length > 0) {
      out.push(
        finding('vendor/missing-required-action', at, `${preset.title} needs ${missing.join(', ')} (seed ${preset.seeds.join('/')}), but no policy of ${principal.kind} ${spec.name} grants ${missing.length === 1 ? 'it' : 'them'}`, {
          connection: c,
          fix: `Add ${missing.join(', ')} to one of the connection's policies, or remove its policies and managedPolicies to use the preset's defaults.`,
        }),
      );
    }
  }

  if (principal) {
    const { spec, kind } = principal;
    const names = spec.managedPolicies.map((m) => awsManagedName(m) ?? m);
    for (const combo of preset.forbiddenCombinations) {
      if (combo.policies.every((p) => names.includes(p))) {
        const last = Math.max(...combo.policies.map((p) => names.indexOf(p)));
        out.push(
          finding('vendor/forbidden-combination', managedPolicyPlace(manifest, connection, kind, last), `${kind} ${spec.name} attaches ${combo.policies.join(' and ')} together: ${combo.reason}`, {
            connection: c,
            fix: `Keep only one of ${combo.policies.join(', ')} (${preset.defaultManagedPolicies.join(', ') || 'the recommended one'} is the preset's default).`,
          }),
        );
      }
    }
    for (const d of preset.discouragedManagedPolicies) {
      const i = names.indexOf(d.policy);
      if (i < 0) continue;
      out.push(
        finding('vendor/discouraged-policy', managedPolicyPlace(manifest, connection, kind, i), `${kind} ${spec.name} attaches ${d.policy}: ${d.reason}`, {
          connection: c,
          fix: `Use ${preset.defaultManagedPolicies.join(', ') || 'a narrower policy'} instead, or acknowledge: { check: vendor/discouraged-policy, reason: ... }.`,
          subject: { pattern: d.policy, actions: [] },
        }),
      );
    }
  }

  if (preset.temporaryExpected && connection.temporary === undefined) {
    out.push(
      finding('vendor/not-temporary', at, `${preset.title}'s runbook says to delete this user once the vendor is set up, but connection ${c} is not temporary`, {
        connection: c,
        fix: 'Add `temporary: { ttl: 48h }` (or `expires: <date>`) so its keys are deactivated and the user deleted after set-up.',
      }),
    );
  }

  for (const risk of preset.knownRisks) {
    const watched = preset.watch.roles.every((r) => connection.watch.roles.includes(r));
    out.push(
      finding('vendor/known-risk', at, `${risk.description}. iam-connections does not manage it${watched ? ' and reports it under watch' : ''}`, {
        connection: c,
        fix: watched
          ? 'Review the watch report for this role; delete it when the vendor is no longer used.'
          : `Add \`watch: { roles: [${preset.watch.roles.join(', ')}] }\` so every plan reports it.`,
      }),
    );
  }
  return out;
}
