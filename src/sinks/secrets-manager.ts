/**
 * Delivery to AWS Secrets Manager: a new version of a JSON secret, or the secret itself the
 * first time. The version's ClientRequestToken is derived from the access key ID, so a retry
 * (or a rerun after a crash) of the same delivery writes no second version.
 * The secret may live in another account or region: the caller passes a client for it.
 */
import { CreateSecretCommand, PutSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { classifyAwsError, errorCode, errorSummary, withRetry, type RetryOptions } from '../aws/retry.js';
import { expandAccount } from '../report/vendor-handoff.js';
import { maskKeyId } from '../plan/keys.js';
import type { Sink } from '../manifest/model.js';
import { payloadJson, scrub, type KeyPayload } from './payload.js';

export type SecretsManagerSink = Extract<Sink, { kind: 'secretsManager' }>;

export interface SinkDelivery {
  /** Human description of the target, no secret: `Secrets Manager secret integrations/x (us-east-1)`. */
  target: string;
  /** What was done: `created`, `new version`, `already delivered`... */
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

export interface SecretsManagerDeliveryOptions {
  /** Manifest name of the account the key belongs to (for `{account}` templates). */
  accountName: string;
  region: string;
  retry?: RetryOptions;
}

export async function deliverToSecretsManager(
  client: SecretsManagerClient,
  sink: SecretsManagerSink,
  value: KeyPayload,
  opts: SecretsManagerDeliveryOptions,
): Promise<SinkDelivery> {
  const secretId = expandAccount(sink.secretId, opts.accountName);
  const where = `${sink.account ? ` in account ${sink.account}` : ''} (${sink.region ?? opts.region})`;
  const target = `Secrets Manager secret ${secretId}${where}`;
  const token = versionToken(value.accessKeyId);
  const secretString = payloadJson(value);
  const retry = { ...opts.retry, classify: classifyAwsError };
  const fail = (action: string, err: unknown): SinkError => {
    const denied = classifyAwsError(err) === 'denied';
    const hint = denied
      ? ` Grant ${action} on the secret${sink.kmsKeyId ? ' and kms:GenerateDataKey/kms:Encrypt on its KMS key' : ''} to the role rotate uses${sink.account ? ` in account ${sink.account}` : ''}, then rerun rotate.`
      : ' Rerun rotate once fixed: delivery is idempotent per key.';
    return new SinkError(scrub(`delivering key ${maskKeyId(value.accessKeyId)} to ${target} failed at ${action}: ${errorSummary(err)}.${hint}`, [value.secretAccessKey]), { cause: undefined });
  };
  try {
    await withRetry(() => client.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: secretString, ClientRequestToken: token })), {
      ...retry,
      label: `secretsmanager:PutSecretValue ${secretId}`,
    });
    return { target, outcome: 'new version' };
  } catch (err) {
    const code = errorCode(err);
    if (code !== 'ResourceNotFoundException') throw fail('secretsmanager:PutSecretValue', err);
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
            Tags: [{ Key: 'iam-connections:user', Value: value.user }],
          }),
        ),
      { ...retry, label: `secretsmanager:CreateSecret ${secretId}` },
    );
    return { target, outcome: 'created' };
  } catch (err) {
    throw fail('secretsmanager:CreateSecret', err);
  }
}
