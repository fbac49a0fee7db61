/**
 * Action names against the IAM action table: unknown services and actions (with did-you-mean),
 * wildcards that match nothing, and grants to retired services.
 */
import { allServices, expandPattern, globRegExp, hasWildcard, isKnownService, lookupAction, serviceTitle, suggestAction, suggestService } from './action-table.js';
import { findingAt, type Draft, type PolicyUnderCheck } from './finding.js';
import { RETIRED_SERVICES } from './retired-services.js';
import { statements } from './statements.js';

const ACTION_SHAPE = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?_-]+$/;

export function checkActions(doc: PolicyUnderCheck): Draft[] {
  const out: Draft[] = [];
  const retiredSeen = new Set<string>();
  for (const s of statements(doc.policy.document)) {
    for (const list of [s.action, s.notAction]) {
      for (const { value, path } of list ?? []) {
        if (value === '*') continue;
        if (!ACTION_SHAPE.test(value)) {
          out.push(
            findingAt(doc, 'policy/invalid-action', path, `"${value}" is not an action: write service:ActionName`, {
              fix: 'Write the action as a service prefix and an action name separated by a colon, e.g. iam:ListUsers, or "*".',
            }),
          );
          continue;
        }
        const service = value.slice(0, value.indexOf(':'));
        if (hasWildcard(service)) {
          // `*:Get*` style: valid only if some service prefix matches
          const re = globRegExp(service);
          if (!allServices().some((sv) => re.test(sv))) {
            out.push(findingAt(doc, 'policy/unknown-service', path, `no AWS service prefix matches "${service}" in ${value}`, { fix: 'Check the service prefix before the colon.' }));
          }
          continue;
        }
        if (!isKnownService(service)) {
          const near = suggestService(service);
          out.push(
            findingAt(doc, 'policy/unknown-service', path, `"${service}" in ${value} is not an AWS service prefix${near ? `; did you mean "${near}"?` : ''}`, {
              fix: near ? `Replace it with ${near}:${value.slice(service.length + 1)}.` : 'Check the prefix in the Service Authorization Reference (prefixes are lower case, e.g. iam, s3, ec2).',
            }),
          );
          continue;
        }
        if (hasWildcard(value)) {
          if (expandPattern(value).length === 0) {
            out.push(
              findingAt(doc, 'policy/wildcard-matches-nothing', path, `${value} matches no action of ${serviceTitle(service)}, so it grants nothing`, {
                fix: `Check the spelling before the wildcard; ${service}:* lists every ${service} action.`,
              }),
            );
          }
        } else if (!lookupAction(value)) {
          const near = suggestAction(value);
          out.push(
            findingAt(doc, 'policy/unknown-action', path, `${value} is not ${articled(serviceTitle(service))} action${near ? `; did you mean ${near}?` : ''}`, {
              fix: near ? `Replace ${value} with ${near}.` : `Check the action name in the Service Authorization Reference for ${serviceTitle(service)}.`,
            }),
          );
        }
        const retired = RETIRED_SERVICES[service.toLowerCase()];
        if (retired && s.effect === 'Allow' && list === s.action && !retiredSeen.has(service.toLowerCase())) {
          retiredSeen.add(service.toLowerCase());
          out.push(
            findingAt(doc, 'policy/retired-service', path, `${value} grants to ${retired.title}, retired on ${retired.endOfLife}`, {
              fix: `Remove the ${service}: actions once the vendor confirms it no longer uses them.`,
            }),
          );
        }
      }
    }
  }
  return out;
}

function articled(title: string): string {
  // "an IAM action" reads right for IAM's own title; others take their service name
  const t = title === 'AWS Identity and Access Management (IAM)' ? 'IAM' : title;
  return `${/^[AEIOU]/.test(t) ? 'an' : 'a'} ${t}`;
}
