import { decodePolicyDocument, PolicyDecodeError } from '../../src/aws/policy-decode.js';

const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::a+b/*' }] };

describe('decodePolicyDocument', () => {
  test('decodes IAM URL-encoding: %2B becomes +', () => {
    const encoded = encodeURIComponent(JSON.stringify(doc));
    expect(encoded).toContain('%2B');
    expect(decodePolicyDocument(encoded, 'p')).toEqual(doc);
  });

  test('a literal + in an encoded document stays a plus (no form decoding)', () => {
    const encoded = '%7B%22Resource%22%3A%22arn%3Aaws%3Aiam%3A%3A123456789012%3Auser%2Fx+y%22%7D';
    expect(decodePolicyDocument(encoded, 'p')).toEqual({ Resource: 'arn:aws:iam::123456789012:user/x+y' });
  });

  test('accepts already-decoded JSON text without decoding it again', () => {
    const text = JSON.stringify({ Resource: 'arn:aws:s3:::bucket/100%25+done' });
    expect(decodePolicyDocument(text, 'p')).toEqual({ Resource: 'arn:aws:s3:::bucket/100%25+done' });
  });

  test('accepts objects (the AWS CLI prints documents decoded) and absent documents', () => {
    expect(decodePolicyDocument(doc, 'p')).toBe(doc);
    expect(decodePolicyDocument(undefined, 'p')).toBeUndefined();
  });

  test('names the document when it cannot be read', () => {
    expect(() => decodePolicyDocument('%E0%A4%A', 'user u, inline policy p')).toThrow(PolicyDecodeError);
    expect(() => decodePolicyDocument('not%20json', 'user u, inline policy p')).toThrow(
      /^Cannot read the policy document of user u, inline policy p: the decoded text is not valid JSON/,
    );
  });
});
