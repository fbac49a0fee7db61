/**
 * IAM returns policy documents URL-encoded (RFC 3986), moto returns some already decoded, and
 * `aws iam get-account-authorization-details` prints them as JSON objects. All three become a
 * parsed document here.
 *
 * `decodeURIComponent`, never form decoding: a `+` in a document is a literal plus (it is valid
 * in IAM names, e.g. `arn:aws:iam::123456789012:user/a+b`), and IAM encodes real pluses as %2B.
 */
export class PolicyDecodeError extends Error {
  constructor(where: string, reason: string) {
    super(`Cannot read the policy document of ${where}: ${reason}. The document is neither JSON nor URL-encoded JSON.`);
    this.name = 'PolicyDecodeError';
  }
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Decodes one document. Objects pass through; strings that already parse as JSON are used as
 * they are (decoding them could corrupt a literal `%` in a resource); otherwise URL-decoded then parsed.
 * `where` names the document in errors (e.g. `user senhasegura, inline policy p1`).
 */
export function decodePolicyDocument(doc: unknown, where: string): unknown {
  if (doc === undefined || doc === null) return undefined;
  if (typeof doc !== 'string') return doc;
  const trimmed = doc.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const direct = tryParse(trimmed);
    if (direct.ok) return direct.value;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(trimmed);
  } catch {
    throw new PolicyDecodeError(where, 'it contains a malformed %-escape');
  }
  const parsed = tryParse(decoded);
  if (!parsed.ok) throw new PolicyDecodeError(where, 'the decoded text is not valid JSON');
  return parsed.value;
}
