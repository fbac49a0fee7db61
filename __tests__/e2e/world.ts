/**
 * The outside world of an end-to-end run: moto_server behind the recording proxy, the local
 * GitHub server (OIDC token endpoint and REST), a temporary repository with a manifest, and
 * AWS clients that write straight into one of moto's accounts to seed drift. moto runs under
 * libfaketime: `world.clock.set(instant)` moves moto's clock and the tool's (every later
 * `world.run` gets IAM_CONNECTIONS_NOW) together; `reset()` puts both back on real time.
 */
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type AwsProxy, emulateMotoGaps, startAwsProxy } from '../helpers/aws-proxy.js';
import { type GitHubServer, startGitHubServer } from '../helpers/github-server.js';
import { type MotoServer, startMoto } from '../helpers/moto.js';
import { type SharedClock, shareClock } from '../helpers/time.js';
import { type ActionRun, runAction } from './run-action.js';

export interface World {
  moto: MotoServer;
  proxy: AwsProxy;
  github: GitHubServer;
  /** moto's clock and the tool's, moved together (../helpers/time.ts). */
  clock: SharedClock;
  /** `clock.set(iso)`, returning the environment of a run on that instant (IAM_CONNECTIONS_NOW). */
  at(iso: string): Record<string, string>;
  /** SDK clients acting inside `accountId` on moto directly (not through the proxy: uncounted). */
  clients(accountId: string): Promise<{ iam: IAMClient; s3: S3Client }>;
  /** Writes files into a fresh repository folder and returns its path. */
  repo(files: Record<string, string>): string;
  /** `node dist/index.js` with the runner's environment pointing at these servers. */
  run(opts: { inputs: Record<string, string>; cwd: string; env?: Record<string, string>; onSpawn?: (child: ChildProcess) => void }): Promise<ActionRun>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const STATIC = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'seed-secret-not-real' };

export async function startWorld(): Promise<World> {
  const moto = await startMoto({ faketime: true });
  const clock = shareClock(moto);
  const proxy = await startAwsProxy(moto.endpoint);
  const github = await startGitHubServer();
  emulateMotoGaps(proxy);
  const sts = new STSClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: STATIC });
  return {
    moto,
    proxy,
    github,
    clock,
    at(iso) {
      clock.set(iso);
      return clock.env();
    },
    async clients(accountId) {
      // moto keys each account's state by the account in the assumed role's ARN.
      const out = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/seeder`, RoleSessionName: 'seed' }));
      const c = out.Credentials!;
      const credentials = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
      return {
        iam: new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials }),
        s3: new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, credentials, forcePathStyle: true }),
      };
    },
    repo(files) {
      const dir = mkdtempSync(join(tmpdir(), 'iamc-repo-'));
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      return dir;
    },
    run(opts) {
      return runAction({
        inputs: opts.inputs,
        cwd: opts.cwd,
        ...(opts.onSpawn ? { onSpawn: opts.onSpawn } : {}),
        env: {
          ...github.env(),
          GITHUB_WORKSPACE: opts.cwd,
          AWS_ENDPOINT_URL: proxy.endpoint,
          AWS_REGION: 'us-east-1',
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_CONFIG_FILE: '/nonexistent/aws-config',
          AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
          ...clock.env(),
          ...opts.env,
        },
      });
    },
    async reset() {
      clock.real();
      await moto.reset();
      proxy.clear();
      emulateMotoGaps(proxy);
      github.clear();
    },
    async stop() {
      await proxy.stop();
      await github.stop();
      await moto.stop();
    },
  };
}
