/**
 * Delivery to AWS Secrets Manager, staged as AWS's own rotation stages it: the new key goes in
 * as a version labelled AWSPENDING (readers still get AWSCURRENT, the old key), and moves to
 * AWSCURRENT only once every sink holds it (`promoteInSecretsManager`). The version's
 * ClientRequestToken (its version ID) is derived from the access key ID, so a retry or a rerun
 * after a crash writes no second version, and a later run can find and read back the pending
 * key (`readStagedKey`) to finish an interrupted rotation.
 *
 * Ownership: a secret this module creates is tagged with the connection, user and account it
 * holds the key of. An existing secret without those tags is someone else's and is refused
 * (checked with DescribeSecret before anything is written) unless the sink says `adopt: true`,
 * in which case it is tagged as ours first.
 *
 * The secret may live in another account or region: the caller passes a client for it.
 */
import { TOOL_TAGS } from '../manifest/tool-tags.js';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  TagResourceCommand,
  UpdateSecretVersionStageCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { classifyAwsError, errorCode, errorSummary, withRetry, type RetryOptions } from '../aws/retry.js';
import { expandAccount } from '../report/vendor-handoff.js';
import { maskKeyId } from '../plan/keys.js';
import type { Sink } from '../manifest/model.js';
import { payloadJson, scrub, type KeyPayload } from './payload.js';

export type SecretsManagerSink = Extract<Sink, { kind: 'secretsManager' }>;

export interface SinkDelivery {
  /** Human description of the target, no secret: `Secrets Manager secret integrations/x (us-east-1)`. */
  target: string;
  /** What was done: `created`, `staged as AWSPENDING`, `already staged`... */
  outcome: string;
}

export class SinkError extends Error {
  constructor(message: string, opts: { cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'SinkError';
  }
}

/** 32 to 64 characters, as Secrets Manager requires; one per access key. */
export function versionToken(accessKeyId: string): string {
  return `iam-connections-${accessKeyId}`.padEnd(32, '0');
}

export const OWNER_TAGS = { connection: TOOL_TAGS.owner, user: TOOL_TAGS.secretUser, account: TOOL_TAGS.secretAccount } as const;

/** Whose key a secret holds: written as tags at creation, checked before every write. */
export interface SecretOwner {
  connection: string;
  user: string;
  /** AWS account ID of the user. */
  account: string;
}

export interface SecretsManagerDeliveryOptions {
  /** Manifest name of the account the key belongs to (for `{account}` templates). */
  accountName: string;
  region: string;
  owner: SecretOwner;
  retry?: RetryOptions;
}

/** What DescribeSecret says about a secret; undefined: it does not exist. */
export interface SecretState {
  tags: Record<string, string>;
  /** Version ID to its staging labels. */
  versions: Record<string, string[]>;
}

export function secretTarget(sink: SecretsManagerSink, opts: Pick<SecretsManagerDeliveryOptions, 'accountName' | 'region'>): { secretId: string; target: string } {
  const secretId = expandAccount(sink.secretId, opts.accountName);
  const where = `${sink.account ? ` in account ${sink.account}` : ''} (${sink.region ?? opts.region})`;
  return { secretId, target: `Secrets Manager secret ${secretId}${where}` };
}

function failure(sink: SecretsManagerSink, target: string, keyId: string, secrets: readonly string[], action: string, err: unknown): SinkError {
  const denied = classifyAwsError(err) === 'denied';
  const hint = denied
    ? ` Grant ${action} on the secret${sink.kmsKeyId ? ' and kms:GenerateDataKey/kms:Encrypt/kms:Decrypt on its KMS key' : ''} to the role rotate uses${sink.account ? ` in account ${sink.account}` : ''}, then rerun rotate.`
    : ' Rerun rotate once fixed: delivery is idempotent per key.';
  return new SinkError(scrub(`Secrets Manager step for key ${maskKeyId(keyId)} on ${target} failed at ${action}: ${errorSummary(err)}.${hint}`, secrets));
}

export async function describeSecret(client: SecretsManagerClient, secretId: string, retry?: RetryOptions): Promise<SecretState | undefined> {
  try {
    const out = await withRetry(() => client.send(new DescribeSecretCommand({ SecretId: secretId })), { ...retry, classify: classifyAwsError, label: `secretsmanager:DescribeSecret ${secretId}` });
    if (out.DeletedDate !== undefined) return { tags: {}, versions: {} };
    const tags = Object.fromEntries((out.Tags ?? []).flatMap((t) => (t.Key !== undefined && t.Value !== undefined ? [[t.Key, t.Value]] : [])));
    return { tags, versions: out.VersionIdsToStages ?? {} };
  } catch (err) {
    if (errorCode(err) === 'ResourceNotFoundException') return undefined;
    throw err;
  }
}

/**
 * Why the tool may not write this secret, or undefined when it may: it carries our owner tags
 * for this user (names compared case-insensitively, as IAM compares user names), or the sink
 * adopts it.
 */
export function ownershipProblem(sink: SecretsManagerSink, secretId: string, state: SecretState | undefined, owner: SecretOwner): string | undefined {
  if (state === undefined || sink.adopt === true) return undefined;
  const user = state.tags[OWNER_TAGS.user];
  const connection = state.tags[OWNER_TAGS.connection];
  const account = state.tags[OWNER_TAGS.account];
  const ours =
    user !== undefined &&
    user.toLowerCase() === owner.user.toLowerCase() &&
    (connection === undefined || connection === owner.connection) &&
    (account === undefined || account === owner.account);
  if (ours) return undefined;
  const holder = user !== undefined ? `the key of user ${user}${connection ? ` (connection ${connection})` : ''}${account ? ` in account ${account}` : ''}` : 'a value iam-connections did not put there';
  return (
    `Secrets Manager secret ${secretId} already exists and holds ${holder}, not the key of user ${owner.user} (connection ${owner.connection}): nothing was written to it. ` +
    `Name another secretId, or, if this secret is meant to hold this user's key, set adopt: true on the sink (${sink.at.file}:${sink.at.line}:${sink.at.column}).`
  );
}

/**
 * Stages the key as AWSPENDING (or creates the secret with it: a new secret has no reader yet,
 * so its first version is AWSCURRENT at once). `state` is what DescribeSecret said just before
 * (ownership already checked).
 */
export async function deliverToSecretsManager(
  client: SecretsManagerClient,
  sink: SecretsManagerSink,
  value: KeyPayload,
  state: SecretState | undefined,
  opts: SecretsManagerDeliveryOptions,
): Promise<SinkDelivery> {
  const { secretId, target } = secretTarget(sink, opts);
  const token = versionToken(value.accessKeyId);
  const secretString = payloadJson(value);
  const retry = { ...opts.retry, classify: classifyAwsError };
  const fail = (action: string, err: unknown): SinkError => failure(sink, target, value.accessKeyId, [value.secretAccessKey], action, err);
  const ownerTags = [
    { Key: OWNER_TAGS.connection, Value: opts.owner.connection },
    { Key: OWNER_TAGS.user, Value: opts.owner.user },
    { Key: OWNER_TAGS.account, Value: opts.owner.account },
  ];
  if (state !== undefined) {
    if (state.versions[token] !== undefined) return { target, outcome: 'already staged' };
    if (sink.adopt === true && state.tags[OWNER_TAGS.user] === undefined) {
      try {
        await withRetry(() => client.send(new TagResourceCommand({ SecretId: secretId, Tags: ownerTags })), { ...retry, label: `secretsmanager:TagResource ${secretId}` });
      } catch (err) {
        throw fail('secretsmanager:TagResource', err);
      }
    }
    try {
      await withRetry(
        () => client.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: secretString, ClientRequestToken: token, VersionStages: ['AWSPENDING'] })),
        { ...retry, label: `secretsmanager:PutSecretValue ${secretId}` },
      );
      return { target, outcome: 'staged as AWSPENDING' };
    } catch (err) {
      throw fail('secretsmanager:PutSecretValue', err);
    }
  }
  try {
    await withRetry(
      () =>
        client.send(
          new CreateSecretCommand({
            Name: secretId,
            SecretString: secretString,
            ClientRequestToken: token,
            Description: `AWS access key of IAM user ${value.user} in ${value.account}, delivered by iam-connections rotate`,
            ...(sink.kmsKeyId ? { KmsKeyId: sink.kmsKeyId } : {}),
            Tags: ownerTags,
          }),
        ),
      { ...retry, label: `secretsmanager:CreateSecret ${secretId}` },
    );
    return { target, outcome: 'created' };
  } catch (err) {
    throw fail('secretsmanager:CreateSecret', err);
  }
}

/** Moves AWSCURRENT to the key's version (off whichever version holds it). Idempotent. */
export async function promoteInSecretsManager(
  client: SecretsManagerClient,
  sink: SecretsManagerSink,
  keyId: string,
  opts: Omit<SecretsManagerDeliveryOptions, 'owner'>,
): Promise<string> {
  const { secretId, target } = secretTarget(sink, opts);
  const token = versionToken(keyId);
  const retry = { ...opts.retry, classify: classifyAwsError };
  let state: SecretState | undefined;
  try {
    state = await describeSecret(client, secretId, opts.retry);
  } catch (err) {
    throw failure(sink, target, keyId, [], 'secretsmanager:DescribeSecret', err);
  }
  if (state?.versions[token] === undefined) {
    throw new SinkError(`${target} has no version of key ${maskKeyId(keyId)} to promote to AWSCURRENT (deleted or overwritten since it was staged): rerun rotate, which delivers it again`);
  }
  const holder = Object.entries(state.versions).find(([, stages]) => stages.includes('AWSCURRENT'))?.[0];
  if (holder === token) return `${target}: already AWSCURRENT`;
  try {
    await withRetry(
      () =>
        client.send(
          new UpdateSecretVersionStageCommand({ SecretId: secretId, VersionStage: 'AWSCURRENT', MoveToVersionId: token, ...(holder !== undefined ? { RemoveFromVersionId: holder } : {}) }),
        ),
      { ...retry, label: `secretsmanager:UpdateSecretVersionStage ${secretId}` },
    );
  } catch (err) {
    throw failure(sink, target, keyId, [], 'secretsmanager:UpdateSecretVersionStage', err);
  }
  return `${target}: AWSCURRENT moved to ${maskKeyId(keyId)}`;
}

/**
 * The secret access key of `keyId` as staged in this secret, read back to finish an interrupted
 * rotation; undefined when the version is not there or holds another key.
 */
export async function readStagedKey(client: SecretsManagerClient, secretId: string, keyId: string, retry?: RetryOptions): Promise<string | undefined> {
  const out = await withRetry(() => client.send(new GetSecretValueCommand({ SecretId: secretId, VersionId: versionToken(keyId) })), {
    ...retry,
    classify: classifyAwsError,
    label: `secretsmanager:GetSecretValue ${secretId}`,
  });
  try {
    const v = JSON.parse(out.SecretString ?? '{}') as { accessKeyId?: unknown; secretAccessKey?: unknown };
    return v.accessKeyId === keyId && typeof v.secretAccessKey === 'string' && v.secretAccessKey.length > 0 ? v.secretAccessKey : undefined;
  } catch {
    return undefined;
  }
}
