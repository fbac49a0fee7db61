/**
 * The headline every report leads with when an account was not read: "N of M accounts not
 * read", with why, per account. An unread account's drift is unknown, so no report may call the
 * plan clean while one exists; the words for the accounts that were read say only that.
 */
import type { AccountNotRead, Plan } from '../plan/model.js';
import { coverage } from '../plan/summary.js';

export interface NotReadHeadline {
  /** "1 of 3 accounts not read" */
  title: string;
  notRead: AccountNotRead[];
  /** How many accounts were read (completely). */
  read: number;
}

export function notReadHeadline(plan: Plan): NotReadHeadline | undefined {
  const { selected, notRead } = coverage(plan);
  if (notRead.length === 0) return undefined;
  return { title: `${notRead.length} of ${selected} account${selected === 1 ? '' : 's'} not read`, notRead, read: selected - notRead.length };
}

/** The changes line when some accounts were not read: `counts` covers only those that were. */
export function readPart(h: NotReadHeadline, counts: string): string {
  return h.read === 0 ? 'Nothing was read, so nothing is known about drift' : `${counts} in the ${h.read} account${h.read === 1 ? '' : 's'} read`;
}
