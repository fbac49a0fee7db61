/**
 * moto under libfaketime follows the shared clock (DESIGN.md section 8): a key created after the
 * clock moved has its CreateDate there, and a request signed with a key sets its last use to
 * moto's moved "now". Tests that span days rely on both.
 */
import { CreateAccessKeyCommand, CreateUserCommand, GetAccessKeyLastUsedCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { startMoto, type MotoServer } from './moto.js';
import { shareClock, type SharedClock } from './time.js';

const DAY = 86_400_000;
const STATIC = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'not-a-real-secret' };

let moto: MotoServer;
let clock: SharedClock;
let iam: IAMClient;

beforeAll(async () => {
  moto = await startMoto({ faketime: true });
  clock = shareClock(moto);
  iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: STATIC });
});
afterEach(async () => {
  clock.real();
  await moto.reset();
});
afterAll(() => moto.stop());

async function newKey(user: string): Promise<{ id: string; secret: string; created: Date }> {
  const out = await iam.send(new CreateAccessKeyCommand({ UserName: user }));
  const k = out.AccessKey!;
  return { id: k.AccessKeyId!, secret: k.SecretAccessKey!, created: k.CreateDate! };
}

async function useKey(key: { id: string; secret: string }): Promise<void> {
  const as = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: key.id, secretAccessKey: key.secret } });
  await as.send(new ListUsersCommand({}));
}

async function lastUsed(id: string): Promise<Date | undefined> {
  return (await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: id }))).AccessKeyLastUsed?.LastUsedDate;
}

/** Dates compared to within an hour: the clocks run on while the test runs, days are what matter. */
function near(actual: Date | undefined, expected: number): void {
  expect(actual).toBeInstanceOf(Date);
  expect(Math.abs((actual as Date).getTime() - expected)).toBeLessThan(3_600_000);
}

test('a key created after +91 days has a CreateDate 91 days ahead; its last use follows the clock', async () => {
  await iam.send(new CreateUserCommand({ UserName: 'vendor' }));
  const before = await newKey('vendor');
  near(before.created, Date.now());

  const ahead = clock.advanceDays(91);
  expect(clock.env()).toEqual({ IAM_CONNECTIONS_NOW: ahead });
  const after = await newKey('vendor');
  near(after.created, Date.parse(ahead));
  expect(Math.round((after.created.getTime() - before.created.getTime()) / DAY)).toBe(91);

  expect(await lastUsed(before.id)).toBeUndefined();
  await useKey(before);
  near(await lastUsed(before.id), Date.parse(ahead));

  clock.set('2027-06-01T00:00:00Z');
  await useKey(after);
  near(await lastUsed(after.id), Date.parse('2027-06-01T00:00:00Z'));
  // The other key's last use stays where its request found the clock.
  near(await lastUsed(before.id), Date.parse(ahead));
});

test('the clock moves back as well: real() restores real time for moto and the tool', async () => {
  clock.set('2030-01-01T00:00:00Z');
  await iam.send(new CreateUserCommand({ UserName: 'future' }));
  near((await newKey('future')).created, Date.parse('2030-01-01T00:00:00Z'));
  clock.real();
  expect(clock.env()).toEqual({});
  expect(clock.now).toBeUndefined();
  near((await newKey('future')).created, Date.now());
});

test('shareClock refuses a moto that was started without libfaketime', () => {
  const plain = { endpoint: 'http://127.0.0.1:1', port: 1, reset: async () => undefined, stop: async () => undefined };
  expect(() => shareClock(plain)).toThrow('shareClock needs moto started with { faketime: true }');
  expect(() => clock.set('not a date')).toThrow('shareClock.set: not an instant: not a date');
});
