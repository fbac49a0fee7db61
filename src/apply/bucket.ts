/**
 * The billing bucket of seed 004 (Cloudyn): it must exist, and its policy must hold the
 * statements the preset needs, merged into whatever the bucket policy already says. A bucket
 * policy is one document shared with everyone else who uses the bucket, so we replace only the
 * statements whose Sid is ours and keep every other statement as it is.
 */
import { CreateBucketCommand, GetBucketPolicyCommand, PutBucketPolicyCommand, type BucketLocationConstraint } from '@aws-sdk/client-s3';
import { decodePolicyDocument } from '../aws/policy-decode.js';
import { errorCode } from '../aws/retry.js';
import { mergeBucketPolicy } from '../plan/bucket-policy.js';
import { awsCall, StepError, type StepContext } from './call.js';

async function readPolicy(ctx: StepContext, name: string): Promise<unknown> {
  try {
    const out = await awsCall(ctx, 's3:GetBucketPolicy', `arn:aws:s3:::${name}`, () => ctx.s3.send(new GetBucketPolicyCommand({ Bucket: name })));
    return out.Policy === undefined ? undefined : decodePolicyDocument(out.Policy, `bucket ${name}`);
  } catch (err) {
    if (errorCode(err) === 'NoSuchBucketPolicy') return undefined;
    throw err;
  }
}

/** Reads the live policy, merges ours in, writes it back (only when something changes). */
export async function putMergedBucketPolicy(ctx: StepContext, name: string, desired: unknown): Promise<'changed' | 'unchanged'> {
  const live = await readPolicy(ctx, name);
  const merged = mergeBucketPolicy(live, desired);
  if (live !== undefined && JSON.stringify(merged) === JSON.stringify(live)) return 'unchanged';
  await awsCall(ctx, 's3:PutBucketPolicy', `arn:aws:s3:::${name}`, () =>
    ctx.s3.send(new PutBucketPolicyCommand({ Bucket: name, Policy: JSON.stringify(merged) })),
  );
  return 'changed';
}

export async function createBucket(ctx: StepContext, name: string, region: string | undefined): Promise<'created' | 'existed'> {
  const where = region ?? (await ctx.s3.config.region());
  try {
    await awsCall(ctx, 's3:CreateBucket', `arn:aws:s3:::${name}`, () =>
      ctx.s3.send(
        new CreateBucketCommand({
          Bucket: name,
          // us-east-1 is the one region that must not be named.
          ...(where === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: where as BucketLocationConstraint } }),
        }),
      ),
    );
    return 'created';
  } catch (err) {
    const code = errorCode(err);
    if (code === 'BucketAlreadyOwnedByYou') return 'existed';
    if (code === 'BucketAlreadyExists') {
      throw new StepError(
        `bucket ${name} already exists in another AWS account (bucket names are global): choose another billingBucket name in the manifest`,
        { code, conflict: true, cause: err },
      );
    }
    throw err;
  }
}
