/**
 * What every sink receives: the new key and where it belongs. It holds the secret access key,
 * so it is never logged, returned or put in an error; sinks serialise it only for delivery.
 */
export interface KeyPayload {
  accessKeyId: string;
  secretAccessKey: string;
  user: string;
  /** AWS account ID the user lives in. */
  account: string;
  /** IAM's CreateDate of the key (ISO-8601): stable across retries, so delivery is idempotent. */
  createdAt: string;
}

/** The JSON every sink stores, in a fixed key order. */
export function payloadJson(p: KeyPayload): string {
  return JSON.stringify({ accessKeyId: p.accessKeyId, secretAccessKey: p.secretAccessKey, user: p.user, account: p.account, createdAt: p.createdAt });
}

/** Replaces every occurrence of the given secrets: for any text that leaves the library. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length > 0) out = out.split(s).join('***');
  return out;
}
