/**
 * Checks of the AWS managed policies a principal attaches, read from the offline table: the name
 * must be one AWS publishes (a typo validates nowhere else, and apply would detach the working policy
 * before failing on the misspelt one), deprecated ones are named with their replacement, and what a
 * broad policy lets a third party read is said in plain words.
 */
import type { ConnectionSpec, Manifest, PrincipalSpec } from '../manifest/model.js';
import { finding, type Draft } from './finding.js';
import { missingActions } from './grants.js';
import { awsManagedName, deprecatedManagedPolicy, isAwsManagedRef, managedPolicyInfo, MANAGED_POLICY_SOURCE, suggestManagedPolicy } from './managed-policies.js';
import { managedPolicyPlace, writtenScalar } from './manifest-places.js';

/** Data a third party can read with these actions: what a reviewer must know before granting them. */
const DATA_READS: readonly { what: string; actions: readonly string[] }[] = [
  { what: 'the contents of every S3 object', actions: ['s3:GetObject'] },
  { what: 'every DynamoDB item', actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan'] },
  { what: 'secret values in Secrets Manager', actions: ['secretsmanager:GetSecretValue'] },
  { what: 'SSM parameter values', actions: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'] },
  { what: 'data encrypted with KMS keys that allow it', actions: ['kms:Decrypt'] },
  { what: 'CloudWatch log contents', actions: ['logs:GetLogEvents', 'logs:FilterLogEvents'] },
  { what: 'queue messages', actions: ['sqs:ReceiveMessage'] },
  { what: 'Kinesis stream records', actions: ['kinesis:GetRecords'] },
  { what: 'Lambda function code and environment variables', actions: ['lambda:GetFunction'] },
  { what: 'Athena query results', actions: ['athena:GetQueryResults'] },
  { what: 'CodeCommit source code', actions: ['codecommit:GetFile', 'codecommit:GetBlob', 'codecommit:GitPull'] },
  { what: 'container images in ECR', actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] },
];

/** What the document lets its holder read, as phrases, with the actions that grant each. */
export function dataReads(document: unknown): { what: string; actions: string[] }[] {
  return DATA_READS.flatMap((d) => {
    const granted = d.actions.filter((a) => missingActions([a], [document]).length === 0);
    return granted.length > 0 ? [{ what: d.what, actions: granted }] : [];
  });
}

export function checkManagedPolicies(manifest: Manifest, connection: ConnectionSpec, principal: PrincipalSpec, kind: 'user' | 'role'): Draft[] {
  const out: Draft[] = [];
  principal.managedPolicies.forEach((ref, i) => {
    if (!isAwsManagedRef(ref)) return;
    const at = managedPolicyPlace(manifest, connection, kind, i);
    const name = awsManagedName(ref) ?? ref;
    const deprecated = deprecatedManagedPolicy(name);
    const info = managedPolicyInfo(ref);
    if (deprecated) {
      const how =
        deprecated.status === 'deprecated'
          ? 'AWS deprecated it: it keeps working where it is already attached, but cannot be attached to a new principal, so apply fails for a new one'
          : 'AWS has put it on a deprecation path';
      out.push(
        finding('policy/deprecated-managed-policy', at, `${kind} ${principal.name} attaches the AWS managed policy ${name}: ${how}`, {
          connection: connection.name,
          fix: `Attach ${deprecated.replacement} instead.`,
        }),
      );
      return;
    }
    if (!info) {
      const written = writtenScalar(manifest, at);
      const asWritten = written !== undefined && (written === ref || awsManagedName(written) === name) ? written : ref;
      const guess = suggestManagedPolicy(asWritten);
      out.push(
        finding('policy/unknown-managed-policy', at, `${kind} ${principal.name} attaches "${asWritten}", which is not an AWS managed policy (checked against ${MANAGED_POLICY_SOURCE}); apply would fail on it`, {
          connection: connection.name,
          fix: guess
            ? `Did you mean ${guess}? A customer-managed policy needs its full ARN (arn:aws:iam::<account>:policy/<name>) or a policies: entry.`
            : 'Check the name in the AWS Managed Policy Reference Guide (names are case-sensitive). A customer-managed policy needs its full ARN (arn:aws:iam::<account>:policy/<name>) or a policies: entry.',
        }),
      );
      return;
    }
    // Administrator access is its own, louder finding (policy/admin-equivalent): reading data adds nothing.
    const reads = missingActions(['*:*'], [info.document]).length === 0 ? [] : dataReads(info.document);
    if (reads.length > 0) {
      out.push(
        finding(
          'policy/managed-data-read',
          at,
          `the AWS managed policy ${info.name} lets ${kind} ${principal.name} read ${reads.map((r) => `${r.what} (${r.actions.join(', ')})`).join('; ')}: whoever holds its credentials can read that data, not only its configuration`,
          {
            connection: connection.name,
            fix: `If the vendor needs configuration only, attach ViewOnlyAccess or SecurityAudit, or a policies: entry with the actions it needs. Keep ${info.name} only if the vendor's service needs that data.`,
          },
        ),
      );
    }
  });
  return out;
}
