import { blockedBy, makeBeforeBreak, mergeTrustUpdates, orderChanges, phaseOf } from '../../src/apply/order.js';
import type { Change } from '../../src/plan/model.js';

function change(id: string, type: Change['resource']['type'], action: Change['action'], over: Partial<Change> = {}): Change {
  return { id, account: 'prod', connection: 'c', resource: { type, name: id }, kind: 'missing', action, severity: 'medium', security: false, reason: '', ...over };
}

describe('orderChanges', () => {
  test('follows dependsOn even against the phase order, and leaves report-only changes out', () => {
    const attach = change('attach', 'attachment', 'attach', { dependsOn: ['user', 'policy'] });
    const user = change('user', 'user', 'create');
    const policy = change('policy', 'policy', 'create');
    const report = change('conflict', 'user', 'none', { kind: 'conflict' });
    // A plan where a late-phase change must run first because another depends on it.
    const early = change('early', 'tags', 'tag', { dependsOn: ['del'] });
    const del = change('del', 'inline-policy', 'delete');
    expect(orderChanges([attach, report, user, early, policy, del]).map((c) => c.id)).toEqual(['policy', 'user', 'attach', 'del', 'early']);
  });

  test('IAM rules: adopt first, policies before principals before buckets; removals, then principal deletes, then policy deletes', () => {
    const changes = [
      change('pol-del', 'policy', 'delete', { kind: 'extra' }),
      change('user-del', 'user', 'delete', { kind: 'extra' }),
      change('detach', 'attachment', 'detach', { kind: 'unexpected' }),
      change('bucket', 'bucket', 'create'),
      change('role', 'role', 'create'),
      change('policy', 'policy', 'create'),
      change('login', 'login-profile', 'delete', { kind: 'unexpected' }),
      change('adopt', 'user', 'tag', { kind: 'adopt' }),
      change('put', 'inline-policy', 'put'),
      change('key', 'access-key', 'deactivate', { kind: 'key-expired' }),
    ];
    expect(orderChanges(changes).map((c) => c.id)).toEqual(['adopt', 'policy', 'role', 'bucket', 'put', 'key', 'detach', 'login', 'user-del', 'pol-del']);
  });

  test('a dependency cycle (a defective plan) still yields every change once', () => {
    const a = change('a', 'user', 'create', { dependsOn: ['b'] });
    const b = change('b', 'policy', 'create', { dependsOn: ['a'] });
    expect(orderChanges([a, b]).map((c) => c.id)).toEqual(['b', 'a']);
  });

  test('phases: a non-adopt tag runs with the updates', () => {
    expect(phaseOf(change('t', 'tags', 'tag', { kind: 'modified' }))).toBeGreaterThan(phaseOf(change('u', 'user', 'create')));
    expect(phaseOf(change('t', 'user', 'tag', { kind: 'adopt' }))).toBeLessThan(phaseOf(change('p', 'policy', 'create')));
  });
});

describe('blockedBy', () => {
  test('a failed or skipped dependency blocks; a done one or an unknown one does not', () => {
    const c = change('x', 'attachment', 'attach', { dependsOn: ['p', 'u'] });
    expect(blockedBy(c, new Map([['p', { status: 'done' as const }]]))).toBeUndefined();
    expect(blockedBy(c, new Map([['p', { status: 'done' as const }], ['u', { status: 'failed' as const }]]))).toBe('not run: it depends on u, which failed');
    expect(blockedBy(c, new Map([['p', { status: 'skipped' as const }]]))).toBe('not run: it depends on p, which was skipped');
  });
});

describe('makeBeforeBreak', () => {
  const on = (principal: string) => ({ principalType: 'role', principal, policyArn: 'arn:aws:iam::aws:policy/X' });
  const attach = (id: string, principal = 'r') => change(id, 'attachment', 'attach', { resource: { type: 'attachment', name: `role/${principal}/${id}` }, after: on(principal) });
  const detach = (id: string, principal = 'r', over: Partial<Change> = {}) =>
    change(id, 'attachment', 'detach', { kind: 'unexpected', resource: { type: 'attachment', name: `role/${principal}/${id}` }, before: on(principal), ...over });

  test('a removal depends on every new grant to the same principal, and on nothing of another principal', () => {
    const put = change('put', 'inline-policy', 'put', { after: { principalType: 'role', principal: 'r', name: 'p', document: {} } });
    const del = change('del', 'inline-policy', 'delete', { kind: 'unexpected', before: { principalType: 'role', principal: 'r', name: 'old' } });
    const out = makeBeforeBreak([detach('ReadOnlyAccess'), attach('ReadOnlyAcess'), put, del, attach('Other', 'elsewhere'), detach('Gone', 'elsewhere2')]);
    const deps = Object.fromEntries(out.map((c) => [c.id, c.dependsOn ?? []]));
    expect(deps).toEqual({ ReadOnlyAccess: ['ReadOnlyAcess', 'put'], ReadOnlyAcess: [], put: [], del: ['ReadOnlyAcess', 'put'], Other: [], Gone: [] });
    // Ordering then runs the grants first, whatever the plan order.
    expect(orderChanges(out).map((c) => c.id).slice(0, 2)).toEqual(['ReadOnlyAcess', 'put']);
  });

  test('withheld grants hold nothing back; a critical removal (an admin grant) is never held back', () => {
    const withheld = attach('Later');
    withheld.withheld = { action: 'attach', by: 'x' };
    withheld.action = 'none';
    const admin = detach('AdministratorAccess', 'r', { severity: 'critical' });
    const out = makeBeforeBreak([withheld, admin, attach('New'), detach('Old')]);
    expect(out.find((c) => c.id === 'AdministratorAccess')?.dependsOn).toBeUndefined();
    expect(out.find((c) => c.id === 'Old')?.dependsOn).toEqual(['New']);
  });

  test('a removal held back by its failed replacement says what was kept and why', () => {
    const [old] = makeBeforeBreak([detach('ReadOnlyAccess'), attach('ReadOnlyAcess')]);
    const failed = { status: 'failed' as const, message: 'policy arn:aws:iam::aws:policy/ReadOnlyAcess does not exist', action: 'attach' as const, resource: { type: 'attachment' as const, name: 'role/r/ReadOnlyAcess' } };
    expect(blockedBy(old as Change, new Map([['ReadOnlyAcess', failed]]))).toBe('kept ReadOnlyAccess attached: attaching ReadOnlyAcess failed: policy arn:aws:iam::aws:policy/ReadOnlyAcess does not exist');
    expect(blockedBy(old as Change, new Map([['ReadOnlyAcess', { ...failed, status: 'skipped' as const, message: 'not run: x' }]]))).toBe('kept ReadOnlyAccess attached: attaching ReadOnlyAcess was not run: x');
    expect(blockedBy(old as Change, new Map([['ReadOnlyAcess', { ...failed, status: 'done' as const }]]))).toBeUndefined();
  });
});

describe('mergeTrustUpdates', () => {
  const trustA = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '111' }, Action: 'sts:AssumeRole' }] };
  const update = (id: string, after: Record<string, unknown>) => change(id, 'role', 'update', { kind: 'modified', resource: { type: 'role', name: 'r' }, after: { name: 'r', ...after } });

  test('the same trust twice is set once; the other change keeps its other fields', () => {
    const { changes, conflicts } = mergeTrustUpdates([update('a', { trust: trustA }), update('b', { trust: trustA, description: 'x' }), update('c', { maxSessionDuration: 7200 })]);
    expect(conflicts.size).toBe(0);
    expect(changes.map((c) => c.after)).toEqual([{ name: 'r', trust: trustA }, { name: 'r', description: 'x' }, { name: 'r', maxSessionDuration: 7200 }]);
  });

  test('two different trust documents for one role are refused, never applied one after the other', () => {
    const other = { ...trustA, Statement: [{ ...trustA.Statement[0], Principal: { AWS: '*' } }] };
    const { conflicts } = mergeTrustUpdates([update('a', { trust: trustA }), update('b', { trust: other }), change('x', 'role', 'update', { resource: { type: 'role', name: 'other' }, after: { trust: other } })]);
    expect([...conflicts.keys()]).toEqual(['a', 'b']);
    expect(conflicts.get('a')).toMatch(/different trust documents for role r; a trust changes in one update/);
  });
});
