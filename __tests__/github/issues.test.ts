/**
 * The hand-off issue against the GitHub stand-in: created once with title, labels and assignees;
 * found again by its marker (not its title, which a person may edit) and updated; closed when the
 * old key is retired; a rerun after that writes nothing and opens no second issue; another
 * rotation's marker is another issue. No key ID in full reaches GitHub.
 */
import { createGitHubClient } from '../../src/github/client.js';
import { syncHandoffIssue } from '../../src/github/issues.js';
import { handoffIssue, HANDOFF_LABEL, OVERDUE_LABEL, type HandoffInput } from '../../src/handoff/issue.js';
import type { KeyRules } from '../../src/manifest/model.js';
import { startGitHubServer, type GitHubServer } from '../helpers/github-server.js';

const TOKEN = 'ghs_test_token_never_printed_0123456789';
const DAY = 86_400_000;
const T0 = Date.parse('2027-01-01T06:00:00Z');
const iso = (d: number): string => new Date(T0 + d * DAY).toISOString();
const RULES: KeyRules = { rotateAfter: 90 * 86400, overlap: 7 * 86400, deleteAfter: 7 * 86400, requireUnusedFor: 86400, force: false };
const OLD = 'AKIAOLDKEY0000000001';
const NEW = 'AKIANEWKEY0000000002';
const target = { repository: 'acme/vendor-keys', assignees: ['alice', 'bob'] };

let gh: GitHubServer;
beforeAll(async () => {
  gh = await startGitHubServer();
});
afterAll(async () => {
  await gh.stop();
});
beforeEach(() => gh.clear());

function state(day: number, newLastUsed: string | null, oldStatus: 'Active' | 'Inactive' = 'Active', newKey = NEW, delivered = 91): HandoffInput {
  return {
    vendor: 'Sekoia.io',
    connection: 'sekoia',
    account: 'prod',
    user: 'sekoia-iam-reader',
    keys: [
      { id: OLD, status: oldStatus, created: iso(0), lastUsed: iso(90) },
      { id: newKey, status: 'Active', created: iso(delivered), lastUsed: newLastUsed },
    ],
    record: { current: { id: newKey, at: iso(delivered) }, previous: { id: OLD, at: iso(delivered) } },
    rules: RULES,
    now: new Date(T0 + day * DAY),
    locations: [{ kind: 'secretsManager', secretId: 'integrations/sekoia', region: 'eu-west-1', accountId: '111122223333' }],
    steps: ['Open the asset connector.', 'Paste the Access Key ID and the Secret Access Key.', 'Click **Test connector**.'],
  };
}

test('created, found by marker and updated, closed when retired; reruns open no second issue', async () => {
  const { issues } = gh.useIssues();
  const client = createGitHubClient(TOKEN, gh.env(), { retries: 0 });
  const day91 = await syncHandoffIssue(client, target, handoffIssue(state(91, null))!);
  expect(day91).toMatchObject({ action: 'created', number: 1 });
  expect(issues).toHaveLength(1);
  expect(issues[0]).toMatchObject({ title: 'Paste the new AWS key into Sekoia.io (prod) by 2027-04-09', assignees: ['alice', 'bob'], labels: [HANDOFF_LABEL], state: 'open' });

  // A person retitles it: it is still found by the marker in its body.
  issues[0]!.title = 'sekoia key (Alice on it)';
  const day93 = await syncHandoffIssue(client, target, handoffIssue(state(93, iso(92.5)))!);
  expect(day93).toMatchObject({ action: 'updated', number: 1 });
  expect(issues).toHaveLength(1);
  expect(issues[0]!.body).toContain(`last used ${iso(92.5)}`);

  const day98 = await syncHandoffIssue(client, target, handoffIssue(state(98, iso(97), 'Inactive'))!);
  expect(day98).toMatchObject({ action: 'closed', number: 1 });
  expect(issues[0]).toMatchObject({ state: 'closed', stateReason: 'completed' });
  const writes = gh.calls.filter((c) => c.method !== 'GET').length;
  expect(await syncHandoffIssue(client, target, handoffIssue(state(98, iso(97), 'Inactive'))!)).toMatchObject({ action: 'unchanged', number: 1 });
  expect(gh.calls.filter((c) => c.method !== 'GET').length).toBe(writes);
  expect(issues).toHaveLength(1);

  // The next rotation has its own marker: a new issue.
  const next = await syncHandoffIssue(client, target, handoffIssue(state(182, null, 'Active', 'AKIANEXTKEY000000003', 182))!);
  expect(next).toMatchObject({ action: 'created', number: 2 });

  for (const c of gh.calls) for (const id of [OLD, NEW, 'AKIANEXTKEY000000003']) expect(JSON.stringify(c.body ?? '').includes(id)).toBe(false);
  for (const i of issues) for (const id of [OLD, NEW]) expect(i.body.includes(id)).toBe(false);
});

test('never used: day 98 labels it overdue and keeps it open', async () => {
  const { issues } = gh.useIssues();
  const client = createGitHubClient(TOKEN, gh.env(), { retries: 0 });
  await syncHandoffIssue(client, target, handoffIssue(state(91, null))!);
  const overdue = handoffIssue(state(98, null))!;
  expect(overdue.overdue).toBe(true);
  expect(await syncHandoffIssue(client, target, overdue)).toMatchObject({ action: 'updated', number: 1 });
  expect(issues[0]).toMatchObject({ state: 'open', labels: [HANDOFF_LABEL, OVERDUE_LABEL] });
  expect(issues[0]!.body).toMatch(/\*\*Overdue/);
});

test('a rotation already over (old key retired, no issue yet) creates nothing', async () => {
  const { issues } = gh.useIssues();
  const client = createGitHubClient(TOKEN, gh.env(), { retries: 0 });
  expect(await syncHandoffIssue(client, target, handoffIssue(state(98, iso(97), 'Inactive'))!)).toBeUndefined();
  expect(issues).toHaveLength(0);
  expect(gh.calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
});
