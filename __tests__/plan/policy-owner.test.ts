import { OWNER_TAG } from '../../src/manifest/model.js';
import {
  describeWithOwner,
  MAX_POLICY_DESCRIPTION,
  ownerFromDescription,
  ownerTags,
  POLICY_OWNER_MARKER,
  policyOwner,
  stripOwnerMarker,
} from '../../src/plan/policy-owner.js';

test('the marker is the owner tag written into the description', () => {
  expect(POLICY_OWNER_MARKER('senhasegura')).toBe(' [iam-connections:connection=senhasegura]');
  expect(describeWithOwner('Senhasegura PAM', 'senhasegura')).toBe('Senhasegura PAM [iam-connections:connection=senhasegura]');
  expect(describeWithOwner(undefined, 'sekoia')).toBe('Managed by iam-connections [iam-connections:connection=sekoia]');
  expect(describeWithOwner('  ', 'sekoia')).toBe('Managed by iam-connections [iam-connections:connection=sekoia]');
});

test('a long description is cut so the marker still fits and still ends it', () => {
  const d = describeWithOwner('x'.repeat(2000), 'cloudyn');
  expect(d).toHaveLength(MAX_POLICY_DESCRIPTION);
  expect(ownerFromDescription(d)).toBe('cloudyn');
});

test('only a marker at the very end names an owner', () => {
  expect(ownerFromDescription(describeWithOwner('Reads IAM', 'sekoia'))).toBe('sekoia');
  expect(ownerFromDescription('[iam-connections:connection=sekoia]')).toBe('sekoia');
  expect(ownerFromDescription('made like [iam-connections:connection=sekoia] by hand')).toBeUndefined();
  expect(ownerFromDescription('Reads IAM [iam-connections:connection=Not_Valid]')).toBeUndefined();
  expect(ownerFromDescription(undefined)).toBeUndefined();
  expect(stripOwnerMarker(describeWithOwner('Reads IAM', 'sekoia'))).toBe('Reads IAM');
});

test('a tag that was read wins over the marker; the marker fills in when tags are unknown', () => {
  const marked = { tags: {}, description: describeWithOwner('x', 'sekoia') };
  expect(policyOwner(marked)).toBe('sekoia');
  expect(ownerTags(marked)).toEqual({ [OWNER_TAG]: 'sekoia' });
  expect(policyOwner({ tags: { [OWNER_TAG]: 'cloudyn' }, description: marked.description })).toBe('cloudyn');
  expect(policyOwner({ tags: {} })).toBeUndefined();
  const plain = { tags: { owner: 'x' } };
  expect(ownerTags(plain)).toBe(plain.tags);
});
