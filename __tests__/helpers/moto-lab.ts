/**
 * The usual AWS test bench in one call: moto_server behind the recording proxy, the SDK's
 * environment pointed at the proxy for the file, calls forgotten and moto reset after each test.
 * Registers the Jest hooks itself; call it at the top level of a test file, before the file's
 * own `beforeAll` (which then sees the servers and the environment).
 */
import { type AwsProxy, startAwsProxy } from './aws-proxy.js';
import { awsTestEnv, setEnv } from './env.js';
import { type MotoServer, startMoto } from './moto.js';

export interface MotoLab {
  readonly moto: MotoServer;
  readonly proxy: AwsProxy;
}

export function motoBehindProxy(): MotoLab {
  let moto: MotoServer | undefined;
  let proxy: AwsProxy | undefined;
  let restoreEnv: (() => void) | undefined;
  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startAwsProxy(moto.endpoint);
    restoreEnv = setEnv(awsTestEnv(proxy.endpoint));
  });
  afterEach(async () => {
    proxy?.clear();
    await moto?.reset();
  });
  afterAll(async () => {
    restoreEnv?.();
    await proxy?.stop();
    await moto?.stop();
  });
  return {
    get moto() {
      if (!moto) throw new Error('moto is not started yet: use the lab inside hooks and tests');
      return moto;
    },
    get proxy() {
      if (!proxy) throw new Error('the proxy is not started yet: use the lab inside hooks and tests');
      return proxy;
    },
  };
}
