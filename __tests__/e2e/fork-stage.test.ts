/**
 * The fork stage of a plan, end to end: on `workflow_run` (and `pull_request_target`) the run
 * holds the base repository's OIDC identity while the manifest comes from a fork. Accounts and
 * roles are read from the base branch's manifest through the contents API, and only planRoles
 * are assumed: the STS call log at the proxy is the proof.
 */
import { readFileSync } from 'node:fs';
import { STACK_TRACE, annotations, type ActionRun } from './run-action.js';
import { startWorld, type World } from './world.js';

const REPO = 'acme/infra';
const PR = 7;
const BASE_SHA = 'ba5e'.repeat(10);
const FORK_SHA = 'f0f0'.repeat(10);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/fork-stage/${name}`, import.meta.url), 'utf8');
const base = fixture('base.yaml');
const fork = fixture('fork.yaml');
const PLANNER = 'arn:aws:iam::111122223333:role/iam-connections-planner';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});
beforeEach(async () => {
  await world.reset();
  world.github.useIssueComments();
});

const sts = () => world.proxy.calls.filter((c) => c.service === 'sts' || /^Assume/.test(c.action)).map((c) => `${c.action} ${c.params.RoleArn ?? ''}`.trim());
const errors = (run: ActionRun) => annotations(run.stdout).filter((a) => a.kind === 'error').map((a) => a.message).join('\n');

function secondStage(manifest: string, baseFiles: Record<string, string>, event: 'workflow_run' | 'pull_request_target' = 'workflow_run') {
  const contents = world.github.useContents({ [BASE_SHA]: baseFiles });
  const payload =
    event === 'workflow_run'
      ? { workflow_run: { head_sha: FORK_SHA, head_repository: { full_name: 'outsider/infra' } }, repository: { full_name: REPO } }
      : { number: PR, pull_request: { number: PR, head: { sha: FORK_SHA, repo: { full_name: 'outsider/infra' } }, base: { sha: BASE_SHA, repo: { full_name: REPO } } }, repository: { full_name: REPO } };
  const run = world.run({
    inputs: { command: 'plan', manifest: 'connections.yaml', 'github-token': 'ghs_test', comment: 'always', 'pull-request': String(PR) },
    cwd: world.repo({ 'connections.yaml': manifest }),
    // workflow_run runs on the default branch: GITHUB_SHA is the base commit there.
    env: { GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: world.github.writeEvent(payload), GITHUB_SHA: event === 'workflow_run' ? BASE_SHA : 'aaaa'.repeat(10) },
  });
  return { run, contents };
}

test('workflow_run: a fork that drops planRole and swaps the role and ID is planned with the base planRole only', async () => {
  const { run: pending, contents } = secondStage(fork, { 'connections.yaml': base });
  const run = await pending;
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(contents.requests).toEqual([`connections.yaml@${BASE_SHA}`]);
  expect(sts()).toEqual([`AssumeRoleWithWebIdentity ${PLANNER}`]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`Accounts and roles come from connections.yaml at ${BASE_SHA.slice(0, 12)} (the base branch), not from the pull request; only planRoles are assumed.`);
  // The fork's connections are what is planned, in the base's account.
  const plan = JSON.parse(readFileSync(run.outputs.plan as string, 'utf8')) as { accounts: { account: string; accountId: string; changes: { connection?: string }[] }[] };
  expect(plan.accounts.map((a) => `${a.account} ${a.accountId}`)).toEqual(['prod 111122223333']);
  expect(new Set(plan.accounts[0]!.changes.map((c) => c.connection))).toEqual(new Set(['reader', 'newcomer']));
});

test('workflow_run: a base manifest without planRole stops the plan before any STS call, saying to add one', async () => {
  const noPlanner = base.replace(/^ {4}planRole: .*\n/m, '');
  expect(noPlanner).not.toContain('planRole:');
  const { run: pending } = secondStage(fork, { 'connections.yaml': noPlanner });
  const run = await pending;
  expect(run.code).toBe(1);
  expect(sts()).toEqual([]);
  expect(world.proxy.calls).toEqual([]);
  expect(errors(run)).toMatch(/account "prod" has no planRole in connections\.yaml at ba5eba5eba5e \(the base branch\): a plan of a pull request from a fork never assumes the writer role \(arn:aws:iam::111122223333:role\/iam-connections\)/);
  expect(errors(run)).toContain('Add `planRole:` (a read-only role');
});

test('pull_request_target: the base is the pull request base commit; an account only the fork declares is refused', async () => {
  const extra = fork.replace('connections:', '  evil: { id: "123412341234", role: "arn:aws:iam::123412341234:role/x" }\nconnections:');
  const { run: pending, contents } = secondStage(extra, { 'connections.yaml': base }, 'pull_request_target');
  const run = await pending;
  expect(contents.requests).toEqual([`connections.yaml@${BASE_SHA}`]);
  expect(run.code).toBe(1);
  expect(sts()).toEqual([]);
  expect(errors(run)).toMatch(/account "evil" is not declared in connections\.yaml at ba5eba5eba5e \(the base branch\)/);
});

test('no manifest on the base branch: a clear failure, nothing read', async () => {
  const { run: pending } = secondStage(fork, {});
  const run = await pending;
  expect(run.code).toBe(1);
  expect(world.proxy.calls).toEqual([]);
  expect(errors(run)).toMatch(/connections\.yaml at ba5eba5eba5e of acme\/infra does not exist \(GitHub answered 404\)/);
});
