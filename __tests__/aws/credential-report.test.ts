/**
 * The IAM credential report: parsed as AWS prints it, read from moto through the recording
 * proxy (how many calls, how it waits), and what denial and slowness turn into.
 */
import { CreateLoginProfileCommand, CreateUserCommand, type IAMClient } from '@aws-sdk/client-iam';
import { iamClient } from '../../src/aws/clients.js';
import {
  CredentialReportFormatError,
  parseCredentialReport,
  readCredentialReport,
  withCredentialReport,
} from '../../src/aws/credential-report.js';
import { InventoryReadError, readInventory } from '../../src/aws/inventory.js';
import { OWNER_TAG } from '../../src/manifest/model.js';
import { accessDenied, startAwsProxy, type AwsProxy } from '../helpers/aws-proxy.js';
import { awsTestEnv, setEnv } from '../helpers/env.js';
import { startMoto, type MotoServer } from '../helpers/moto.js';

const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

// As AWS documents it: the root row first, `not_supported` and `N/A` where nothing applies.
const AWS_SAMPLE = [
  HEADER,
  '<root_account>,arn:aws:iam::123456789012:root,2014-09-01T20:21:12+00:00,not_supported,2024-05-01T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  'vendor-a,arn:aws:iam::123456789012:user/connections/vendor-a,2024-01-02T03:04:05+00:00,true,no_information,2024-01-02T03:04:05+00:00,N/A,true,true,2024-01-02T03:04:06+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  'vendor-b,arn:aws:iam::123456789012:user/vendor-b,2024-02-02T00:00:00+00:00,false,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  '',
].join('\r\n');

describe('parseCredentialReport', () => {
  test('maps users, skips the root row, reads password_enabled, mfa_active and the key slots', () => {
    expect(parseCredentialReport(AWS_SAMPLE)).toEqual([
      {
        user: 'vendor-a',
        arn: 'arn:aws:iam::123456789012:user/connections/vendor-a',
        created: '2024-01-02T03:04:05.000Z',
        passwordEnabled: true,
        mfaActive: true,
        // Slot 2 is false with no rotation date: no key there. Never used: no lastUsed.
        keys: [{ slot: 1, active: true, lastRotated: '2024-01-02T03:04:06.000Z' }],
      },
      { user: 'vendor-b', arn: 'arn:aws:iam::123456789012:user/vendor-b', created: '2024-02-02T00:00:00.000Z', passwordEnabled: false, mfaActive: false },
    ]);
  });

  test('columns are found by name, quoted fields are unquoted', () => {
    const csv = 'password_enabled,arn,user\n"true","arn:aws:iam::1:user/x","we""ird,name"\n';
    expect(parseCredentialReport(csv)).toEqual([{ user: 'we"ird,name', arn: 'arn:aws:iam::1:user/x', passwordEnabled: true }]);
  });

  test('a report without the password column is an error, not "no passwords"', () => {
    expect(() => parseCredentialReport('user,arn\nx,arn:aws:iam::1:user/x\n')).toThrow(CredentialReportFormatError);
    expect(() => parseCredentialReport('user,arn\nx,arn:aws:iam::1:user/x\n')).toThrow(/no password_enabled column/);
    expect(() => parseCredentialReport('')).toThrow(/empty/);
  });
});

describe('withCredentialReport', () => {
  const inv = {
    account: 'prod',
    accountId: '123456789012',
    readAt: '2024-06-01T00:00:00.000Z',
    users: [
      { name: 'vendor-a', arn: '', id: '', path: '/', created: '2024-01-02T03:04:05Z', tags: {}, attached: [], inline: [], groups: [] },
      // Same name, made again after the report: the row is about its predecessor.
      { name: 'vendor-b', arn: '', id: '', path: '/', created: '2024-05-30T00:00:00Z', tags: {}, attached: [], inline: [], groups: [] },
    ],
    roles: [],
    policies: [],
    buckets: [],
  };

  test('sets the answer and its date on matching users only', () => {
    const out = withCredentialReport(inv, { ok: true, generatedAt: '2024-05-31T22:00:00.000Z', rows: parseCredentialReport(AWS_SAMPLE) });
    expect(out.credentialReport).toEqual({ generatedAt: '2024-05-31T22:00:00.000Z' });
    expect(out.users[0]).toMatchObject({ hasLoginProfile: true, mfaActive: true, loginProfileAsOf: '2024-05-31T22:00:00.000Z' });
    expect(out.users[1]?.hasLoginProfile).toBeUndefined();
  });

  test('an unreadable report is recorded with the permissions to grant', () => {
    const out = withCredentialReport(inv, { ok: false, reason: 'denied', missingPermissions: ['iam:GenerateCredentialReport'] });
    expect(out.credentialReport).toEqual({ unavailable: { reason: 'denied', missingPermissions: ['iam:GenerateCredentialReport'] } });
    expect(out.users.every((u) => u.hasLoginProfile === undefined)).toBe(true);
  });
});

describe('against moto', () => {
  let moto: MotoServer;
  let proxy: AwsProxy;
  let restoreEnv: () => void;
  let iam: IAMClient;
  let now = 0;
  const sleeps: number[] = [];
  // Sleeping advances the clock: the polling's time bound is exercised without waiting.
  const clock = {
    now: () => now,
    sleep: (ms: number) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
  const opts = { account: 'prod', retry: { clock } };

  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startAwsProxy(moto.endpoint);
    restoreEnv = setEnv(awsTestEnv(proxy.endpoint));
    iam = iamClient({ region: 'us-east-1' });
  });
  afterEach(async () => {
    proxy.clear();
    sleeps.length = 0;
    await moto.reset();
  });
  afterAll(async () => {
    restoreEnv?.();
    await proxy?.stop();
    await moto?.stop();
  });

  async function seed(): Promise<void> {
    await iam.send(new CreateUserCommand({ UserName: 'vendor-a', Tags: [{ Key: OWNER_TAG, Value: 'a' }] }));
    await iam.send(new CreateUserCommand({ UserName: 'vendor-b' }));
    await iam.send(new CreateLoginProfileCommand({ UserName: 'vendor-a', Password: 'Correct-Horse-42!' }));
    proxy.clear();
  }

  test('first read: generate (STARTED), wait, generate (COMPLETE), get: three calls', async () => {
    await seed();
    const out = await readCredentialReport(iam, opts);
    expect(proxy.actions()).toEqual(['GenerateCredentialReport', 'GenerateCredentialReport', 'GetCredentialReport']);
    expect(sleeps).toEqual([1000]);
    if (!out.ok) throw new Error(out.reason);
    expect(out.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(out.rows.map((r) => [r.user, r.passwordEnabled])).toEqual([
      ['vendor-a', true],
      ['vendor-b', false],
    ]);

    // A report exists now: IAM answers COMPLETE at once.
    proxy.clear();
    await readCredentialReport(iam, opts);
    expect(proxy.actions()).toEqual(['GenerateCredentialReport', 'GetCredentialReport']);
  });

  test('ReportInProgress from GetCredentialReport: waits and asks again', async () => {
    await seed();
    proxy.inject({ action: 'GetCredentialReport', times: 1, status: 404, code: 'ReportInProgress', message: 'Report is being generated' });
    await readCredentialReport(iam, opts); // STARTED, COMPLETE, Get (in progress), COMPLETE, Get
    expect(proxy.actions()).toEqual([
      'GenerateCredentialReport',
      'GenerateCredentialReport',
      'GetCredentialReport',
      'GenerateCredentialReport',
      'GetCredentialReport',
    ]);
    expect(sleeps).toEqual([1000, 2000]);
  });

  test('never COMPLETE: gives up within the bound with backoff, without failing', async () => {
    proxy.inject({
      action: 'GenerateCredentialReport',
      respond: () =>
        Promise.resolve({
          status: 200,
          headers: { 'content-type': 'text/xml' },
          body: '<GenerateCredentialReportResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GenerateCredentialReportResult><State>INPROGRESS</State></GenerateCredentialReportResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GenerateCredentialReportResponse>',
        }),
    });
    const out = await readCredentialReport(iam, { ...opts, maxWaitMs: 20_000 });
    expect(out).toEqual({ ok: false, reason: expect.stringMatching(/did not finish the credential report of account "prod" within 20 s \(last state: INPROGRESS\)/) });
    expect(sleeps).toEqual([1000, 2000, 4000, 8000]);
    expect(proxy.count('GetCredentialReport')).toBe(0);
  });

  test('denied: names the permission, does not throw', async () => {
    proxy.inject(accessDenied('GenerateCredentialReport', 'User: arn:aws:sts::123456789012:assumed-role/plan/s is not authorized to perform: iam:GenerateCredentialReport'));
    const out = await readCredentialReport(iam, opts);
    expect(out).toMatchObject({ ok: false, missingPermissions: ['iam:GenerateCredentialReport'] });
    expect(out.ok ? '' : out.reason).toMatch(/iam:GenerateCredentialReport was denied in account "prod"/);
    expect(proxy.calls).toHaveLength(1);

    proxy.clear();
    proxy.inject(accessDenied('GetCredentialReport', 'not authorized to perform: iam:GetCredentialReport'));
    const got = await readCredentialReport(iam, opts);
    expect(got).toMatchObject({ ok: false, missingPermissions: ['iam:GetCredentialReport'] });
  });

  test('readInventory: behind the option, once per account; denial is recorded, not thrown; other errors are', async () => {
    await seed();
    const off = await readInventory(iam, { account: 'prod', accountId: '123456789012', retry: { clock } });
    expect(proxy.actions().filter((a) => a.includes('CredentialReport'))).toEqual([]);
    expect(off.credentialReport).toBeUndefined();

    proxy.clear();
    const on = await readInventory(iam, { account: 'prod', accountId: '123456789012', retry: { clock }, credentialReport: true });
    expect(on.users.find((u) => u.name === 'vendor-a')).toMatchObject({ hasLoginProfile: true, mfaActive: false });
    expect(on.users.find((u) => u.name === 'vendor-b')).toMatchObject({ hasLoginProfile: false });
    expect(on.credentialReport?.generatedAt).toBeDefined();
    expect(proxy.calls.filter((c) => c.action === 'GetLoginProfile')).toEqual([]);

    proxy.clear();
    proxy.inject(accessDenied('GenerateCredentialReport', 'not authorized'));
    const denied = await readInventory(iam, { account: 'prod', accountId: '123456789012', retry: { clock }, credentialReport: true });
    expect(denied.credentialReport?.unavailable?.missingPermissions).toEqual(['iam:GenerateCredentialReport']);
    expect(denied.users.find((u) => u.name === 'vendor-a')?.hasLoginProfile).toBeUndefined();

    proxy.clear();
    proxy.inject({ action: 'GetCredentialReport', status: 400, code: 'InvalidInput', message: 'bad' });
    await expect(readInventory(iam, { account: 'prod', accountId: '123456789012', retry: { clock }, credentialReport: true })).rejects.toThrow(
      InventoryReadError,
    );
  });
});
