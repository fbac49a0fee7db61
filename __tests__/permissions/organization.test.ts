import { parseManifestText } from '../../src/manifest/load.js';
import { permissionsFor, type PolicyDocument } from '../../src/permissions/roles.js';

const OPTS = { repository: 'acme/infra' };
const text = (org: string) => `version: 1
accounts:
  mgmt: { id: "111111111111", role: arn:aws:iam::111111111111:role/iam-connections }
  prod: { id: "222222222222", role: arn:aws:iam::222222222222:role/iam-connections }
${org}connections:
  reader:
    accounts: [prod${org ? ', "ou:/workloads"' : ''}]
    role: { name: reader, trust: { awsAccount: "999999999999", externalId: abcdefgh }, managedPolicies: [ReadOnlyAccess] }
`;

const load = (t: string) => {
  const r = parseManifestText(t, 'c.yaml', { root: process.cwd() });
  if (!r.manifest) throw new Error(JSON.stringify(r.findings));
  return r.manifest;
};
const orgStatements = (doc: PolicyDocument) => doc.Statement.filter((s) => s.Action.some((a) => a.startsWith('organizations:')) || s.Sid === 'OrganizationAccounts');

test('Organizations reads go to the via account\'s planner and writer only, and only with an organization section', () => {
  const p = permissionsFor(load(text('organization: { via: mgmt, roleName: iam-connections, planRoleName: iam-connections-planner }\n')), OPTS);
  for (const [doc, role] of [[p.planner.policy, 'iam-connections-planner'], [p.writer.policy, 'iam-connections']] as const) {
    const st = orgStatements(doc);
    expect(st.map((s) => s.Sid)).toEqual(['OrganizationReads', 'OrganizationAccounts']);
    for (const s of st) expect(s.Condition).toEqual({ StringEquals: { 'aws:PrincipalAccount': ['111111111111'] } });
    expect(st[0]!.Action).toEqual(['organizations:ListRoots', 'organizations:ListOrganizationalUnitsForParent', 'organizations:ListAccountsForParent', 'organizations:ListTagsForResource']);
    // Reads only: nothing that changes the organisation.
    expect(st[0]!.Action.every((a) => /^organizations:(List|Describe)/.test(a))).toBe(true);
    expect(st[1]!.Resource).toEqual([`arn:aws:iam::*:role/${role}`]);
  }
  const none = permissionsFor(load(text('')), OPTS);
  expect(orgStatements(none.planner.policy)).toEqual([]);
  expect(orgStatements(none.writer.policy)).toEqual([]);
});
