// Synthetic manifests of N connections shaped like the seeds: users with a policy file and a
// delivered key, roles with an external ID, spread over a few accounts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const READ_ACTIONS = [
  'iam:ListUsers', 'iam:GetUser', 'iam:ListGroups', 'iam:GetGroup', 'iam:ListGroupsForUser', 'iam:ListUserPolicies',
  'iam:ListAttachedUserPolicies', 'iam:GetUserPolicy', 'iam:ListGroupPolicies', 'iam:ListAttachedGroupPolicies',
  'iam:GetGroupPolicy', 'iam:ListAccessKeys', 'iam:ListSigningCertificates', 'iam:ListSSHPublicKeys',
  'iam:ListServiceSpecificCredentials', 'iam:ListMFADevices', 'iam:GetLoginProfile', 'iam:ListUserTags',
  'iam:GetAccountSummary', 'iam:ListRoles', 'iam:GetRole', 'iam:ListPolicies', 'iam:GetPolicy',
  'iam:GetPolicyVersion', 'iam:ListRoleTags', 'iam:ListRolePolicies', 'iam:GetRolePolicy', 'iam:ListAttachedRolePolicies',
  'iam:ListInstanceProfiles', 's3:ListAllMyBuckets', 's3:GetBucketPolicy', 's3:GetBucketAcl', 'ec2:DescribeInstances',
  'ec2:DescribeRegions', 'ec2:DescribeVpcs', 'cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus',
  'config:DescribeConfigRules', 'organizations:DescribeOrganization',
];

/** What the generated manifest holds per account, for lower bounds and the per-resource count. */
export function manifestShape(connections, accounts = 4, roleEvery = 5) {
  const per = Array.from({ length: accounts }, (_, a) => ({ account: `acct${a}`, id: String(100000000000 + a), users: 0, roles: 0, policies: 0 }));
  for (let i = 0; i < connections; i++) {
    const p = per[i % accounts];
    if (roleEvery > 0 && i % roleEvery === roleEvery - 1) p.roles++;
    else p.users++;
    p.policies++;
  }
  return per;
}

/**
 * `roleEvery`: every roleEvery-th connection is a role (0: users only, e.g. for rotation).
 * `accounts`: connections are spread round-robin over that many accounts. `keys: false` leaves
 * out the users' `accessKey` (apply then makes no first keys: rotation is benched on its own).
 */
export function writeManifest(dir, connections, accounts = 4, roleEvery = 5, { keys = true } = {}) {
  mkdirSync(join(dir, 'policies'), { recursive: true });
  writeFileSync(
    join(dir, 'policies', 'reader.json'),
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: READ_ACTIONS, Resource: '*' }] }, null, 2),
  );
  const lines = ['version: 1', 'defaults:', '  path: /connections/', '  tags: { owner: platform-security }', 'accounts:'];
  for (let a = 0; a < accounts; a++) lines.push(`  acct${a}: { id: "${String(100000000000 + a)}", role: "arn:aws:iam::${100000000000 + a}:role/iam-connections" }`);
  lines.push('connections:');
  for (let i = 0; i < connections; i++) {
    const account = `acct${i % accounts}`;
    if (roleEvery > 0 && i % roleEvery === roleEvery - 1) {
      lines.push(
        `  vendor-${i}:`,
        `    accounts: [${account}]`,
        '    role:',
        `      name: vendor-${i}-reader`,
        `      trust: { awsAccount: "${String(200000000000 + i)}", externalId: "ext-${i}-abcdef" }`,
        '      policies: [{ file: policies/reader.json }]',
      );
    } else {
      lines.push(
        `  vendor-${i}:`,
        `    accounts: [${account}]`,
        '    user:',
        `      name: vendor-${i}-reader`,
        '      policies: [{ file: policies/reader.json }]',
        ...(keys ? [`      accessKey: { deliver: [{ secretsManager: { secretId: "integrations/vendor-${i}" } }] }`] : []),
      );
    }
  }
  const file = join(dir, 'connections.yaml');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
