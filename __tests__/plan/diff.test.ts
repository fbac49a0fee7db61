import { createHash } from 'node:crypto';
import { withKeyLastUsed } from '../../src/aws/gaad.js';
import type { AccountInventory, ManagedPolicyState, RoleState, UserState } from '../../src/aws/inventory-model.js';
import type { ConnectionSpec, Manifest } from '../../src/manifest/model.js';
import { DEFAULT_KEY_RULES, OWNER_TAG } from '../../src/manifest/model.js';
import { desiredState, fillExternalId, POLICY_HASH_TAG } from '../../src/plan/desired.js';
import { buildPlan, planAccount, replaceSecret, scrub } from '../../src/plan/diff.js';
import { keyRecordTags, maskKeyId } from '../../src/plan/keys.js';
import { keysNeedingLastUsed, liveKeyId } from '../../src/plan/last-use.js';
import type { AccountPlan, Change } from '../../src/plan/model.js';
import { policyHash } from '../../src/plan/policy-equivalence.js';
import { describeWithOwner } from '../../src/plan/policy-owner.js';
import {
  ACCOUNT_ID,
  DAY,
  EXTERNAL_ID,
  NOW,
  at,
  connection,
  daysBefore,
  doc,
  inventory,
  key,
  managedArn,
  manifest,
  owned,
  policyState,
  resolvedPolicy,
  roleSpec,
  roleState,
  userSpec,
  userState,
} from './fixtures.js';

const ENV = new Map([['CLOUDYN_EXTERNAL_ID', EXTERNAL_ID]]);
const SENHA_DOC = doc({ Effect: 'Allow', Action: ['iam:CreateUser', 'iam:GetUser', 'opsworks:DescribeUserProfiles'], Resource: '*' });
const KEY_ID = 'AKIASENHASEGURA00001';

function senhasegura(over: Partial<ConnectionSpec> = {}): ConnectionSpec {
  return connection('senhasegura', {
    vendor: 'senhasegura',
    user: userSpec('senhasegura-cloud-iam', {
      policies: [resolvedPolicy('senhasegura-cloud-iam', SENHA_DOC)],
      accessKey: { rules: DEFAULT_KEY_RULES, deliver: [], at: at(8) },
    }),
    ...over,
  });
}

function cloudyn(over: Partial<ConnectionSpec> = {}): ConnectionSpec {
  return connection('cloudyn', {
    vendor: 'cloudyn',
    role: roleSpec('cloudyn-cost-reader', { managedPolicies: ['ReadOnlyAccess'] }),
    ...over,
  });
}

/** The live twin of the cloudyn trust, written the way IAM returns it (account id as ARN, other key order). */
function cloudynTrust(externalId: string | null = EXTERNAL_ID): unknown {
  return {
    Statement: [
      {
        Action: 'sts:AssumeRole',
        ...(externalId ? { Condition: { StringEquals: { 'sts:ExternalId': externalId } } } : {}),
        Principal: { AWS: 'arn:aws:iam::432263259397:root' },
        Effect: 'Allow',
      },
    ],
    Version: '2012-10-17',
  };
}

function senhaUser(over: Partial<UserState> = {}): UserState {
  return userState('senhasegura-cloud-iam', {
    tags: owned('senhasegura', keyRecordTags({ current: { id: KEY_ID, at: daysBefore(10) } })),
    attached: [{ name: 'senhasegura-cloud-iam', arn: `arn:aws:iam::${ACCOUNT_ID}:policy/connections/senhasegura-cloud-iam` }],
    accessKeys: [key(KEY_ID, 10)],
    ...over,
  });
}

function cloudynRole(over: Partial<RoleState> = {}): RoleState {
  return roleState('cloudyn-cost-reader', cloudynTrust(), {
    tags: owned('cloudyn'),
    attached: [{ name: 'ReadOnlyAccess', arn: managedArn('ReadOnlyAccess') }],
    ...over,
  });
}

/** An account that holds exactly what the manifest declares, written with cosmetic differences. */
function inSync(over: Partial<AccountInventory> = {}): AccountInventory {
  const cosmetic = {
    Statement: [{ Resource: ['*'], Action: ['opsworks:describeuserprofiles', 'iam:GetUser', 'iam:CreateUser'], Effect: 'Allow', Sid: 'X' }],
    Version: '2012-10-17',
  };
  return inventory({
    users: [senhaUser()],
    roles: [cloudynRole()],
    policies: [policyState('senhasegura-cloud-iam', cosmetic, { tags: owned('senhasegura', { [POLICY_HASH_TAG]: policyHash(SENHA_DOC) }) })],
    ...over,
  });
}

function plan(m: Manifest, inv: AccountInventory, opts: { prune?: boolean; now?: Date; env?: Map<string, string> } = {}): AccountPlan {
  return planAccount(desiredState(m, 'prod', opts.env ?? ENV), inv, opts.now ?? NOW, { prune: opts.prune ?? false });
}

function find(p: AccountPlan, pred: (c: Change) => boolean): Change {
  const c = p.changes.find(pred);
  if (!c) throw new Error(`no such change in:\n${p.changes.map((x) => `${x.id} ${x.action}`).join('\n')}`);
  return c;
}

const both = () => manifest([senhasegura(), cloudyn()]);

test('an account matching the manifest up to cosmetics has no drift', () => {
  expect(plan(both(), inSync()).changes).toEqual([]);
});

test('missing: an empty account gets every resource created, in dependency order', () => {
  const p = plan(both(), inventory());
  const ids = p.changes.map((c) => `${c.resource.type}:${c.action}`).sort();
  expect(ids).toEqual([
    'access-key:create',
    'attachment:attach',
    'attachment:attach',
    'policy:create',
    'role:create',
    'user:create',
  ]);
  expect(p.changes.every((c) => c.kind === 'missing' || c.kind === 'key-missing')).toBe(true);
  const attach = find(p, (c) => c.resource.name === 'user/senhasegura-cloud-iam/senhasegura-cloud-iam');
  expect(attach.dependsOn).toEqual([
    'prod/senhasegura/policy/senhasegura-cloud-iam/missing',
    'prod/senhasegura/user/senhasegura-cloud-iam/missing',
  ]);
  const role = find(p, (c) => c.resource.type === 'role');
  expect(role.after).toMatchObject({ name: 'cloudyn-cost-reader', path: '/connections/', tags: { [OWNER_TAG]: 'cloudyn' } });
  expect(role.at).toEqual(at(18));
});

test('the executor gets the real external ID back only through fillExternalId', () => {
  const role = find(plan(both(), inventory()), (c) => c.resource.type === 'role');
  const after = role.after as { trust: unknown; externalId: { placeholder: string; source: unknown } };
  expect(after.externalId).toEqual({ placeholder: '(externalId set, from env CLOUDYN_EXTERNAL_ID)', source: { env: 'CLOUDYN_EXTERNAL_ID' } });
  expect(JSON.stringify(after.trust)).not.toContain(EXTERNAL_ID);
  expect(fillExternalId(after.trust, after.externalId, EXTERNAL_ID)).toEqual({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::432263259397:root' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } },
      },
    ],
  });
});

describe('modified', () => {
  test('a widened managed policy is a critical security update that needs a new version', () => {
    const widened = doc({ Effect: 'Allow', Action: ['iam:*'], Resource: '*' });
    const inv = inSync({
      policies: [
        policyState('senhasegura-cloud-iam', widened, {
          versionIds: ['v1', 'v2', 'v3', 'v4', 'v5'],
          defaultVersionId: 'v5',
          tags: owned('senhasegura', { [POLICY_HASH_TAG]: policyHash(SENHA_DOC) }),
        }),
      ],
    });
    const c = find(plan(both(), inv), (x) => x.resource.type === 'policy');
    expect(c).toMatchObject({ kind: 'modified', action: 'update', severity: 'critical', security: true });
    expect(c.reason).toContain('iam:*');
    expect(c.reason).toContain('edited outside iam-connections');
    expect(c.reason).toContain('v1');
    expect(c.after).toMatchObject({ deleteVersionFirst: 'v1', document: SENHA_DOC });
  });

  test('a manifest change (live document is the last applied) is a plain update', () => {
    const older = doc({ Effect: 'Allow', Action: ['iam:CreateUser', 'iam:GetUser', 'opsworks:DescribeUserProfiles', 'iam:DeleteUser'], Resource: '*' });
    const inv = inSync({
      policies: [policyState('senhasegura-cloud-iam', older, { tags: owned('senhasegura', { [POLICY_HASH_TAG]: policyHash(older) }) })],
    });
    const c = find(plan(both(), inv), (x) => x.resource.type === 'policy');
    expect(c).toMatchObject({ severity: 'low', security: false, action: 'update' });
    expect(c.reason).toContain('the manifest changed');
    // The same live document, edited by hand (no matching hash): it allows more than declared.
    const edited = inSync({ policies: [policyState('senhasegura-cloud-iam', older, { tags: owned('senhasegura') })] });
    expect(find(plan(both(), edited), (x) => x.resource.type === 'policy')).toMatchObject({ severity: 'high', security: true });
    expect((c.after as Record<string, unknown>).deleteVersionFirst).toBeUndefined();
  });

  test('a trust that lost its external ID is critical and ranked first', () => {
    const inv = inSync({
      roles: [cloudynRole({ trust: cloudynTrust(null) })],
      users: [senhaUser({ hasLoginProfile: true })],
    });
    const p = plan(both(), inv);
    const first = p.changes[0];
    expect(first).toMatchObject({ resource: { type: 'role', name: 'cloudyn-cost-reader' }, kind: 'modified', severity: 'critical', security: true });
    expect(first?.reason).toMatch(/no longer requires the external ID/);
    expect(p.changes.map((c) => c.resource.type)).toContain('login-profile');
  });

  test('a different external ID is reported without either value', () => {
    const p = plan(both(), inSync({ roles: [cloudynRole({ trust: cloudynTrust('Someone-else-4242') })] }));
    const c = find(p, (x) => x.resource.type === 'role');
    expect(c).toMatchObject({ severity: 'high', security: true, action: 'update' });
    const text = JSON.stringify(c);
    expect(text).not.toContain('Someone-else-4242');
    expect(text).not.toContain(EXTERNAL_ID);
    // Described by length, never by a hash (an unsalted hash of a structured ID can be guessed).
    expect(text).toContain('(an external ID (17 characters) that is not the declared one)');
    for (const v of ['Someone-else-4242', EXTERNAL_ID]) expect(text).not.toContain(createHash('sha256').update(v).digest('hex').slice(0, 8));
    expect(text).not.toContain('sha256');
  });

  test('a new trusted principal is critical', () => {
    const trust = cloudynTrust() as { Statement: Record<string, unknown>[] };
    const widened = { ...trust, Statement: [{ ...trust.Statement[0], Principal: { AWS: ['432263259397', '999988887777'] } }] };
    const c = find(plan(both(), inSync({ roles: [cloudynRole({ trust: widened })] })), (x) => x.resource.type === 'role');
    expect(c.severity).toBe('critical');
    expect(c.reason).toContain('999988887777');
  });

  test.each(['aws-us-gov', 'aws-cn'])('%s: the trust IAM returns for the declared one is no drift; the commercial root is', (partition) => {
    const m = manifest([cloudyn()]);
    m.accounts = [{ ...m.accounts[0]!, role: `arn:${partition}:iam::${ACCOUNT_ID}:role/iam-connections` }];
    const trust = (principal: string) => ({ ...(cloudynTrust() as object), Statement: [{ ...(cloudynTrust() as { Statement: object[] }).Statement[0], Principal: { AWS: principal } }] });
    const live = (principal: string) =>
      inventory({ roles: [roleState('cloudyn-cost-reader', trust(principal), { arn: `arn:${partition}:iam::${ACCOUNT_ID}:role/connections/cloudyn-cost-reader`, tags: owned('cloudyn'), attached: [{ name: 'ReadOnlyAccess', arn: `arn:${partition}:iam::aws:policy/ReadOnlyAccess` }] })] });
    for (const equivalent of [`arn:${partition}:iam::432263259397:root`, '432263259397']) {
      expect(plan(m, live(equivalent)).changes.filter((c) => c.resource.type === 'role')).toEqual([]);
    }
    const other = find(plan(m, live('arn:aws:iam::432263259397:root')), (c) => c.resource.type === 'role');
    expect(other).toMatchObject({ severity: 'critical', security: true });
    expect(other.reason).toContain('adds principal(s) AWS:arn:aws:iam::432263259397:root');
  });

  test('the trust bypass (declared statement kept, one more without the external ID) is critical and names the statement', () => {
    const t = cloudynTrust() as { Version: string; Statement: Record<string, unknown>[] };
    const bypass = { ...t, Statement: [...t.Statement, { Sid: 'Convenience', Effect: 'Allow', Principal: { AWS: '432263259397' }, Action: 'sts:AssumeRole' }] };
    const c = find(plan(both(), inSync({ roles: [cloudynRole({ trust: bypass })] })), (x) => x.resource.type === 'role');
    expect(c).toMatchObject({ kind: 'modified', action: 'update', severity: 'critical', security: true });
    expect(c.reason).toContain('statement "Convenience" [Allow AWS:arn:aws:iam::432263259397:root sts:AssumeRole] without StringEquals sts:externalid');
    expect(JSON.stringify(c)).not.toContain(EXTERNAL_ID);
  });

  test('path, tags, description and session duration', () => {
    const m = manifest([senhasegura(), cloudyn({ role: roleSpec('cloudyn-cost-reader', { managedPolicies: ['ReadOnlyAccess'], description: 'Cloudyn', maxSessionDuration: 3600 }) })]);
    const inv = inSync({
      users: [senhaUser({ path: '/', tags: { ...senhaUser().tags, owner: 'someone' } })],
      roles: [cloudynRole({ description: 'old', maxSessionDuration: 43200 })],
    });
    const p = plan(m, inv);
    expect(find(p, (c) => c.resource.type === 'user').after).toEqual({ name: 'senhasegura-cloud-iam', path: '/connections/' });
    expect(find(p, (c) => c.resource.type === 'tags').after).toMatchObject({ set: { owner: 'platform-security' } });
    const role = find(p, (c) => c.resource.type === 'role');
    expect(role.after).toEqual({ name: 'cloudyn-cost-reader', description: 'Cloudyn', maxSessionDuration: 3600 });
    expect(role.security).toBe(true);
  });
});

describe('unexpected on a managed principal', () => {
  test('AdministratorAccess, inline policies, groups, console password, unknown keys', () => {
    const user = senhaUser({
      attached: [...senhaUser().attached, { name: 'AdministratorAccess', arn: managedArn('AdministratorAccess') }],
      inline: [{ name: 'temp', document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) }],
      groups: ['admins'],
      hasLoginProfile: true,
      accessKeys: [key(KEY_ID, 10), key('AKIASTRANGERKEY00009', 1)],
    });
    const p = plan(both(), inSync({ users: [user] }));
    expect(p.changes.map((c) => [c.resource.type, c.kind, c.action, c.severity])).toEqual([
      ['attachment', 'unexpected', 'detach', 'critical'],
      // A day-old key outside the rotation record: kept and reported (it may be a break-glass key).
      ['access-key', 'key-orphan', 'none', 'high'],
      ['group-membership', 'unexpected', 'remove', 'high'],
      ['inline-policy', 'unexpected', 'delete', 'high'],
      ['login-profile', 'unexpected', 'delete', 'high'],
    ]);
    expect(p.changes.every((c) => c.security)).toBe(true);
    expect(p.changes[1]?.resource.name).toBe('senhasegura-cloud-iam/AKIA…0009');
    expect(p.changes[1]?.reason).toContain('aws iam delete-access-key --user-name senhasegura-cloud-iam --access-key-id AKIASTRANGERKEY00009');
  });

  test('a lost permissions boundary is a high security change', () => {
    const m = manifest([senhasegura({ user: userSpec('senhasegura-cloud-iam', { ...senhasegura().user, permissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }) })]);
    const c = find(plan(m, inSync({ roles: [] })), (x) => x.resource.type === 'permissions-boundary');
    expect(c).toMatchObject({ kind: 'modified', severity: 'high', action: 'update', after: { arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } });
  });

  test('a key on a user that declares no accessKey', () => {
    const m = manifest([senhasegura({ user: userSpec('senhasegura-cloud-iam', { policies: senhasegura().user?.policies ?? [] }) })]);
    const c = find(plan(m, inSync({ roles: [] })), (x) => x.resource.type === 'access-key');
    expect(c).toMatchObject({ kind: 'unexpected', action: 'delete', security: true });
  });
});

describe('key state', () => {
  test('due and overdue, from now', () => {
    const at100 = plan(both(), inSync(), { now: new Date(NOW.getTime() + 80 * DAY * 1000) });
    expect(find(at100, (c) => c.resource.type === 'access-key')).toMatchObject({ kind: 'key-due', action: 'rotate', severity: 'medium' });
    const at110 = plan(both(), inSync(), { now: new Date(NOW.getTime() + 87 * DAY * 1000) });
    expect(find(at110, (c) => c.resource.type === 'access-key')).toMatchObject({ kind: 'key-overdue', action: 'rotate', severity: 'high' });
  });
});

describe('conflict and adopt', () => {
  test('a name held by an untagged resource stops only its connection', () => {
    const inv = inventory({
      users: [userState('senhasegura-cloud-iam', { tags: { team: 'ops' } })],
      roles: [],
    });
    const p = plan(both(), inv);
    const conflict = find(p, (c) => c.kind === 'conflict');
    expect(conflict).toMatchObject({ connection: 'senhasegura', action: 'none', severity: 'high' });
    expect(conflict.reason).toContain('adopt: true');
    const senha = p.changes.filter((c) => c.connection === 'senhasegura' && c !== conflict);
    expect(senha.length).toBeGreaterThan(0);
    expect(senha.every((c) => c.action === 'none' && c.withheld?.by === conflict.id)).toBe(true);
    const roleCreate = find(p, (c) => c.connection === 'cloudyn' && c.resource.type === 'role');
    expect(roleCreate.action).toBe('create');
    expect(roleCreate.withheld).toBeUndefined();
  });

  test('a name held by another declared connection is a conflict even with adopt', () => {
    const inv = inSync({ users: [senhaUser({ tags: owned('cloudyn') })] });
    const p = plan(manifest([senhasegura({ adopt: true }), cloudyn()]), inv);
    expect(find(p, (c) => c.kind === 'conflict').reason).toContain('belongs to connection "cloudyn"');
  });

  test('adopt: true tags the untagged resource, then brings it in line', () => {
    const inv = inSync({ users: [senhaUser({ tags: { team: 'ops' }, accessKeys: [key('AKIALEGACYKEY0000001', 400)] })] });
    const p = plan(manifest([senhasegura({ adopt: true }), cloudyn()]), inv);
    const adopt = find(p, (c) => c.kind === 'adopt');
    expect(adopt).toMatchObject({ action: 'tag', resource: { type: 'user', name: 'senhasegura-cloud-iam' } });
    expect((adopt.after as { set: Record<string, string> }).set).toMatchObject({ [OWNER_TAG]: 'senhasegura', owner: 'platform-security' });
    expect(find(p, (c) => c.kind === 'key-unrecorded').action).toBe('rotate');
    expect(p.changes.some((c) => c.kind === 'conflict')).toBe(false);
  });
});

describe('extra', () => {
  const leftover = () => inSync({ users: [senhaUser(), userState('old-vendor', { tags: owned('old-vendor') })] });

  test('without prune: reported, left alone, with the hint', () => {
    const c = find(plan(both(), leftover()), (x) => x.kind === 'extra');
    expect(c).toMatchObject({ action: 'none', connection: 'old-vendor', resource: { type: 'user', name: 'old-vendor' } });
    expect(c.reason).toContain('prune: true');
  });

  test('with prune: deleted, with what the executor must take apart first', () => {
    const c = find(plan(both(), leftover(), { prune: true }), (x) => x.kind === 'extra');
    expect(c.action).toBe('delete');
    expect(c.before).toMatchObject({ name: 'old-vendor', accessKeys: [], attached: [], inline: [], groups: [] });
  });

  test('untagged resources are never extra', () => {
    const inv = inSync({ users: [senhaUser(), userState('someone-else')] });
    expect(plan(both(), inv, { prune: true }).changes).toEqual([]);
  });
});

describe('temporary connections', () => {
  const coreo = () =>
    connection('cloudcoreo-setup', {
      vendor: 'cloudcoreo',
      user: userSpec('cloudcoreo-setup', {
        policies: [resolvedPolicy('cloudcoreo-bootstrap', doc({ Effect: 'Allow', Action: ['iam:CreateRole', 'iam:CreatePolicy'], Resource: '*' }))],
        accessKey: { rules: DEFAULT_KEY_RULES, deliver: [], at: at(30) },
      }),
      temporary: { expires: '2026-06-10T00:00:00Z', deleteAfter: 7 * DAY, at: at(31) },
    });
  const live = () =>
    inventory({
      users: [
        userState('cloudcoreo-setup', {
          tags: owned('cloudcoreo-setup', keyRecordTags({ current: { id: 'AKIACOREO00000000001', at: daysBefore(2) } })),
          attached: [{ name: 'cloudcoreo-bootstrap', arn: `arn:aws:iam::${ACCOUNT_ID}:policy/connections/cloudcoreo-bootstrap` }],
          accessKeys: [key('AKIACOREO00000000001', 2)],
        }),
      ],
      policies: [
        policyState('cloudcoreo-bootstrap', doc({ Effect: 'Allow', Action: ['iam:CreatePolicy', 'iam:CreateRole'], Resource: '*' }), {
          tags: owned('cloudcoreo-setup'),
        }),
      ],
    });
  const stages = (iso: string) => plan(manifest([coreo()]), live(), { now: new Date(iso) }).changes.map((c) => [c.resource.type, c.kind, c.action]);

  test('before expiry: nothing to do', () => {
    expect(stages('2026-06-09T23:59:59Z')).toEqual([]);
  });
  test('past expiry: keys deactivated at once', () => {
    expect(stages('2026-06-10T00:00:00Z')).toEqual([['access-key', 'key-expired', 'deactivate']]);
    expect(stages('2026-06-16T23:59:59Z')).toEqual([['access-key', 'key-expired', 'deactivate']]);
  });
  test('past expiry + deleteAfter: user and its policies deleted, user first', () => {
    const p = plan(manifest([coreo()]), live(), { now: new Date('2026-06-17T00:00:00Z') });
    expect(p.changes.map((c) => [c.resource.type, c.kind, c.action])).toEqual([
      ['policy', 'expired', 'delete'],
      ['user', 'expired', 'delete'],
    ]);
    expect(p.changes[0]?.dependsOn).toEqual(['prod/cloudcoreo-setup/user/cloudcoreo-setup/expired']);
    expect(p.changes[1]?.before).toMatchObject({ accessKeys: [maskKeyId('AKIACOREO00000000001')] });
  });
  test('an expired temporary user that is gone is not recreated', () => {
    expect(plan(manifest([coreo()]), inventory(), { now: new Date('2026-06-11T00:00:00Z') }).changes).toEqual([]);
  });
  test('ttl counts from the user creation', () => {
    const ttl = connection('cloudcoreo-setup', { ...coreo(), temporary: { ttl: 2 * DAY, deleteAfter: 7 * DAY, at: at(31) } });
    const inv = live();
    const user = inv.users[0];
    if (user) user.created = daysBefore(3);
    expect(plan(manifest([ttl]), inv, { now: NOW }).changes.map((c) => c.kind)).toEqual(['key-expired']);
    if (user) user.created = daysBefore(1);
    expect(plan(manifest([ttl]), inv, { now: NOW }).changes).toEqual([]);
  });
});

describe('watch', () => {
  test('the CloudCoreo role: * except iam:CreateUser still allows privilege escalation', () => {
    const m = manifest([connection('cloudcoreo-setup', { watch: { roles: ['CloudCoreoAssumedRole'], users: [], policies: [] } })]);
    const policyArn = `arn:aws:iam::${ACCOUNT_ID}:policy/CloudCoreoAssumedRolePolicy`;
    const inv = inventory({
      roles: [
        roleState('CloudCoreoAssumedRole', doc({ Effect: 'Allow', Principal: { AWS: '910887748405' }, Action: 'sts:AssumeRole' }), {
          attached: [{ name: 'CloudCoreoAssumedRolePolicy', arn: policyArn }],
        }),
      ],
      policies: [
        policyState(
          'CloudCoreoAssumedRolePolicy',
          JSON.parse(
            '{"Version":"2012-10-17","Statement":[{"Action":["*"],"Effect":"Allow","Resource":"*"},{"Action":["iam:CreateUser"],"Effect":"Deny","Resource":"*"}]}',
          ),
          { arn: policyArn, path: '/' },
        ),
      ],
    });
    const p = plan(m, inv);
    expect(p.changes).toEqual([]); // watched resources are never changed
    const w = p.watched[0];
    expect(w).toMatchObject({ found: true, severity: 'critical', resource: { type: 'role', name: 'CloudCoreoAssumedRole' } });
    expect(w?.risks[0]).toMatch(/^role CloudCoreoAssumedRole allows \* except iam:CreateUser: still allows .*iam:AttachUserPolicy.*iam:CreateAccessKey.* \(privilege escalation\)$/);
    expect(w?.risks).toContain('role CloudCoreoAssumedRole trusts another account without requiring an external ID (confused deputy)');
    expect(w?.trust).toEqual({ principals: ['AWS:arn:aws:iam::910887748405:root'], externalId: false });
  });

  test('a watched role that does not exist yet', () => {
    const m = manifest([connection('cloudcoreo-setup', { watch: { roles: ['CloudCoreoAssumedRole'], users: [], policies: [] } })]);
    expect(plan(m, inventory()).watched[0]).toMatchObject({ found: false, severity: 'info' });
  });
});

describe('the plan file', () => {
  const input = () => ({
    manifest: both(),
    inventories: [inSync({ roles: [cloudynRole({ trust: cloudynTrust('Contoso-ext-8f3a91c2-OLD'), description: EXTERNAL_ID })] })],
    env: ENV,
    now: NOW,
    prune: false,
  });

  test('never contains an external ID value', () => {
    const text = JSON.stringify(buildPlan(input()));
    expect(text).toContain('(externalId set, from env CLOUDYN_EXTERNAL_ID)');
    expect(text).not.toContain(EXTERNAL_ID);
    expect(text).not.toContain('Contoso-ext-8f3a91c2-OLD');
  });

  test('an external ID that leaks into another field, or sits in a trust file, is scrubbed', () => {
    const described = cloudyn({ role: roleSpec('cloudyn-cost-reader', { description: `ext ${EXTERNAL_ID}` }) });
    const fileTrust = cloudynTrust('file-held-ext-id-77');
    const fromFile = connection('vendor-file', {
      role: roleSpec('vendor-file-role', {
        trust: { awsPrincipals: [], document: resolvedPolicy('vendor-trust', fileTrust), at: at(50) },
      }),
    });
    const p = buildPlan({ manifest: manifest([described, fromFile]), inventories: [inventory()], env: ENV, now: NOW, prune: false });
    const text = JSON.stringify(p);
    expect(text).not.toContain(EXTERNAL_ID);
    expect(text).not.toContain('file-held-ext-id-77');
    expect(text).toContain('(externalId literal, 19 characters, from policies/vendor-trust.json)');
    expect(text).toContain('ext (externalId set, from env CLOUDYN_EXTERNAL_ID)');
  });

  test.each([
    ['a long value anywhere', 'x Contoso-ext-8f3a91c2y', 'Contoso-ext-8f3a91c2', 'x <ID>y'],
    ['a short value as a whole token', 'id "Qz7" set', 'Qz7', 'id "<ID>" set'],
    ['a short value beside punctuation', 'ext-Qz7,Qz7:Qz7', 'Qz7', 'ext-<ID>,<ID>:<ID>'],
    ['a short value inside a word is a different word', 'aQz7b Qz7', 'Qz7', 'aQz7b <ID>'],
    ['a short value with a non-alphanumeric edge goes everywhere', 'a=b=cd', '=b=', 'a<ID>cd'],
    ['a two-character value', 'ab tab ab.', 'ab', '<ID> tab <ID>.'],
  ])('replaceSecret: %s', (_name, text, secret, expected) => {
    expect(replaceSecret(text, secret, '<ID>')).toBe(expected);
  });

  test('scrub replaces longer values first, so a short ID inside a longer one leaves nothing behind', () => {
    const secrets = new Map([
      ['Zz9', '(short)'],
      ['Zz9-Longer-Value', '(long)'],
    ]);
    expect(scrub({ a: 'Zz9-Longer-Value and Zz9', [`k Zz9`]: 1 }, secrets)).toEqual({ a: '(long) and (short)', 'k (short)': 1 });
  });

  test('a two-character literal external ID never reaches the plan, wherever it appears', () => {
    const short = cloudyn({ role: roleSpec('cloudyn-cost-reader', { trust: { awsAccount: '432263259397', awsPrincipals: [], externalId: { value: 'Q7' }, at: at(20) }, description: 'vendor id Q7.' }) });
    const p = buildPlan({ manifest: manifest([short]), inventories: [inSync({ roles: [cloudynRole({ trust: cloudynTrust('Q7'), description: 'old' })] })], env: ENV, now: NOW, prune: false });
    const text = JSON.stringify(p);
    expect(text).not.toMatch(/\bQ7\b/);
    expect(text).toContain('(externalId literal, 2 characters, from manifest connections.yaml:20:3)');
  });

  test('same input twice gives identical JSON, whatever order the inventory and manifest list things in', () => {
    const drifting = () => ({
      ...input(),
      inventories: [
        inSync({
          users: [
            senhaUser({ groups: ['b', 'a'], hasLoginProfile: true }),
            userState('old-1', { tags: owned('old') }),
            userState('old-2', { tags: owned('old') }),
          ],
        }),
      ],
    });
    const first = JSON.stringify(buildPlan(drifting()));
    expect(JSON.parse(first).summary.total).toBeGreaterThan(4);
    expect(JSON.stringify(buildPlan(drifting()))).toBe(first);
    const shuffled = drifting();
    shuffled.manifest.connections.reverse();
    const inv = shuffled.inventories[0];
    inv?.users.reverse();
    inv?.users[2]?.groups.reverse();
    expect(JSON.stringify(buildPlan(shuffled))).toBe(first);
  });

  test('summary counts actionable changes and any drift', () => {
    const p = buildPlan({ ...input(), inventories: [inSync({ users: [senhaUser(), userState('old', { tags: owned('old') })] })] });
    expect(p.summary).toMatchObject({ changes: 0, drift: true, total: 1, byKind: { extra: 1 } });
    const clean = buildPlan({ ...input(), inventories: [inSync()] });
    expect(clean.summary).toMatchObject({ changes: 0, drift: false, total: 0 });
    expect(clean).toMatchObject({ version: 1, asOf: NOW.toISOString(), manifest: 'connections.yaml' });
  });

  test('an unset external ID env var: trust compared for presence only, role writes withheld', () => {
    const p = plan(both(), inSync(), { env: new Map() });
    expect(p.changes.map((c) => [c.kind, c.action])).toEqual([['unresolved', 'none']]);
    const lost = plan(both(), inSync({ roles: [cloudynRole({ trust: cloudynTrust(null) })] }), { env: new Map() });
    const c = find(lost, (x) => x.resource.type === 'role');
    expect(c).toMatchObject({ severity: 'critical', action: 'none', withheld: { action: 'update' } });
  });

  test('credentials that reached the wrong account plan nothing', () => {
    const p = plan(both(), inventory({ accountId: '999999999999' }));
    expect(p.changes).toHaveLength(1);
    expect(p.changes[0]).toMatchObject({ kind: 'unresolved', severity: 'critical', action: 'none' });
  });
});

describe('live reads: what GAAD does not return is unknown, not different', () => {
  const MARKED = describeWithOwner(undefined, 'senhasegura');
  /** A policy as GAAD returns it: no tags, the owner marker in the description, all versions. */
  const gaadPolicy = (document: unknown, over: Partial<ManagedPolicyState> = {}) =>
    policyState('senhasegura-cloud-iam', document, { tags: {}, tagsRead: false, description: MARKED, versions: { v1: document }, ...over });

  test('a policy we created, unchanged, shows no drift: owner from the marker, no tag change planned', () => {
    const p = plan(both(), inSync({ policies: [gaadPolicy(SENHA_DOC)] }));
    expect(p.changes).toEqual([]);
  });

  test('without the marker and without tags read, the policy is not ours: a conflict', () => {
    const p = plan(both(), inSync({ policies: [gaadPolicy(SENHA_DOC, { description: 'made by hand' })] }));
    expect(find(p, (c) => c.kind === 'conflict')).toMatchObject({ resource: { type: 'policy', name: 'senhasegura-cloud-iam' } });
  });

  test('a differing document: what differs, without claiming who changed it', () => {
    const older = doc({ Effect: 'Allow', Action: ['iam:CreateUser', 'iam:GetUser', 'opsworks:DescribeUserProfiles', 'iam:*'], Resource: '*' });
    const c = find(plan(both(), inSync({ policies: [gaadPolicy(older)] })), (x) => x.resource.type === 'policy');
    expect(c).toMatchObject({ kind: 'modified', action: 'update', severity: 'critical', security: true });
    expect(c.reason).toContain('iam:*');
    expect(c.reason).toContain('cannot be told');
    expect(c.reason).not.toMatch(/edited outside iam-connections since|the manifest changed\)|widened outside/);
  });

  test('a default that is not the newest version was chosen outside iam-connections', () => {
    const widened = doc({ Effect: 'Allow', Action: ['iam:*'], Resource: '*' });
    const live = gaadPolicy(widened, { defaultVersionId: 'v1', versionIds: ['v1', 'v2'], versions: { v1: widened, v2: SENHA_DOC } });
    const c = find(plan(both(), inSync({ policies: [live] })), (x) => x.resource.type === 'policy');
    expect(c.reason).toContain('the default version is v1, not the newest v2');
    expect(c.reason).toContain("the manifest's document is version v2");
    expect(c.severity).toBe('critical');
  });

  test('a marked policy no connection declares any more is extra', () => {
    const gone = policyState('old-policy', SENHA_DOC, { tags: {}, tagsRead: false, description: describeWithOwner('x', 'retired') });
    const c = find(plan(both(), inSync({ policies: [gaadPolicy(SENHA_DOC), gone] })), (x) => x.kind === 'extra');
    expect(c).toMatchObject({ connection: 'retired', resource: { type: 'policy', name: 'old-policy' }, action: 'none' });
  });

  test('role description and session duration: no drift when unknown, compared when known', () => {
    const m = manifest([senhasegura(), cloudyn({ role: roleSpec('cloudyn-cost-reader', { managedPolicies: ['ReadOnlyAccess'], description: 'Cloudyn', maxSessionDuration: 7200 }) })]);
    expect(plan(m, inSync()).changes).toEqual([]);
    const known = plan(m, inSync({ roles: [cloudynRole({ description: '', maxSessionDuration: 3600 })] }));
    expect(find(known, (c) => c.resource.type === 'role')).toMatchObject({
      before: { description: '', maxSessionDuration: 3600 },
      after: { name: 'cloudyn-cost-reader', description: 'Cloudyn', maxSessionDuration: 7200 },
      security: false,
    });
    const halfKnown = plan(m, inSync({ roles: [cloudynRole({ maxSessionDuration: 43200 })] }));
    expect(find(halfKnown, (c) => c.resource.type === 'role')).toMatchObject({ after: { maxSessionDuration: 7200 }, security: true });
    expect((find(halfKnown, (c) => c.resource.type === 'role').after as Record<string, unknown>).description).toBeUndefined();
  });

  test('a console password from the credential report: security drift ranked first, with the report date', () => {
    const asOf = '2026-05-31T22:00:00.000Z';
    const p = plan(both(), inSync({ users: [senhaUser({ hasLoginProfile: true, mfaActive: true, loginProfileAsOf: asOf, tags: { ...senhaUser().tags, owner: 'x' } })] }));
    expect(p.changes[0]).toMatchObject({ resource: { type: 'login-profile' }, kind: 'unexpected', action: 'delete', security: true, before: { asOf, mfaActive: true } });
    expect(p.changes[0]?.reason).toContain(`credential report generated at ${asOf}`);
    expect(p.changes[0]?.reason).toContain('up to 4 hours');
    expect(p.changes.map((c) => c.resource.type)).toEqual(['login-profile', 'tags']);
  });

  test('a credential report that could not be read: an unresolved note naming the permissions', () => {
    const p = plan(
      both(),
      inSync({ credentialReport: { unavailable: { reason: 'iam:GenerateCredentialReport was denied', missingPermissions: ['iam:GenerateCredentialReport'] } } }),
    );
    expect(p.changes).toHaveLength(1);
    expect(p.changes[0]).toMatchObject({ kind: 'unresolved', action: 'none', security: true, resource: { type: 'account', name: 'prod' } });
    expect(p.changes[0]?.reason).toMatch(/console passwords of the integration users \(senhasegura-cloud-iam\) could not be checked/);
    expect(p.changes[0]?.reason).toContain('iam:GenerateCredentialReport and iam:GetCredentialReport');
    // No integration user in the account: nothing to check, nothing to say.
    const rolesOnly = plan(manifest([cloudyn()]), inSync({ users: [], policies: [], credentialReport: { unavailable: { reason: 'x' } } }));
    expect(rolesOnly.changes).toEqual([]);
  });

  test('a key decision that needs last use says so; after reading it, the plan decides', () => {
    const NEW = 'AKIASENHASEGURA00002';
    const rotated = daysBefore(8);
    const user = senhaUser({
      tags: owned('senhasegura', keyRecordTags({ current: { id: NEW, at: rotated }, previous: { id: KEY_ID, at: rotated } })),
      accessKeys: [key(KEY_ID, 100), key(NEW, 8)],
    });
    const first = buildPlan({ ...planInput(inSync({ users: [user] })) });
    const open = find(first.accounts[0] as AccountPlan, (c) => c.kind === 'key-retire');
    // The plan names the key by its masked ID only; the command finds the live key it means.
    expect(open).toMatchObject({ action: 'none', after: { keyId: maskKeyId(KEY_ID), needsLastUsed: true } });
    // Both last uses decide: the old key's idle time and the new key's use since its delivery.
    expect(open).toMatchObject({ after: { lastUseOf: [maskKeyId(KEY_ID), maskKeyId(NEW)] } });
    expect(keysNeedingLastUsed(first)).toEqual(
      [maskKeyId(KEY_ID), maskKeyId(NEW)].sort().map((keyId) => ({ account: 'prod', user: 'senhasegura-cloud-iam', keyId })),
    );
    expect(liveKeyId(inSync({ users: [user] }), 'senhasegura-cloud-iam', maskKeyId(KEY_ID))).toBe(KEY_ID);
    expect(liveKeyId(inSync({ users: [user] }), 'senhasegura-cloud-iam', maskKeyId(NEW))).toBe(NEW);
    expect(liveKeyId(inSync({ users: [user] }), 'someone-else', maskKeyId(KEY_ID))).toBeUndefined();
    expect(JSON.stringify(first)).not.toMatch(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/);

    const unused = withKeyLastUsed(inSync({ users: [user] }), new Map([[KEY_ID, daysBefore(3)], [NEW, daysBefore(1)]]));
    const second = buildPlan(planInput(unused));
    expect(find(second.accounts[0] as AccountPlan, (c) => c.kind === 'key-retire')).toMatchObject({ action: 'deactivate' });
    expect(keysNeedingLastUsed(second)).toEqual([]);

    // The new key never used since its delivery: no evidence the vendor switched, the old key stays.
    const notSwitched = withKeyLastUsed(inSync({ users: [user] }), new Map([[KEY_ID, daysBefore(3)], [NEW, null]]));
    const kept = find(buildPlan(planInput(notSwitched)).accounts[0] as AccountPlan, (c) => c.resource.name.endsWith(maskKeyId(KEY_ID)));
    expect(kept).toMatchObject({ kind: 'key-in-use', action: 'none' });
    expect(kept?.reason).toContain(`has never been used since its delivery at ${rotated}`);

    const inUse = withKeyLastUsed(inSync({ users: [user] }), new Map([[KEY_ID, new Date(NOW.getTime() - 3600_000).toISOString()], [NEW, daysBefore(1)]]));
    expect(find(buildPlan(planInput(inUse)).accounts[0] as AccountPlan, (c) => c.resource.name.endsWith(maskKeyId(KEY_ID)))).toMatchObject({ kind: 'key-in-use', action: 'none' });
  });
});

function planInput(inv: AccountInventory) {
  return { manifest: both(), inventories: [inv], env: ENV, now: NOW, prune: false };
}
