/**
 * Proof that a new key works before anything depends on it: sts:GetCallerIdentity signed with
 * the new key, retried while IAM propagates it (new keys can take 5 to 15 s, rarely more; the
 * budget is about two minutes), and the identity must be the user the key was made for.
 */
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { stsClient } from '../aws/clients.js';
import { classifyAwsError, errorCode, errorSummary, RetriesExhaustedError, withRetry, type RetryClock } from '../aws/retry.js';
import { maskKeyId } from '../plan/keys.js';
import { scrub } from './payload.js';
import { SinkError } from './secrets-manager.js';

/** What an unpropagated key gets back: retried until the budget runs out. */
const PROPAGATION_CODES = new Set(['InvalidClientTokenId', 'SignatureDoesNotMatch', 'AccessDenied', 'AccessDeniedException', 'UnrecognizedClientException', 'AuthFailure']);

export interface VerifyOptions {
  /** The user's ARN: the identity must be this. */
  expectedArn: string;
  /** Default about 120 s. */
  maxElapsedMs?: number;
  clock?: RetryClock;
  random?: () => number;
  /** Builds the client signing with the new key; default: stsClient with static credentials. */
  makeClient?: (credentials: { accessKeyId: string; secretAccessKey: string }, region: string) => STSClient;
}

export interface Verified {
  arn: string;
  attempts: number;
}

export async function verifyKey(keyId: string, secret: string, region: string, opts: VerifyOptions): Promise<Verified> {
  const credentials = { accessKeyId: keyId, secretAccessKey: secret };
  const sts = opts.makeClient ? opts.makeClient(credentials, region) : stsClient({ region, credentials });
  let attempts = 0;
  try {
    const out = await withRetry(
      async (attempt) => {
        attempts = attempt;
        return sts.send(new GetCallerIdentityCommand({}));
      },
      {
        maxElapsedMs: opts.maxElapsedMs ?? 120_000,
        maxAttempts: 40,
        baseDelayMs: 1_000,
        maxDelayMs: 10_000,
        ...(opts.clock ? { clock: opts.clock } : {}),
        ...(opts.random ? { random: opts.random } : {}),
        label: `sts:GetCallerIdentity with the new key ${maskKeyId(keyId)}`,
        classify: (err) => (PROPAGATION_CODES.has(errorCode(err) ?? '') ? 'transient' : classifyAwsError(err)),
      },
    );
    const arn = out.Arn ?? '';
    if (arn !== opts.expectedArn) {
      throw new SinkError(`the new key ${maskKeyId(keyId)} signs in as ${arn || 'an unknown identity'}, not as ${opts.expectedArn}: the rotation is not recorded; check AWS_ENDPOINT_URL_STS and the account, then rerun rotate`);
    }
    return { arn, attempts };
  } catch (err) {
    if (err instanceof SinkError) throw err;
    const base = err instanceof RetriesExhaustedError ? errorSummary(err.cause) : errorSummary(err);
    throw new SinkError(
      scrub(
        `the new key ${maskKeyId(keyId)} did not work with sts:GetCallerIdentity after ${attempts} attempt(s): ${base}. ` +
          'The rotation is not recorded and the old key is untouched; the next run deletes the unrecorded key and tries again. ' +
          'If this persists, check that no SCP or permissions boundary denies sts:GetCallerIdentity to the user.',
        [secret],
      ),
    );
  }
}
