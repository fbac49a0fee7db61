/**
 * What a door's principal can do, in four words a reviewer ranks by: admin, IAM write, data read,
 * read-only. A coarse reading of the allows (resources and conditions ignored, like ../plan/watch.ts):
 * it errs towards saying a principal can do more, never less. Permissions boundaries and SCPs are
 * not applied.
 */
import type { AccountInventory, AttachedPolicy, InlinePolicy } from '../aws/inventory-model.js';
import { ESCALATION_ACTIONS, allows, grantsOf } from '../plan/watch.js';
import { dataReads } from '../policy/managed-checks.js';
import { isAwsManagedRef, managedPolicyInfo } from '../policy/managed-policies.js';
import { globRegExp, hasWildcard, lookupAction, serviceActions } from '../policy/action-table.js';

export interface Capability {
  /** Allows every action (`*`, or `NotAction` with little excepted). */
  admin: boolean;
  /** Allows an IAM write that grants more (escalation actions, iam:Create*, iam:*). */
  iamWrite: boolean;
  /** What it can read beyond metadata (object contents, secrets...). */
  dataRead: string[];
  /** Allows some action above Read/List. */
  writes: boolean;
  /** Allows only Read and List actions (as IAM's action table ranks them); may still read data. */
  readOnly: boolean;
  /** Policies read: managed ARNs and `inline:NAME`. */
  policies: string[];
  /** Attached policies whose document is not known (neither local nor in the AWS managed table). */
  unknown: string[];
}

const READ_VERB = /^(get|list|describe|view|search|batchget|batchdescribe|lookup|query|select|scan|read)/;

/**
 * Whether an allowed pattern reaches an action above Read/List. The action table ranks a few reads
 * as writes (athena:GetSessionEndpoint, iot:ListSubscriptions): an action named with a read verb
 * counts as a read. Unknown actions count as writes.
 */
function writes(pattern: string): boolean {
  if (pattern === '*' || pattern === '*:*') return true;
  const colon = pattern.indexOf(':');
  if (colon < 0) return true;
  const service = pattern.slice(0, colon);
  if (hasWildcard(service)) return true;
  if (!hasWildcard(pattern)) {
    const info = lookupAction(pattern);
    return !READ_VERB.test(pattern.slice(colon + 1).toLowerCase()) && (info === undefined || (info.level !== 'Read' && info.level !== 'List'));
  }
  const actions = serviceActions(service);
  if (actions === undefined) return !READ_VERB.test(pattern.slice(colon + 1).toLowerCase());
  const re = globRegExp(pattern);
  for (const [name, info] of actions) {
    if (re.test(name) && info.level !== 'Read' && info.level !== 'List' && !READ_VERB.test(name.slice(name.indexOf(':') + 1))) return true;
  }
  return false;
}

const IAM_WRITES = [...ESCALATION_ACTIONS, 'iam:CreateUser', 'iam:CreateRole', 'iam:CreatePolicy', 'iam:DeleteRolePermissionsBoundary', 'iam:DeleteUserPermissionsBoundary'];

export function capability(inv: AccountInventory, attached: readonly AttachedPolicy[], inline: readonly InlinePolicy[]): Capability {
  const docs: unknown[] = [];
  // AWS's *ReadOnly* managed policies say what they are for; a stray write-ranked action in them
  // (s3express:CreateSession, which S3 Express reads need) does not make the holder a writer.
  const writeDocs: unknown[] = [];
  const unknown: string[] = [];
  for (const a of attached) {
    const local = inv.policies.find((p) => p.arn === a.arn);
    const managed = local === undefined && isAwsManagedRef(a.arn) ? managedPolicyInfo(a.arn) : undefined;
    if (local) docs.push(local.document);
    else if (managed) docs.push(managed.document);
    else unknown.push(a.arn);
    if (local) writeDocs.push(local.document);
    else if (managed && !/ReadOnly/.test(managed.name)) writeDocs.push(managed.document);
  }
  for (const i of inline) {
    docs.push(i.document);
    writeDocs.push(i.document);
  }
  const g = grantsOf(docs);
  const admin = g.allow.includes('*') || g.allow.includes('*:*') || allows(g, 'iam:CreateUser') && allows(g, 'ec2:RunInstances') && allows(g, 's3:DeleteBucket');
  const iamWrite = admin || IAM_WRITES.some((a) => allows(g, a));
  const dataRead = [...new Set(docs.flatMap((d) => dataReads(d).map((r) => r.what)))].sort();
  const any = g.allow.length > 0 || g.allowExcept.length > 0;
  const w = grantsOf(writeDocs);
  const writesAny = iamWrite || w.allowExcept.length > 0 || w.allow.some(writes);
  return {
    admin,
    iamWrite,
    dataRead,
    writes: writesAny,
    readOnly: any && !writesAny && unknown.length === 0,
    policies: [...attached.map((a) => a.arn), ...inline.map((i) => `inline:${i.name}`)].sort(),
    unknown: unknown.sort(),
  };
}

/** `admin`, `IAM write`, `data read (…)`, `read-only` or `nothing`: the words reports use. */
export function capabilityWords(c: Capability): string {
  const words: string[] = [];
  if (c.admin) words.push('admin');
  else if (c.iamWrite) words.push('IAM write');
  if (!c.admin && c.dataRead.length > 0) {
    const more = c.dataRead.length > 3 ? ` and ${c.dataRead.length - 3} more` : '';
    words.push(`data read (${c.dataRead.slice(0, 3).join(', ')}${more})`);
  }
  if (c.readOnly) words.push('read-only');
  else if (!c.admin && !c.iamWrite && c.writes) words.push('writes');
  if (words.length === 0) words.push(c.unknown.length > 0 ? 'unknown' : 'nothing');
  if (c.unknown.length > 0 && words[0] !== 'unknown') words.push(`plus ${c.unknown.length} policy(ies) not read`);
  return words.join(', ');
}
