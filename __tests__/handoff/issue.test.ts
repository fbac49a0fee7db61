/**
 * The hand-off issue as a pure function of the rotation state: day 91 opened with the deadline
 * and where the key is, day 93 updated with the new key's use, day 98 closed once the old key is
 * retired; the never-used scenario overdue and kept open on day 98. Never a key ID in full.
 */
import type { AccessKeyState } from '../../src/aws/inventory-model.js';
import type { KeyRules } from '../../src/manifest/model.js';
import { consoleLink, handoffIssue, handoffMarker, HANDOFF_LABEL, OVERDUE_LABEL, type HandoffInput } from '../../src/handoff/issue.js';
import { maskKeyId, SWITCH_EVIDENCE_MARGIN_S, type KeyRecord } from '../../src/plan/keys.js';

const DAY = 86_400_000;
const T0 = Date.parse('2027-01-01T06:00:00Z');
const iso = (d: number): string => new Date(T0 + d * DAY).toISOString();
const RULES: KeyRules = { rotateAfter: 90 * 86400, overlap: 7 * 86400, deleteAfter: 7 * 86400, requireUnusedFor: 86400, force: false };
const OLD = 'AKIAOLDKEY0000000001';
const NEW = 'AKIANEWKEY0000000002';
const record: KeyRecord = { current: { id: NEW, at: iso(91) }, previous: { id: OLD, at: iso(91) } };

function input(day: number, newLastUsed: string | null | undefined, old: Partial<AccessKeyState> = { lastUsed: iso(90) }, over: Partial<HandoffInput> = {}): HandoffInput {
  const keys: AccessKeyState[] = [
    { id: OLD, status: 'Active', created: iso(0), ...old },
    { id: NEW, status: 'Active', created: iso(91), ...(newLastUsed !== undefined ? { lastUsed: newLastUsed } : {}) },
  ];
  return {
    vendor: 'senhasegura',
    connection: 'senhasegura',
    account: 'prod',
    user: 'senhasegura-cloud-iam',
    keys,
    record,
    rules: RULES,
    now: new Date(T0 + day * DAY),
    locations: [
      { kind: 'secretsManager', secretId: 'integrations/senhasegura/prod', region: 'eu-west-1', accountId: '111122223333' },
      { kind: 'githubSecret', name: 'SENHASEGURA_AWS_KEY_PROD', scope: 'repository acme/vault-sync' },
    ],
    steps: ['In senhasegura, open Settings > Accounts.', 'Edit the AWS account; paste the Access Key and the Secret Access Key.', 'Save.'],
    labels: ['vendor-keys'],
    ...over,
  };
}

const noFullKeyId = (text: string): void => {
  for (const id of [OLD, NEW]) expect(text.includes(id)).toBe(false);
};

test('day 91: opened with title, deadline, where the key is, the vendor\'s steps; no full key ID', () => {
  const issue = handoffIssue(input(91, iso(91) /* the verification, at delivery */, { lastUsed: iso(90) }))!;
  expect(issue.title).toBe('Paste the new AWS key into senhasegura (prod) by 2027-04-09');
  expect(issue.state).toBe('open');
  expect(issue.overdue).toBe(false);
  expect(issue.labels).toEqual([HANDOFF_LABEL, 'vendor-keys']);
  expect(issue.body.startsWith(issue.marker)).toBe(true);
  expect(issue.body).toContain('`integrations/senhasegura/prod`');
  expect(issue.body).toContain(consoleLink({ kind: 'secretsManager', secretId: 'integrations/senhasegura/prod', region: 'eu-west-1', accountId: '111122223333' }));
  expect(issue.body).toContain('https://eu-west-1.console.aws.amazon.com/secretsmanager/secret?name=integrations%2Fsenhasegura%2Fprod&region=eu-west-1');
  expect(issue.body).toContain('GitHub Actions secret `SENHASEGURA_AWS_KEY_PROD`');
  expect(issue.body).toContain('2. Edit the AWS account; paste the Access Key and the Secret Access Key.');
  expect(issue.body).toContain(`${iso(98)} (the end of the 7d overlap)`);
  expect(issue.body).toContain(`has not been used since its delivery at ${iso(91)}`);
  noFullKeyId(issue.body + issue.title);
});

test('found again by a marker naming the rotation (account, user, masked new key, delivery), not by title', () => {
  const a = handoffIssue(input(91, null))!;
  const b = handoffIssue(input(93, iso(92.5)))!;
  expect(a.marker).toBe(b.marker);
  expect(a.marker).toBe(`<!-- ${HANDOFF_LABEL} account=prod user=senhasegura-cloud-iam key=${maskKeyId(NEW)} delivered=${iso(91)} -->`);
  // The next rotation is another issue.
  const next = handoffMarker('prod', 'senhasegura-cloud-iam', { current: { id: 'AKIANEXTKEY000000003', at: iso(182) }, previous: { id: NEW, at: iso(182) } });
  expect(next).not.toBe(a.marker);
});

test('day 93: updated with the new key\'s use since delivery and when the old key goes', () => {
  const issue = handoffIssue(input(93, iso(92.5)))!;
  expect(issue.state).toBe('open');
  expect(issue.body).toContain(`has been used since its delivery: last used ${iso(92.5)} (delivered ${iso(91)})`);
  expect(issue.body).toContain(`last used ${iso(90)}`);
  expect(issue.body).toContain(`deactivated on the first run after ${iso(98)} once unused for 1d`);
  expect(issue.body).toContain(`(updated ${iso(93)})`);
});

test('day 98: closed once the old key is retired (inactive or deleted)', () => {
  expect(handoffIssue(input(98, iso(97), { status: 'Inactive' }))).toMatchObject({ state: 'closed', overdue: false });
  const gone = input(105, iso(104));
  const closed = handoffIssue({ ...gone, keys: gone.keys.filter((k) => k.id !== OLD) })!;
  expect(closed.state).toBe('closed');
  expect(closed.body).toContain('this hand-off is done');
});

test('never used: overdue past the deadline, labelled, and the body says the old key is kept', () => {
  for (const before of [91, 95, 97.99]) expect(handoffIssue(input(before, null))).toMatchObject({ overdue: false, state: 'open' });
  const issue = handoffIssue(input(98, null))!;
  expect(issue).toMatchObject({ overdue: true, state: 'open' });
  expect(issue.labels).toContain(OVERDUE_LABEL);
  expect(issue.body).toMatch(/\*\*Overdue: the deadline .* has passed and the new key has not been used since its delivery\.\*\* The old key is kept active/);
  // Only the tool's own verification (before delivery, within the margin): still overdue.
  expect(handoffIssue(input(98, new Date(T0 + 91 * DAY + (SWITCH_EVIDENCE_MARGIN_S - 60) * 1000).toISOString()))?.overdue).toBe(true);
  // Used after delivery: not overdue, whatever the day.
  expect(handoffIssue(input(120, iso(93)))?.overdue).toBe(false);
  // force: true deactivates on schedule anyway, so nothing is overdue.
  expect(handoffIssue(input(98, null, { lastUsed: iso(90) }, { rules: { ...RULES, force: true } }))?.overdue).toBe(false);
});

test('no rotation in flight (a first key, or the record forgot the replaced key): no issue', () => {
  expect(handoffIssue({ ...input(10, null), record: { current: { id: NEW, at: iso(0) } } })).toBeUndefined();
  expect(handoffIssue({ ...input(10, null), record: {} })).toBeUndefined();
});

test('hostile names stay text: a vendor step with markdown or HTML does not close the marker comment early', () => {
  const issue = handoffIssue(input(91, null, { lastUsed: iso(90) }, { steps: ['--> <script>x</script>'] }))!;
  expect(issue.body.split('\n')[0]).toBe(issue.marker);
  expect(issue.marker).not.toContain('script');
});
