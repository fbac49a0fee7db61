/**
 * The hand-off task for a vendor that takes its key by hand (issue 17): what the one GitHub issue
 * of a rotation says, as a pure function of the rotation state (the user's keys with their last
 * use, the key record, the rules, now). The GitHub side (src/github/issues.ts) finds the issue
 * again by its marker, never by its title, and applies title, body, labels and state.
 *
 * One issue per access key per rotation: the marker names the account, the user, the new key
 * (masked) and its delivery time, so the next rotation opens a new issue. The issue is open while
 * the replaced key is active; it is closed once that key is retired (inactive or gone). Past the
 * deadline (the end of `overlap`) with no evidence of the switch it is labelled overdue and
 * counts as drift (`fail-on: drift` fails the step); the old key is kept all the same.
 *
 * Never a secret in it: the body says where the key is (a Secrets Manager secret and its console
 * link, a GitHub secret's name), and key IDs only masked (`AKIA…WXYZ`).
 */
import type { AccessKeyState } from '../aws/inventory-model.js';
import type { KeyRules } from '../manifest/model.js';
import { formatDuration, maskKeyId, switchEvidence, type KeyRecord } from '../plan/keys.js';

// Labels, not tags: written with a slash so they never read as one of the tool's IAM tag keys.
export const HANDOFF_LABEL = 'iam-connections/handoff';
export const OVERDUE_LABEL = 'iam-connections/overdue';

/** Where the new key can be read, as the body names it (never the key itself). */
export type KeyLocation =
  | { kind: 'secretsManager'; secretId: string; region: string; accountId: string }
  | { kind: 'githubSecret'; name: string; scope: string }
  | { kind: 'output'; name: string };

export interface HandoffInput {
  /** The vendor's name as a person knows it, e.g. `senhasegura`. */
  vendor: string;
  connection: string;
  account: string;
  user: string;
  keys: readonly AccessKeyState[];
  record: KeyRecord;
  rules: KeyRules;
  now: Date;
  locations: readonly KeyLocation[];
  /** The vendor's own steps from its runbook (the preset's), in order. */
  steps: readonly string[];
  /** Extra labels the manifest asks for. */
  labels?: readonly string[];
}

export interface HandoffIssue {
  /** Found again by this line in the body. */
  marker: string;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
  /** Past the deadline with the new key unused since delivery: drift. */
  overdue: boolean;
}

const day = (iso: string): string => iso.slice(0, 10);
const plus = (iso: string, seconds: number): string => new Date(Date.parse(iso) + seconds * 1000).toISOString();

export function consoleLink(loc: Extract<KeyLocation, { kind: 'secretsManager' }>): string {
  return `https://${loc.region}.console.aws.amazon.com/secretsmanager/secret?name=${encodeURIComponent(loc.secretId)}&region=${loc.region}`;
}

function where(loc: KeyLocation): string {
  switch (loc.kind) {
    case 'secretsManager':
      return `AWS Secrets Manager secret \`${loc.secretId}\` in account ${loc.accountId}, region ${loc.region} (${consoleLink(loc)}): fields \`accessKeyId\` and \`secretAccessKey\``;
    case 'githubSecret':
      return `GitHub Actions secret \`${loc.name}\` (${loc.scope})`;
    case 'output':
      return `the masked step output \`${loc.name}\` of the rotate run`;
  }
}

/** The marker of the rotation that delivered the current key (undefined: no rotation recorded). */
export function handoffMarker(account: string, user: string, record: KeyRecord): string | undefined {
  const c = record.current;
  return c ? `<!-- ${HANDOFF_LABEL} account=${account} user=${user} key=${maskKeyId(c.id)} delivered=${c.at} -->` : undefined;
}

/**
 * The issue for the rotation in flight, or undefined when there is none to speak of (no replaced
 * key in the record: a first key, or the record already forgot the replaced key).
 */
export function handoffIssue(input: HandoffInput): HandoffIssue | undefined {
  const { record, rules, now } = input;
  const marker = handoffMarker(input.account, input.user, record);
  if (!marker || !record.current || !record.previous || record.previous.id === record.current.id) return undefined;
  const current = input.keys.find((k) => k.id === record.current?.id);
  const previous = input.keys.find((k) => k.id === record.previous?.id);
  const deliveredAt = record.current.at;
  const deadline = plus(record.previous.at, rules.overlap);
  const evidence = switchEvidence(current, record.current);
  const retired = !previous || previous.status !== 'Active';
  const overdue = !retired && !rules.force && now.getTime() >= Date.parse(deadline) && evidence.state !== 'used';
  const newKey = maskKeyId(record.current.id);
  const oldKey = maskKeyId(record.previous.id);

  const status: string[] = [];
  if (evidence.state === 'used') status.push(`- The new key ${newKey} has been used since its delivery: last used ${evidence.lastUsed} (delivered ${deliveredAt}).`);
  else if (evidence.state === 'unknown') status.push(`- The new key ${newKey} was delivered ${deliveredAt}; its last use was not read in this run.`);
  else status.push(`- The new key ${newKey} has not been used since its delivery at ${deliveredAt}${evidence.lastUsed ? ` (last use ${evidence.lastUsed}: the tool's own check before delivery does not count)` : ''}.`);
  if (retired) status.push(`- The old key ${oldKey} is ${previous ? 'deactivated' : 'deleted'}: this hand-off is done.`);
  else if (previous?.lastUsed === undefined) status.push(`- The old key ${oldKey} is active; its last use was not read in this run.`);
  else status.push(`- The old key ${oldKey} is active, ${previous.lastUsed === null ? 'never used' : `last used ${previous.lastUsed}`}.`);
  if (!retired) {
    status.push(
      rules.force
        ? `- The old key is deactivated on ${deadline} (force: true, whether or not the new key is used).`
        : evidence.state === 'used'
          ? `- The old key is deactivated on the first run after ${deadline} once unused for ${formatDuration(rules.requireUnusedFor)}.`
          : `- The old key is deactivated only after the new key is used (and the old one unused for ${formatDuration(rules.requireUnusedFor)}), not before ${deadline}.`,
    );
  }
  if (overdue) {
    status.unshift(
      `**Overdue: the deadline ${deadline} has passed and the new key has not been used since its delivery.** The old key is kept active so the vendor does not go dark, and every run reports this as drift until the new key is in use.`,
    );
  }

  const body = [
    marker,
    `iam-connections rotated the AWS access key of IAM user \`${input.user}\` (connection \`${input.connection}\`, account ${input.account}). ${input.vendor} takes its key by hand: please paste the new key into ${input.vendor} by **${day(deadline)}**.`,
    '',
    '### Where the new key is',
    ...input.locations.map((l) => `- ${where(l)}`),
    '',
    `### Steps in ${input.vendor}`,
    ...(input.steps.length ? input.steps.map((s, i) => `${i + 1}. ${s}`) : ['1. Replace the AWS access key ID and secret access key the vendor holds with the new ones.']),
    '',
    '### Deadline',
    `${deadline} (the end of the ${formatDuration(rules.overlap)} overlap). Until then both keys work. After it the old key is deactivated once the new one is in use; if the new key is still unused then, this issue is labelled overdue, the scheduled run fails with \`fail-on: drift\`, and the old key stays active.`,
    '',
    `### Status (updated ${now.toISOString()})`,
    ...status,
  ].join('\n');

  return {
    marker,
    title: `Paste the new AWS key into ${input.vendor} (${input.account}) by ${day(deadline)}`,
    body,
    labels: [...new Set([HANDOFF_LABEL, ...(input.labels ?? []), ...(overdue ? [OVERDUE_LABEL] : [])])],
    state: retired ? 'closed' : 'open',
    overdue,
  };
}
