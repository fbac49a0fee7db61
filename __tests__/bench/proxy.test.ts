/** The bench's proxy: its throttling is IAM's, as the SDK and our retry classification see it. */
import { CreateUserCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { classifyAwsError } from '../../src/aws/retry.js';
import { startMoto, type MotoServer } from '../helpers/moto.js';
// @ts-expect-error: plain .mjs under scripts/, no type declarations
import { startBenchProxy, tokenBucket } from '../../scripts/bench/proxy.mjs';

describe('tokenBucket', () => {
  test('burst, then rate', () => {
    let t = 0;
    const b = tokenBucket(10, 2, () => t);
    expect([b.take(), b.take(), b.take()]).toEqual([true, true, false]);
    t += 100;
    expect([b.take(), b.take()]).toEqual([true, false]);
  });
});

describe('bench proxy', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => {
    await moto?.stop();
  });

  test('IAM calls beyond the bucket get Throttling; they are counted per operation', async () => {
    const proxy = await startBenchProxy({ upstream: moto.endpoint, latencyMs: 1, iamRps: 0.001, iamBurst: 2 });
    try {
      const iam = new IAMClient({ region: 'us-east-1', endpoint: proxy.endpoint, maxAttempts: 1, credentials: { accessKeyId: 'AKIABENCHTEST0000000', secretAccessKey: 'x' } });
      await iam.send(new CreateUserCommand({ UserName: 'bench-a' }));
      await iam.send(new ListUsersCommand({}));
      const err = await iam.send(new ListUsersCommand({})).catch((e: unknown) => e);
      expect(classifyAwsError(err)).toBe('throttle');
      const stats = proxy.stats();
      expect(stats).toMatchObject({ calls: 3, throttled: 1 });
      expect(stats.byAccount.base.ops).toEqual({ 'iam:CreateUser': { calls: 1, throttled: 0 }, 'iam:ListUsers': { calls: 2, throttled: 1 } });
    } finally {
      await proxy.stop();
    }
  });
});
