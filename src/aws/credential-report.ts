/**
 * Console passwords and MFA of every user in two or three calls per account, whatever the
 * number of users: the IAM credential report (GenerateCredentialReport until COMPLETE, then
 * GetCredentialReport), instead of one GetLoginProfile per user.
 *
 * The price is freshness: IAM makes a new report at most every 4 hours and otherwise returns
 * the last one, so a password set or removed since `generatedAt` does not show. The plan says
 * so wherever it relies on it.
 *
 * Not being allowed to read the report does not fail the plan: the answer is `ok: false` with
 * the permission to grant, and the plan turns it into an `unresolved` note.
 */
import { GenerateCredentialReportCommand, GetCredentialReportCommand, type IAMClient } from '@aws-sdk/client-iam';
import type { AccountInventory, ReportedKey, UserState } from './inventory-model.js';
export { CREDENTIAL_REPORT_PERMISSIONS } from './inventory-model.js';
import { classifyAwsError, errorCode, errorSummary, realClock, RetriesExhaustedError, withRetry, type RetryOptions } from './retry.js';

export interface CredentialReportRow {
  user: string;
  arn: string;
  /** ISO-8601, when the report has it. */
  created?: string;
  /** Absent when the report says `not_supported` or `N/A`. */
  passwordEnabled?: boolean;
  mfaActive?: boolean;
  keys?: ReportedKey[];
}

export type CredentialReportRead =
  | { ok: true; generatedAt: string; rows: CredentialReportRow[] }
  | { ok: false; reason: string; missingPermissions?: string[] };

export class CredentialReportFormatError extends Error {
  constructor(what: string) {
    super(`the IAM credential report is not in the expected CSV form: ${what}`);
    this.name = 'CredentialReportFormatError';
  }
}

/** RFC 4180 records (AWS does not quote, but a user name may one day need it). */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      if (record.length > 1 || record[0] !== '') records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new CredentialReportFormatError('a quoted field is not closed');
  record.push(field);
  if (record.length > 1 || record[0] !== '') records.push(record);
  return records;
}

function flag(v: string | undefined): boolean | undefined {
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

function isoOrUndefined(v: string | undefined): string | undefined {
  if (v === undefined || v === '' || Number.isNaN(Date.parse(v))) return undefined;
  return new Date(v).toISOString();
}

function reportedKeys(get: (name: string) => string | undefined): ReportedKey[] {
  const out: ReportedKey[] = [];
  for (const slot of [1, 2] as const) {
    const active = flag(get(`access_key_${slot}_active`));
    const lastRotated = isoOrUndefined(get(`access_key_${slot}_last_rotated`));
    if (active === undefined || (!active && lastRotated === undefined)) continue;
    const k: ReportedKey = { slot, active };
    if (lastRotated !== undefined) k.lastRotated = lastRotated;
    const used = isoOrUndefined(get(`access_key_${slot}_last_used_date`));
    if (used !== undefined) {
      k.lastUsed = { date: used };
      const region = get(`access_key_${slot}_last_used_region`);
      const service = get(`access_key_${slot}_last_used_service`);
      if (region !== undefined && region !== 'N/A' && region !== '') k.lastUsed.region = region;
      if (service !== undefined && service !== 'N/A' && service !== '') k.lastUsed.service = service;
    }
    out.push(k);
  }
  return out;
}

/** The report's rows for IAM users (the `<root_account>` row is left out). */
export function parseCredentialReport(csv: string): CredentialReportRow[] {
  const [header, ...rows] = csvRecords(csv);
  if (!header) throw new CredentialReportFormatError('it is empty');
  const col = new Map(header.map((h, i) => [h.trim(), i]));
  for (const needed of ['user', 'arn', 'password_enabled']) {
    if (!col.has(needed)) throw new CredentialReportFormatError(`the header has no ${needed} column`);
  }
  const get = (row: string[], name: string): string | undefined => {
    const i = col.get(name);
    return i === undefined ? undefined : row[i];
  };
  const out: CredentialReportRow[] = [];
  for (const row of rows) {
    const user = get(row, 'user') ?? '';
    if (user === '' || user === '<root_account>') continue;
    const r: CredentialReportRow = { user, arn: get(row, 'arn') ?? '' };
    const created = isoOrUndefined(get(row, 'user_creation_time'));
    if (created !== undefined) r.created = created;
    const password = flag(get(row, 'password_enabled'));
    if (password !== undefined) r.passwordEnabled = password;
    const mfa = flag(get(row, 'mfa_active'));
    if (mfa !== undefined) r.mfaActive = mfa;
    const keys = reportedKeys((name) => get(row, name));
    if (keys.length > 0) r.keys = keys;
    out.push(r);
  }
  return out;
}

const NOT_READY_CODES = new Set([
  'ReportInProgress',
  'CredentialReportNotReadyException',
  'ReportNotPresent',
  'CredentialReportNotPresentException',
  'ReportExpired',
  'CredentialReportExpiredException',
]);

export interface ReadCredentialReportOptions {
  account: string;
  /** Throttling retries per call; its clock also paces the polling. */
  retry?: RetryOptions;
  /** How long to wait for IAM to generate the report. Default 60 s. */
  maxWaitMs?: number;
  /** First wait between polls, doubled up to 8 s. Default 1 s. */
  pollDelayMs?: number;
}

function denied(account: string, action: string, err: unknown): CredentialReportRead {
  return {
    ok: false,
    reason: `${action} was denied in account "${account}" (${errorSummary(err)})`,
    missingPermissions: [action],
  };
}

/**
 * Generates (or reuses) the report and reads it. Throws only for failures a human must look at
 * that are not permissions (retries exhausted, a malformed report); denial and a report that
 * is not ready in time come back as `ok: false`.
 */
export async function readCredentialReport(iam: IAMClient, opts: ReadCredentialReportOptions): Promise<CredentialReportRead> {
  const clock = opts.retry?.clock ?? realClock;
  const maxWait = opts.maxWaitMs ?? 60_000;
  let delay = opts.pollDelayMs ?? 1_000;
  const start = clock.now();
  const call = <T>(action: string, fn: () => Promise<T>) => withRetry(fn, { ...opts.retry, label: `${action} in account "${opts.account}"` });
  for (;;) {
    let state: string | undefined;
    try {
      state = (await call('iam:GenerateCredentialReport', () => iam.send(new GenerateCredentialReportCommand({})))).State;
    } catch (err) {
      if (!(err instanceof RetriesExhaustedError) && classifyAwsError(err) === 'denied') {
        return denied(opts.account, 'iam:GenerateCredentialReport', err);
      }
      throw err;
    }
    if (state === 'COMPLETE') {
      try {
        const out = await call('iam:GetCredentialReport', () => iam.send(new GetCredentialReportCommand({})));
        const text = out.Content === undefined ? '' : new TextDecoder().decode(out.Content);
        const generatedAt = out.GeneratedTime === undefined ? new Date(clock.now()).toISOString() : new Date(out.GeneratedTime).toISOString();
        return { ok: true, generatedAt, rows: parseCredentialReport(text) };
      } catch (err) {
        if (err instanceof RetriesExhaustedError || err instanceof CredentialReportFormatError) throw err;
        if (classifyAwsError(err) === 'denied') return denied(opts.account, 'iam:GetCredentialReport', err);
        // Expired or replaced between the two calls: generate again.
        if (!NOT_READY_CODES.has(errorCode(err) ?? '')) throw err;
      }
    }
    if (clock.now() - start + delay > maxWait) {
      return {
        ok: false,
        reason: `IAM did not finish the credential report of account "${opts.account}" within ${Math.round(maxWait / 1000)} s (last state: ${state ?? 'unknown'})`,
      };
    }
    await clock.sleep(delay);
    delay = Math.min(delay * 2, 8_000);
  }
}

/** IAM times are to the second; the report and GAAD may print them differently. */
const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/**
 * Puts the report's answers on the inventory's users. A row whose creation time differs from
 * the user's is about an earlier user of the same name (deleted and made again since the
 * report) and is ignored; users made after the report are left unknown.
 */
export function withCredentialReport(inv: AccountInventory, read: CredentialReportRead): AccountInventory {
  if (!read.ok) {
    const unavailable: { reason: string; missingPermissions?: string[] } = { reason: read.reason };
    if (read.missingPermissions !== undefined) unavailable.missingPermissions = [...read.missingPermissions];
    return { ...inv, credentialReport: { unavailable } };
  }
  const rows = new Map(read.rows.map((r) => [r.user, r]));
  const users = inv.users.map((u): UserState => {
    const row = rows.get(u.name);
    if (row === undefined || row.passwordEnabled === undefined) return u;
    if (row.created !== undefined && u.created !== '' && seconds(row.created) !== seconds(u.created)) return u;
    const next: UserState = { ...u, hasLoginProfile: row.passwordEnabled, loginProfileAsOf: read.generatedAt };
    if (row.mfaActive !== undefined) next.mfaActive = row.mfaActive;
    if (row.keys !== undefined) next.reportedKeys = row.keys;
    return next;
  });
  return { ...inv, users, credentialReport: { generatedAt: read.generatedAt } };
}
