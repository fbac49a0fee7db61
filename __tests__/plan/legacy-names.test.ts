/**
 * Default policy names lost their stutter (`senhasegura-senhasegura-cloud-iam` is now
 * `senhasegura-cloud-iam`). An account deployed under the old default must plan clean, and only
 * a policy of the same connection may stand in for the new name.
 */
import type { ManagedPolicyState } from '../../src/aws/inventory-model.js';
import { legacyPolicyRefName, policyRefName } from '../../src/manifest/presets.js';
import { desiredState } from '../../src/plan/desired.js';
import { planAccount } from '../../src/plan/diff.js';
import type { AccountPlan } from '../../src/plan/model.js';
import { describeWithOwner } from '../../src/plan/policy-owner.js';
import { ACCOUNT_ID, NOW, connection, doc, inventory, manifest, owned, policyState, resolvedPolicy, userSpec, userState } from './fixtures.js';

const DOC = doc({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' });
const NEW = 'senhasegura-cloud-iam';
const OLD = 'senhasegura-senhasegura-cloud-iam';
const arn = (name: string) => `arn:aws:iam::${ACCOUNT_ID}:policy/connections/${name}`;

test('default names: no stutter when the file stem starts with the connection; the old default is remembered', () => {
  expect(policyRefName('senhasegura', { file: 'policies/senhasegura-cloud-iam.json' })).toBe(NEW);
  expect(legacyPolicyRefName('senhasegura', { file: 'policies/senhasegura-cloud-iam.json' })).toBe(OLD);
  expect(policyRefName('datadog', { file: 'datadog.json' })).toBe('datadog');
  expect(legacyPolicyRefName('datadog', { file: 'datadog.json' })).toBe('datadog-datadog');
  expect(policyRefName('sekoia', { file: 'policies/read-iam.json' })).toBe('sekoia-read-iam');
  expect(legacyPolicyRefName('sekoia', { file: 'policies/read-iam.json' })).toBeUndefined();
  expect(policyRefName('sekoia', { file: 'sekoiaread.json' })).toBe('sekoia-sekoiaread');
  expect(legacyPolicyRefName('senhasegura', { file: 'x/senhasegura-a.json', name: 'mine' })).toBeUndefined();
});

function planWith(policies: ManagedPolicyState[], attachedName: string, inlineNames: string[] = [], inlineKind = false): AccountPlan {
  const pol = { ...resolvedPolicy(NEW, DOC, inlineKind ? 'inline' : 'managed'), legacyName: OLD };
  const m = manifest([
    connection('senhasegura', {
      user: userSpec('senhasegura-cloud-iam', inlineKind ? { inlinePolicies: [pol] } : { policies: [pol] }),
    }),
  ]);
  const user = userState('senhasegura-cloud-iam', {
    tags: owned('senhasegura'),
    attached: inlineKind ? [] : [{ name: attachedName, arn: arn(attachedName) }],
    inline: inlineNames.map((name) => ({ name, document: DOC })),
  });
  return planAccount(desiredState(m, 'prod', new Map()), inventory({ users: [user], policies }), NOW, { prune: true });
}

const ours = (name: string, conn = 'senhasegura') =>
  policyState(name, DOC, { tags: {}, tagsRead: false, description: describeWithOwner(undefined, conn), versions: { v1: DOC } });

test('an account holding only the old default name plans clean, even with prune', () => {
  expect(planWith([ours(OLD)], OLD).changes).toEqual([]);
});

test('the old name keeps being compared: a widened document under it is still drift', () => {
  const widened = { ...ours(OLD), document: doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }) };
  const p = planWith([widened], OLD);
  expect(p.changes.map((c) => `${c.resource.type}:${c.resource.name}:${c.action}`)).toEqual([`policy:${OLD}:update`]);
});

test('when both names exist the declared (new) name is the policy, the old one is extra', () => {
  const p = planWith([ours(NEW), ours(OLD)], NEW);
  expect(p.changes.find((c) => c.resource.name === OLD)).toMatchObject({ kind: 'extra' });
  expect(p.changes.some((c) => c.resource.name === NEW)).toBe(false);
});

test("a policy of another connection under the old name is not taken for this one's", () => {
  const p = planWith([ours(OLD, 'other')], OLD);
  expect(p.changes.find((c) => c.resource.type === 'policy' && c.resource.name === NEW)).toMatchObject({ kind: 'missing', action: 'create' });
});

test('inline policies keep their old default name too', () => {
  expect(planWith([], '', [OLD], true).changes).toEqual([]);
  const p = planWith([], '', [], true);
  expect(p.changes.find((c) => c.resource.type === 'inline-policy')).toMatchObject({ resource: { name: `user/senhasegura-cloud-iam/${NEW}` } });
});
