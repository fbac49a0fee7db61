/**
 * The planner and writer roles for a manifest: complete against the SDK commands the source
 * actually sends, read-only for the planner, scoped to the manifest for the writer, and trusts
 * that keep pull requests (even ones that edit the workflow) away from the writer.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifestText } from '../../src/manifest/load.js';
import type { Manifest } from '../../src/manifest/model.js';
import { allowedActions, permissionsFor, PermissionsInputError, type PolicyDocument } from '../../src/permissions/roles.js';
import { renderPermissionsText } from '../../src/permissions/render.js';

function load(text: string): Manifest {
  const r = parseManifestText(text, join(process.cwd(), 'examples', 'connections.yaml'), { root: process.cwd() });
  if (!r.manifest) throw new Error(`test manifest invalid: ${JSON.stringify(r.findings.map((f) => f.message))}`);
  return r.manifest;
}

const example = (): Manifest => load(readFileSync('examples/connections.yaml', 'utf8'));

/** The example plus what it lacks: a boundary, a KMS-encrypted sink in another account. */
const full = (): Manifest =>
  load(
    readFileSync('examples/connections.yaml', 'utf8').replace(
      '      managedPolicies: [IAMReadOnlyAccess]\n      accessKey: { deliver: [{ secretsManager: { secretId: integrations/sekoia } }] }',
      '      managedPolicies: [IAMReadOnlyAccess]\n      permissionsBoundary: arn:aws:iam::aws:policy/ReadOnlyAccess\n' +
        '      accessKey: { deliver: [{ secretsManager: { secretId: integrations/sekoia, account: staging, region: eu-west-1, kmsKeyId: "arn:aws:kms:eu-west-1:444455556666:key/abcd" } }] }',
    ),
  );

const OPTS = { repository: 'acme/infra' };

/** Every `new XCommand(` in src, with the SDK client its file imports it from. */
function sdkCommands(): { service: string; command: string; file: string }[] {
  const out: { service: string; command: string; file: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        const text = readFileSync(p, 'utf8');
        for (const m of text.matchAll(/new (\w+)Command\(/g)) {
          const command = m[1] as string;
          const from = new RegExp(`import \\{[^}]*\\b${command}Command\\b[^}]*\\} from '@aws-sdk/client-([\\w-]+)'`).exec(text)?.[1];
          if (from === undefined) continue; // not an AWS SDK command
          out.push({ service: from.replace(/-/g, ''), command, file: p });
        }
      }
    }
  };
  walk('src');
  return out;
}

/** IAM's name for what an SDK command is authorised as. */
const authorisedAs = (service: string, command: string): string => {
  if (service === 's3' && command === 'HeadBucket') return 's3:ListBucket';
  return `${service}:${command}`;
};

const WRITE_VERB = /:(Create|Put|Delete|Update|Attach|Detach|Tag|Untag|Remove|Deactivate|Generate(?!CredentialReport)|Pass|Add|Set|Upload|Change|Enable|Reset)/;

test('every AWS SDK command the source sends is allowed to the planner or the writer (the grep finds them)', () => {
  const commands = sdkCommands();
  // The grep must see the commands that matter, or this test proves nothing.
  expect(commands.map((c) => c.command)).toEqual(expect.arrayContaining(['CreateAccessKey', 'GetAccountAuthorizationDetails', 'PutSecretValue', 'PutBucketPolicy', 'AssumeRole', 'DeleteUser']));
  // With an organization section, so the Organizations reads (src/org/read.ts) are granted too.
  const m = full();
  const p = permissionsFor({ ...m, organization: { via: m.accounts[0]!.name, roleName: 'iam-connections', at: m.accounts[0]!.at } }, OPTS);
  const allowed = new Set([...allowedActions(p.planner.policy), ...allowedActions(p.writer.policy)]);
  // AssumeRoleWithWebIdentity is granted by the trust policies, not by a permissions policy.
  const missing = commands
    .filter((c) => c.command !== 'AssumeRoleWithWebIdentity')
    .map((c) => `${authorisedAs(c.service, c.command)} (${c.file})`)
    .filter((a) => !allowed.has(a.split(' ')[0] as string));
  expect(missing).toEqual([]);
  // The writer alone runs apply and rotate: it needs everything but the web-identity exchange.
  const writer = new Set(allowedActions(p.writer.policy));
  expect(commands.filter((c) => c.command !== 'AssumeRoleWithWebIdentity' && !writer.has(authorisedAs(c.service, c.command)))).toEqual([]);
});

test('the planner is read-only and holds exactly the reads plan makes', () => {
  const p = permissionsFor(example(), OPTS);
  const actions = allowedActions(p.planner.policy);
  expect(actions.filter((a) => WRITE_VERB.test(a))).toEqual([]);
  expect(actions).toEqual([
    'iam:GenerateCredentialReport', // starts the report: no change to any resource
    'iam:GetAccessKeyLastUsed',
    'iam:GetAccountAuthorizationDetails',
    'iam:GetCredentialReport',
    'iam:GetLoginProfile',
    'iam:GetRole',
    'iam:ListAccessKeys',
    's3:GetBucketPolicy',
    's3:ListBucket',
    'sts:AssumeRole',
    'sts:GetCallerIdentity',
  ]);
  const st = (sid: string) => p.planner.policy.Statement.find((s) => s.Sid === sid);
  expect(st('BillingBuckets')?.Resource).toEqual(['arn:aws:s3:::acme-cloudyn-billing']);
  // staging is reached through prod: prod's planner assumes staging's planner, nothing else.
  expect(st('ViaHub')?.Resource).toEqual(['arn:aws:iam::444455556666:role/iam-connections-planner']);
  expect(st('UserKeysAndLogins')?.Resource).toContain('arn:aws:iam::111122223333:user/connections/*');
});

test('the writer is scoped to the manifest path, its secrets and buckets; no PassRole, no wildcard writes', () => {
  const p = permissionsFor(full(), OPTS);
  const w = p.writer.policy;
  expect(allowedActions(w)).not.toContain('iam:PassRole');
  for (const st of w.Statement) {
    if (st.Action.some((a) => WRITE_VERB.test(a))) expect({ sid: st.Sid, star: st.Resource?.includes('*') }).toEqual({ sid: st.Sid, star: false });
  }
  const st = (sid: string) => w.Statement.find((s) => s.Sid === sid);
  expect(st('UsersUnderPath')?.Resource).toEqual(['arn:aws:iam::111122223333:user/connections/*', 'arn:aws:iam::444455556666:user/connections/*']);
  expect(st('PoliciesUnderPath')?.Resource).toEqual(['arn:aws:iam::111122223333:policy/connections/*', 'arn:aws:iam::444455556666:policy/connections/*']);
  expect(st('SinkSecrets')?.Resource).toEqual([
    'arn:aws:secretsmanager:*:111122223333:secret:integrations/senhasegura/prod-*',
    'arn:aws:secretsmanager:*:444455556666:secret:integrations/senhasegura/staging-*',
    'arn:aws:secretsmanager:eu-west-1:444455556666:secret:integrations/sekoia-*',
  ]);
  expect(st('SinkSecretKeys')?.Resource).toEqual(['arn:aws:kms:eu-west-1:444455556666:key/abcd']);
  expect(st('BillingBuckets')?.Resource).toEqual(['arn:aws:s3:::acme-cloudyn-billing']);
  // Attaching is limited to declared AWS-managed policies and our own: never AdministratorAccess.
  const attachable = st('AttachOnlyDeclaredPolicies')?.Condition?.ArnLike?.['iam:PolicyARN'];
  expect(attachable).toEqual(expect.arrayContaining(['arn:aws:iam::aws:policy/IAMReadOnlyAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::111122223333:policy/connections/*']));
  expect(attachable).not.toContain('arn:aws:iam::aws:policy/AdministratorAccess');
  expect(st('OnlyDeclaredBoundaries')?.Condition).toEqual({ ArnEquals: { 'iam:PermissionsBoundary': ['arn:aws:iam::aws:policy/ReadOnlyAccess'] } });
  expect(st('ViaHub')?.Resource).toEqual(['arn:aws:iam::444455556666:role/iam-connections']);
});

const subjects = (doc: PolicyDocument): unknown => doc.Statement.find((s) => s.Sid === 'GitHubOidc')?.Condition?.StringEquals;

test('trusts: pull requests may plan; only the default branch, or only the protected environment, may write', () => {
  const p = permissionsFor(example(), OPTS);
  expect(subjects(p.planner.trust)).toEqual({
    'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
    'token.actions.githubusercontent.com:sub': ['repo:acme/infra:pull_request', 'repo:acme/infra:ref:refs/heads/main'],
  });
  expect(subjects(p.writer.trust)).toEqual({
    'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
    'token.actions.githubusercontent.com:sub': ['repo:acme/infra:ref:refs/heads/main'],
  });
  // Exact matches only: a wildcard would let any branch (or a PR's merge ref) in.
  expect(JSON.stringify([p.planner.trust, p.writer.trust])).not.toMatch(/StringLike|\*/);
  const env = permissionsFor(example(), { repository: 'acme/infra', defaultBranch: 'trunk', environment: 'production' });
  expect(subjects(env.writer.trust)).toEqual({
    'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
    'token.actions.githubusercontent.com:sub': ['repo:acme/infra:environment:production'],
  });
  expect(subjects(env.planner.trust)).toMatchObject({ 'token.actions.githubusercontent.com:sub': ['repo:acme/infra:pull_request', 'repo:acme/infra:ref:refs/heads/trunk'] });
  // Per account: prod is reached by OIDC, staging only from prod's role of the same kind.
  expect(p.writer.trustByAccount.staging).toEqual({
    Version: '2012-10-17',
    Statement: [{ Sid: 'ViaHub', Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:role/iam-connections'] }, Action: ['sts:AssumeRole'] }],
  });
  expect(p.writer.trustByAccount.prod?.Statement[0]?.Principal).toEqual({ Federated: ['arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'] });
});

test('bad options are refused with what to write instead', () => {
  expect(() => permissionsFor(example(), { repository: 'acme' })).toThrow(PermissionsInputError);
  expect(() => permissionsFor(example(), { repository: 'acme/infra', defaultBranch: 'release/*' })).toThrow(/no spaces or wildcards/);
  expect(() => permissionsFor(example(), { repository: 'acme/infra', environment: 'prod env' })).toThrow(/environment "prod env"/);
});

test('the text rendering names both roles with one line each on what they are for', () => {
  const text = renderPermissionsText(permissionsFor(example(), OPTS));
  expect(text).toMatch(/^Planner role "iam-connections-planner": read-only, for `plan`/m);
  expect(text).toMatch(/^Writer role "iam-connections": writer, for `apply` and `rotate`: assumable only by the main branch of acme\/infra/m);
});
