/**
 * The fork stage's account rule, as a pure function: accounts, IDs and roles come from the
 * trusted (base) manifest; every account a selected one is reached through needs a planRole.
 */
import { withTrustedAccounts } from '../../src/commands/trusted-accounts.js';
import { parseRunContext } from '../../src/github/context.js';
import type { AccountSpec, Manifest } from '../../src/manifest/model.js';

const at = { file: 'connections.yaml', line: 1, column: 1 };
const acc = (name: string, over: Partial<AccountSpec> = {}): AccountSpec => ({ name, id: '111122223333', role: `arn:aws:iam::111122223333:role/${name}-writer`, at, ...over });
const manifest = (accounts: AccountSpec[]): Manifest => ({ file: 'connections.yaml', text: '', defaults: { path: '/', tags: {}, keys: { rotateAfter: 1, overlap: 1, deleteAfter: 1, requireUnusedFor: 1, force: false } }, accounts, connections: [] }) as Manifest;
const source = 'connections.yaml at ba5eba5eba5e (the base branch)';

test('the trusted IDs and roles replace the manifest\'s, which keeps its own locations', () => {
  const forkAt = { file: 'connections.yaml', line: 9, column: 3 };
  const fork = manifest([acc('prod', { id: '999988887777', role: 'arn:aws:iam::999988887777:role/admin', at: forkAt })]);
  const base = [acc('prod', { planRole: 'arn:aws:iam::111122223333:role/planner' })];
  const r = withTrustedAccounts(fork, { accounts: base, source }, ['prod']);
  expect(r.errors).toEqual([]);
  expect(r.manifest?.accounts).toEqual([{ ...base[0], at: forkAt }]);
});

test('a hub on the via chain needs a planRole too, and is kept when the fork dropped it', () => {
  const base = [acc('hub'), acc('prod', { via: 'hub', planRole: 'p' })];
  expect(withTrustedAccounts(manifest([acc('prod')]), { accounts: base, source }, ['prod']).errors).toEqual([expect.stringMatching(/^account "hub" has no planRole in connections\.yaml at ba5eba5eba5e/)]);
  const fixed = [acc('hub', { planRole: 'h' }), acc('prod', { via: 'hub', planRole: 'p' })];
  const r = withTrustedAccounts(manifest([acc('prod', { via: undefined })]), { accounts: fixed, source }, ['prod']);
  expect(r.manifest?.accounts.map((a) => `${a.name} via ${a.via ?? '-'} ${a.planRole}`)).toEqual(['prod via hub p', 'hub via - h']);
});

test('an account only the fork declares is refused; one not selected is dropped', () => {
  const base = [acc('prod', { planRole: 'p' })];
  const fork = manifest([acc('prod'), acc('evil')]);
  expect(withTrustedAccounts(fork, { accounts: base, source }, ['prod', 'evil']).errors).toEqual([expect.stringContaining('account "evil" is not declared in connections.yaml at ba5eba5eba5e')]);
  expect(withTrustedAccounts(fork, { accounts: base, source }, ['prod']).manifest?.accounts.map((a) => a.name)).toEqual(['prod']);
});

describe('which commit is trusted', () => {
  const env = { GITHUB_REPOSITORY: 'acme/infra', GITHUB_SHA: 'default-branch-sha' };
  test('workflow_run: GITHUB_SHA, the default branch the second stage runs from', () => {
    expect(parseRunContext({ ...env, GITHUB_EVENT_NAME: 'workflow_run' }, { workflow_run: { head_sha: 'fork-head' } })).toMatchObject({ headSha: 'fork-head', trustedBase: 'default-branch-sha' });
  });
  test('pull_request_target: the pull request base commit', () => {
    const event = { number: 7, pull_request: { number: 7, head: { sha: 'fork-head', repo: { full_name: 'outsider/infra' } }, base: { sha: 'base-sha', repo: { full_name: 'acme/infra' } } } };
    expect(parseRunContext({ ...env, GITHUB_EVENT_NAME: 'pull_request_target' }, event)).toMatchObject({ isFork: true, trustedBase: 'base-sha' });
  });
  test('pull_request: nothing to trust from elsewhere (the run has no base credentials)', () => {
    const event = { number: 7, pull_request: { number: 7, head: { sha: 'h', repo: { full_name: 'acme/infra' } }, base: { sha: 'b', repo: { full_name: 'acme/infra' } } } };
    expect(parseRunContext({ ...env, GITHUB_EVENT_NAME: 'pull_request' }, event).trustedBase).toBeUndefined();
  });
});
