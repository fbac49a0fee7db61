import {
  backoffDelay,
  classifyAwsError,
  RetriesExhaustedError,
  withRetry,
  type RetryClock,
} from '../../src/aws/retry.js';

/** An SDK-shaped service error. */
function awsError(name: string, status: number, message = name): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status }, $fault: status >= 500 ? 'server' : 'client' });
}

/** A clock whose sleep advances time instantly, recording each wait. */
function fakeClock(): RetryClock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: (ms) => {
      slept.push(ms);
      t += ms;
      return Promise.resolve();
    },
  };
}

describe('classifyAwsError', () => {
  test.each([
    ['Throttling', 400, 'throttle'],
    ['ThrottlingException', 400, 'throttle'],
    ['RequestLimitExceeded', 400, 'throttle'],
    ['TooManyRequestsException', 429, 'throttle'],
    ['ServiceUnavailable', 503, 'transient'],
    ['SomethingNew', 502, 'transient'],
    ['AccessDenied', 403, 'denied'],
    ['InvalidIdentityToken', 400, 'denied'],
    ['IDPRejectedClaim', 403, 'denied'],
    ['IDPCommunicationError', 400, 'transient'],
    ['ExpiredTokenException', 400, 'expired'],
    ['NoSuchEntity', 404, 'fatal'],
    ['ValidationError', 400, 'fatal'],
  ])('%s (HTTP %i) is %s', (name, status, expected) => {
    expect(classifyAwsError(awsError(name, status))).toBe(expected);
  });

  test('network errors are transient, also when wrapped', () => {
    expect(classifyAwsError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe('transient');
    expect(classifyAwsError(new Error('socket hang up'))).toBe('transient');
    expect(classifyAwsError(new Error('outer', { cause: Object.assign(new Error('x'), { code: 'ETIMEDOUT' }) }))).toBe('transient');
    expect(classifyAwsError(new Error('plain bug'))).toBe('fatal');
  });
});

describe('backoffDelay (full jitter)', () => {
  test('is uniform below an exponentially growing, capped ceiling', () => {
    const top = (): number => 0.999999;
    expect(backoffDelay(1, 200, 5000, () => 0)).toBe(0);
    expect(backoffDelay(1, 200, 5000, top)).toBe(199);
    expect(backoffDelay(3, 200, 5000, top)).toBe(799);
    expect(backoffDelay(10, 200, 5000, top)).toBe(4999);
    expect(backoffDelay(3, 200, 5000, () => 0.5)).toBe(400);
  });
});

describe('withRetry', () => {
  test('retries throttling until success, waiting a jittered delay each time', async () => {
    const clock = fakeClock();
    let calls = 0;
    const result = await withRetry(
      () => {
        calls++;
        return calls <= 2 ? Promise.reject(awsError('Throttling', 400, 'Rate exceeded')) : Promise.resolve('ok');
      },
      { clock, random: () => 0.5, baseDelayMs: 100 },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(clock.slept).toEqual([50, 100]);
  });

  test('retries 5xx and dropped connections', async () => {
    const failures = [awsError('InternalFailure', 500), new Error('socket hang up')];
    let calls = 0;
    const out = await withRetry(
      () => {
        const f = failures[calls++];
        return f ? Promise.reject(f) : Promise.resolve(calls);
      },
      { clock: fakeClock() },
    );
    expect(out).toBe(3);
  });

  test('never retries AccessDenied: the original error comes back after one attempt', async () => {
    const denied = awsError('AccessDenied', 403, 'not authorized');
    let calls = 0;
    const clock = fakeClock();
    await expect(
      withRetry(() => {
        calls++;
        return Promise.reject(denied);
      }, { clock }),
    ).rejects.toBe(denied);
    expect(calls).toBe(1);
    expect(clock.slept).toEqual([]);
  });

  test('gives up within the time budget and says why', async () => {
    const clock = fakeClock();
    let calls = 0;
    const err: unknown = await withRetry(
      () => {
        calls++;
        return Promise.reject(awsError('Throttling', 400, 'Rate exceeded'));
      },
      { clock, random: () => 0.99, maxElapsedMs: 3000, label: 'iam:ListAccessKeys' },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetriesExhaustedError);
    const total = clock.slept.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(3000);
    expect(calls).toBe(clock.slept.length + 1);
    expect(calls).toBeGreaterThan(2);
    expect((err as Error).message).toMatch(/^iam:ListAccessKeys still throttled after \d+ attempts: Throttling: Rate exceeded/);
    expect((err as RetriesExhaustedError).cause).toMatchObject({ name: 'Throttling' });
  });

  test('a caller can classify an error differently (e.g. eventual consistency)', async () => {
    let calls = 0;
    const out = await withRetry(
      () => (++calls < 2 ? Promise.reject(awsError('NoSuchEntity', 404)) : Promise.resolve('found')),
      { clock: fakeClock(), classify: (e) => ((e as Error).name === 'NoSuchEntity' ? 'transient' : 'fatal') },
    );
    expect(out).toBe('found');
  });
});
