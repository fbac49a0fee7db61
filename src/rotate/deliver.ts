/**
 * The create-deliver-record stage of a rotation (the order and its invariants are in
 * ./lifecycle.ts): CreateAccessKey, mark pending, verify, stage in every Secrets Manager sink,
 * deliver to the other sinks, promote, record. Also the other half of the protocol: finding
 * out what the sinks hold of a pending key an earlier run left (`probePending`), and finishing
 * that rotation with the secret read back (`resumeKey`).
 *
 * Secrets: the secret access key exists only in local variables between CreateAccessKey (or
 * the read-back) and the last sink; `mask` runs on it before anything else, and every message
 * that leaves this module is scrubbed of it.
 */
import { CreateAccessKeyCommand, DeleteAccessKeyCommand, TagUserCommand, UntagUserCommand } from '@aws-sdk/client-iam';
import { classifyAwsError } from '../aws/retry.js';
import type { Sink } from '../manifest/model.js';
import { KEY_CURRENT_TAG, KEY_PENDING_TAG, KEY_PREVIOUS_TAG, keyRecordTags, maskKeyId } from '../plan/keys.js';
import { deliverToGitHubSecret } from '../sinks/github-secrets.js';
import { deliverToOutput } from '../sinks/output.js';
import type { KeyPayload } from '../sinks/payload.js';
import {
  describeSecret,
  deliverToSecretsManager,
  ownershipProblem,
  promoteInSecretsManager,
  readStagedKey,
  secretTarget,
  SinkError,
  versionToken,
  type SecretOwner,
  type SecretsManagerSink,
  type SecretState,
  type SinkDelivery,
} from '../sinks/secrets-manager.js';
import { verifyKey } from '../sinks/verify.js';
import type { PendingDelivery, RotationStep } from './lifecycle.js';
import { iamCall, Interrupted, type RotateAccountInput, type StepEnv } from './step-env.js';

/**
 * Secrets Manager sinks first, in manifest order, then the others: a sink that cannot stage
 * (GitHub, an output) only ever sees a key the first Secrets Manager sink already holds, so
 * "the first Secrets Manager sink has no version of it" proves no sink has it.
 */
export function deliveryOrder(sinks: readonly Sink[]): Sink[] {
  return [...sinks.filter((s) => s.kind === 'secretsManager'), ...sinks.filter((s) => s.kind !== 'secretsManager')];
}

function owner(input: RotateAccountInput, env: StepEnv): SecretOwner {
  return { connection: env.conn.name, user: env.user.name, account: input.account.id };
}

function smClient(input: RotateAccountInput, sink: SecretsManagerSink) {
  const region = sink.region ?? input.region;
  return { client: input.clients.secretsManager({ ...(sink.account !== undefined ? { account: sink.account } : {}), region }), region };
}

/** DescribeSecret of every Secrets Manager sink, refusing (before any key exists) a secret that is not ours. */
async function preflight(input: RotateAccountInput, env: StepEnv, sinks: readonly Sink[]): Promise<Map<Sink, SecretState | undefined>> {
  const states = new Map<Sink, SecretState | undefined>();
  for (const sink of sinks) {
    if (sink.kind !== 'secretsManager') continue;
    const { client, region } = smClient(input, sink);
    const { secretId, target } = secretTarget(sink, { accountName: input.account.name, region });
    let state: SecretState | undefined;
    try {
      state = await describeSecret(client, secretId, env.retry);
    } catch (err) {
      const denied = classifyAwsError(err) === 'denied';
      throw new SinkError(
        `reading ${target} (secretsmanager:DescribeSecret) failed: ${err instanceof Error ? err.message : String(err)}.` +
          (denied ? ' Grant secretsmanager:DescribeSecret on the secret to the role rotate uses: ownership is checked before any write.' : ' Rerun rotate.'),
      );
    }
    const problem = ownershipProblem(sink, secretId, state, owner(input, env));
    if (problem) throw new SinkError(problem);
    states.set(sink, state);
  }
  return states;
}

/**
 * What the sinks hold of the pending key `keyId` (see PendingDelivery), with its secret when
 * it can be read back. Transient failures throw (the user's rotation stops; the next run asks
 * again); a refusal counts as "cannot read back".
 */
export async function probePending(input: RotateAccountInput, env: StepEnv, keyId: string): Promise<{ delivery: PendingDelivery; secret?: string; why: string }> {
  const sms = deliveryOrder(env.conn.user?.accessKey?.deliver ?? []).filter((s): s is SecretsManagerSink => s.kind === 'secretsManager');
  if (sms.length === 0) return { delivery: 'unreachable', why: 'no Secrets Manager sink to read it back from' };
  const token = versionToken(keyId);
  const denied = (err: unknown): boolean => classifyAwsError(err) === 'denied';
  let holders = 0;
  for (const [i, sink] of sms.entries()) {
    const { client, region } = smClient(input, sink);
    const { secretId, target } = secretTarget(sink, { accountName: input.account.name, region });
    let state: SecretState | undefined;
    try {
      state = await describeSecret(client, secretId, env.retry);
    } catch (err) {
      if (!denied(err)) throw err;
      if (i === 0) return { delivery: 'unreachable', why: `secretsmanager:DescribeSecret on ${target} was refused` };
      continue;
    }
    if (state?.versions[token] === undefined) {
      if (i === 0) return { delivery: 'undelivered', why: `${target} has no version of it` };
      continue;
    }
    holders++;
    try {
      const secret = await readStagedKey(client, secretId, keyId, env.retry);
      if (secret !== undefined) return { delivery: 'resumable', secret, why: `read back from ${target}` };
    } catch (err) {
      if (!denied(err)) throw err;
    }
  }
  return {
    delivery: 'unreachable',
    why: `${holders} Secrets Manager sink(s) hold it but secretsmanager:GetSecretValue on them was refused or returned another key (grant it to the role rotate uses so the next interrupted rotation can be resumed)`,
  };
}

interface NewKey {
  id: string;
  secret: string;
  created: string;
}

/** A new key: created into a free slot, marked pending at once, then delivered. */
export async function rotateKey(input: RotateAccountInput, step: Extract<RotationStep, { kind: 'rotate' }>, env: StepEnv): Promise<string> {
  const { iam } = input.clients;
  const user = env.user.name;
  const sinks = deliveryOrder(env.conn.user?.accessKey?.deliver ?? []);
  if (sinks.length === 0) throw new Error(`connection ${env.conn.name} declares no sink for the key of ${user}: add accessKey.deliver (manifest/no-sink)`);
  const states = await preflight(input, env, sinks);
  await env.guard('create-key');
  const created = await iamCall(input, env, 'iam:CreateAccessKey', () => iam.send(new CreateAccessKeyCommand({ UserName: user })));
  const key = created.AccessKey;
  const secret = key?.SecretAccessKey;
  if (secret) {
    env.secrets.push(secret);
    input.mask(secret);
  }
  if (!key?.AccessKeyId || !secret) throw new Error(`iam:CreateAccessKey for ${user} returned no key: rerun rotate (a young unused key outside the record is deleted first)`);
  const keyId = key.AccessKeyId;
  const masked = maskKeyId(keyId);
  env.log(`created ${masked}`);
  if (input.afterCreate) {
    try {
      await input.afterCreate(user, keyId);
    } catch (err) {
      throw new Interrupted(`interrupted after creating ${masked} for ${user}: ${err instanceof Error ? err.message : String(err)}; the key is not marked pending, and the next run deletes it (young, never used)`);
    }
  }
  const createdAt = (key.CreateDate ?? input.now).toISOString();
  // Before any sink sees it: from here on no run deletes it blind.
  await iamCall(input, env, 'iam:TagUser', () => iam.send(new TagUserCommand({ UserName: user, Tags: [{ Key: KEY_PENDING_TAG, Value: `${keyId}@${createdAt}` }] })));
  return finish(input, env, { id: keyId, secret, created: createdAt }, step.replaces, sinks, states, false);
}

/** Finishes an interrupted rotation with the pending key and its read-back secret. */
export async function resumeKey(input: RotateAccountInput, step: Extract<RotationStep, { kind: 'resume' }>, key: NewKey, env: StepEnv): Promise<string> {
  env.secrets.push(key.secret);
  input.mask(key.secret);
  const sinks = deliveryOrder(env.conn.user?.accessKey?.deliver ?? []);
  const states = await preflight(input, env, sinks);
  env.log(`resuming the interrupted rotation of ${maskKeyId(key.id)}`);
  return finish(input, env, key, step.replaces, sinks, states, true);
}

async function finish(
  input: RotateAccountInput,
  env: StepEnv,
  key: NewKey,
  replaces: string | undefined,
  sinks: readonly Sink[],
  states: Map<Sink, SecretState | undefined>,
  resumed: boolean,
): Promise<string> {
  const { iam } = input.clients;
  const user = env.user.name;
  const masked = maskKeyId(key.id);
  const payload: KeyPayload = { accessKeyId: key.id, secretAccessKey: key.secret, user, account: input.account.id, createdAt: key.created };
  try {
    const verified = await verifyKey(key.id, key.secret, input.region, {
      expectedArn: env.user.arn,
      clock: env.clock,
      ...(input.verify?.maxElapsedMs !== undefined ? { maxElapsedMs: input.verify.maxElapsedMs } : {}),
      ...(input.clients.verifyClient ? { makeClient: input.clients.verifyClient } : {}),
    });
    env.log(`verified ${masked} with sts:GetCallerIdentity (${verified.attempts} attempt(s))`);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    if (resumed) throw new Error(`${why} (the pending key ${masked} was not delivered further; the current key is untouched)`);
    // No sink has seen it: remove it now rather than leave it for the next run.
    const cleaned = await iam
      .send(new DeleteAccessKeyCommand({ UserName: user, AccessKeyId: key.id }))
      .then(() => iam.send(new UntagUserCommand({ UserName: user, TagKeys: [KEY_PENDING_TAG] })))
      .then(
        () => true,
        () => false,
      );
    throw new Error(`${why} (the new key ${masked} reached no sink ${cleaned ? 'and was deleted' : 'and could not be deleted: the next run deletes it'}; the current key is untouched)`);
  }
  const staged: SecretsManagerSink[] = [];
  try {
    for (const sink of sinks) {
      const d = await deliver(input, env, sink, payload, states.get(sink));
      if (sink.kind === 'secretsManager') staged.push(sink);
      env.result.delivered.push(d.target);
      env.log(`delivered ${masked} to ${d.target} (${d.outcome})`);
    }
    for (const sink of staged) {
      const { client, region } = smClient(input, sink);
      env.log(await promoteInSecretsManager(client, sink, key.id, { accountName: input.account.name, region, retry: env.retry }));
    }
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const got = env.result.delivered.length ? `reached ${env.result.delivered.join(', ')}` : 'reached no sink';
    throw new Error(
      `${why} (the new key ${masked} ${got} and stays pending: every sink still serves the current key as its current value, ` +
        'and the next run resumes the delivery from the Secrets Manager version that holds it, or retires the key like a replaced one if it cannot)',
    );
  }
  await env.guard('record');
  const now = recordTime(input.now, input.clockNow?.());
  const previous = replaces !== undefined ? { id: replaces, at: now } : env.record.previous;
  const recordTags = keyRecordTags({ current: { id: key.id, at: now }, ...(previous ? { previous } : {}) });
  await iamCall(input, env, 'iam:TagUser', () => iam.send(new TagUserCommand({ UserName: user, Tags: Object.entries(recordTags).map(([Key, Value]) => ({ Key, Value })) })));
  await iamCall(input, env, 'iam:UntagUser', () => iam.send(new UntagUserCommand({ UserName: user, TagKeys: previous ? [KEY_PENDING_TAG] : [KEY_PENDING_TAG, KEY_PREVIOUS_TAG] })));
  env.log(`recorded ${masked} as ${KEY_CURRENT_TAG}${replaces ? `, ${maskKeyId(replaces)} as ${KEY_PREVIOUS_TAG}` : ''}`);
  return (
    `${resumed ? 'resumed the interrupted rotation' : 'rotated'}: ${resumed ? '' : `created ${masked}, `}verified, delivered to ${env.result.delivered.length} sink(s), promoted, recorded` +
    (replaces ? `; ${maskKeyId(replaces)} stays active for the overlap` : '')
  );
}

/**
 * The time a key is recorded as delivered. It is the base of two rules: the switch evidence (the
 * new key must be used more than SWITCH_EVIDENCE_MARGIN_S after it, so the tool's own verification,
 * made before this instant, never counts) and the schedule (overlap and deleteAfter count from it).
 * The run's start serves both while delivery ends within RECORD_AT_RUN_START_S of it: a daily run
 * at the same hour then finds each stage due instead of missing it by the seconds a delivery took
 * and slipping a day. A slower run records the instant read after its last sink.
 */
export function recordTime(runNow: Date, clockNow: Date | undefined): string {
  const after = clockNow?.getTime() ?? runNow.getTime();
  return new Date(after - runNow.getTime() <= RECORD_AT_RUN_START_S * 1000 ? runNow.getTime() : after).toISOString();
}

/** Below SWITCH_EVIDENCE_MARGIN_S (15 min), so a verification inside that window stays excluded. */
export const RECORD_AT_RUN_START_S = 10 * 60;

async function deliver(input: RotateAccountInput, env: StepEnv, sink: Sink, payload: KeyPayload, state: SecretState | undefined): Promise<SinkDelivery> {
  switch (sink.kind) {
    case 'secretsManager': {
      const { client, region } = smClient(input, sink);
      return deliverToSecretsManager(client, sink, payload, state, { accountName: input.account.name, region, owner: owner(input, env), retry: env.retry });
    }
    case 'githubSecret':
      if (!input.clients.github) {
        throw new SinkError(`GitHub secret ${sink.name}: no GitHub token was given: pass a fine-grained token with Secrets: write (or a GitHub App token) as github-token`);
      }
      return deliverToGitHubSecret(input.clients.github, sink, payload, input.account.name);
    case 'output':
      if (!input.setOutput) throw new SinkError(`output ${sink.name}: this run cannot set step outputs (run rotate in GitHub Actions, or use another sink)`);
      return deliverToOutput(sink, payload, input.account.name, input.setOutput);
  }
}
