/**
 * Every tag key iam-connections writes, in one place: the writers take their keys from here, and
 * the tag budget (IAM allows 50 tags per user, role or policy) reserves them, so a principal whose
 * declared or live tags leave no room fails at validate or plan, never halfway through a
 * rotation, after the new key reached a sink.
 */
export const TOOL_TAGS = {
  /** Marks a user, role or policy as managed by a connection. */
  owner: 'iam-connections:connection',
  /** On customer-managed policies: the hash of the document last applied. */
  policyHash: 'iam-connections:policy-hash',
  /** On users, while a rotation holds them. */
  rotateLock: 'iam-connections:rotate-lock',
  /** On users: the delivered key, and the one it replaced. */
  keyCurrent: 'iam-connections:key-current',
  keyPrevious: 'iam-connections:key-previous',
  /** On users: a key created and not yet delivered everywhere. */
  keyPending: 'iam-connections:key-pending',
  /** On Secrets Manager secrets the tool creates: the user whose key it holds, and its account. */
  secretUser: 'iam-connections:user',
  secretAccount: 'iam-connections:account',
} as const;

export type ToolTag = (typeof TOOL_TAGS)[keyof typeof TOOL_TAGS];

/** IAM's limit of tags per user, role or managed policy. */
export const MAX_TAGS_PER_PRINCIPAL = 50;

/**
 * The tags the tool may write on a principal beyond the declared ones, all at once. A user with
 * an access key carries the key record and, during a rotation, the lock and a pending key; a
 * role's customer-managed policies carry the policy hash, and are tagged like their principal.
 */
export function reservedTags(kind: 'user' | 'role' | 'policy', opts: { accessKey?: boolean } = {}): ToolTag[] {
  switch (kind) {
    case 'user':
      return opts.accessKey ? [TOOL_TAGS.owner, TOOL_TAGS.rotateLock, TOOL_TAGS.keyCurrent, TOOL_TAGS.keyPrevious, TOOL_TAGS.keyPending] : [TOOL_TAGS.owner];
    case 'role':
      return [TOOL_TAGS.owner];
    case 'policy':
      return [TOOL_TAGS.owner, TOOL_TAGS.policyHash];
  }
}

/** How many tags a principal carries at its fullest: the `present` ones (declared, or live) and every reserved one. */
export function tagsAtMost(present: Iterable<string>, reserved: readonly string[]): number {
  return new Set([...present, ...reserved]).size;
}
