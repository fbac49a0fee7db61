/**
 * The billing bucket of seed 004 (Cloudyn): it must exist, and its policy must hold the
 * statements the preset needs, merged into whatever the bucket policy already says. A bucket
 * policy is one document shared with everyone else who uses the bucket, so we replace only the
 * statements whose Sid is ours and keep every other statement as it is. A bucket with its own
 * region (billingBucket.region) is read, created and written with a client of that region.
 */
import { CreateBucketCommand, GetBucketPolicyCommand, PutBucketPolicyCommand, type BucketLocationConstraint } from '@aws-sdk/client-s3';
import { decodePolicyDocument } from '../aws/policy-decode.js';
import { isWrongBucketRegion, wrongRegionAdvice } from '../aws/error-advice.js';
import { errorCode, errorSummary } from '../aws/retry.js';
import { mergeBucketPolicy } from '../plan/bucket-policy.js';
import { awsCall, StepError, type StepContext } from './call.js';

/** The step's context with `s3` bound to the bucket's region, when the manifest names one. */
export function inRegion(ctx: StepContext, region: string | undefined): StepContext {
  return region !== undefined && ctx.s3For !== undefined ? { ...ctx, s3: ctx.s3For(region) } : ctx;
}

/** A 301 (the bucket lives in another region) becomes the region to set in the manifest. */
async function regionChecked<T>(ctx: StepContext, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!isWrongBucketRegion(err)) throw err;
    throw new StepError(`bucket ${name}: ${errorSummary(err)}; ${wrongRegionAdvice(name, err, await ctx.s3.config.region())}, then rerun plan and apply`, { code: errorCode(err), cause: err });
  }
}

async function readPolicy(ctx: StepContext, name: string): Promise<unknown> {
  try {
    const out = await regionChecked(ctx, name, () => awsCall(ctx, 's3:GetBucketPolicy', `arn:aws:s3:::${name}`, () => ctx.s3.send(new GetBucketPolicyCommand({ Bucket: name }))));
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
  await regionChecked(ctx, name, () =>
    awsCall(ctx, 's3:PutBucketPolicy', `arn:aws:s3:::${name}`, () => ctx.s3.send(new PutBucketPolicyCommand({ Bucket: name, Policy: JSON.stringify(merged) }))),
  );
  return 'changed';
}

export async function createBucket(ctx: StepContext, name: string, region: string | undefined): Promise<'created' | 'existed'> {
  const where = region ?? (await ctx.s3.config.region());
  try {
    await regionChecked(ctx, name, () =>
      awsCall(ctx, 's3:CreateBucket', `arn:aws:s3:::${name}`, () =>
        ctx.s3.send(
          new CreateBucketCommand({
            Bucket: name,
            // us-east-1 is the one region that must not be named.
            ...(where === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: where as BucketLocationConstraint } }),
          }),
        ),
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
