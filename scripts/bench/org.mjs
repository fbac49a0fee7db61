// The organisation case of `npm run bench` (issue 15): how many AWS Organizations calls one run
// makes to resolve 500 accounts in 20 OUs. moto_server behind the bench proxy (no latency: only
// calls are counted); the tool runs `plan --accounts mgmt`, so it reads the whole organisation to
// resolve the selectors but plans one account. Run alone: `BENCH_ONLY=org npm run bench`.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { startBenchProxy } from './proxy.mjs';

const MGMT = '123456789012'; // moto's default account: the static credentials create the organisation there

/** 20 OUs: 16 under the root, 4 nested under the first; accounts spread evenly over them. */
async function seed(endpoint, accounts, units) {
  const org = new OrganizationsClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'AKIABENCHBENCHBENCH0', secretAccessKey: 'bench-secret-not-real' } });
  await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const root = (await org.send(new ListRootsCommand({}))).Roots[0].Id;
  const ous = [];
  for (let i = 0; i < units; i++) {
    const parent = i >= units - 4 ? ous[0] : root;
    ous.push((await org.send(new CreateOrganizationalUnitCommand({ ParentId: parent, Name: `ou-${i}` }))).OrganizationalUnit.Id);
  }
  for (let i = 0; i < accounts; i++) {
    const made = await org.send(new CreateAccountCommand({ AccountName: `Account ${i}`, Email: `a${i}@example.com` }));
    await org.send(new MoveAccountCommand({ AccountId: made.CreateAccountStatus.AccountId, SourceParentId: root, DestinationParentId: ous[i % units] }));
  }
}

export async function benchOrganization({ moto, dist, env, work, accounts = 500, units = 20 }) {
  await moto.reset();
  await seed(moto.endpoint, accounts, units);
  const proxy = await startBenchProxy({ upstream: moto.endpoint, latencyMs: 0, iamRps: 1000 });
  try {
    const dir = join(work, 'org');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'connections.yaml'),
      `version: 1
accounts:
  mgmt: { id: "${MGMT}", role: "arn:aws:iam::${MGMT}:role/iam-connections" }
organization: { via: mgmt, roleName: iam-connections }
connections:
  reader:
    accounts: ["ou:/"]
    role: { name: reader, trust: { awsAccount: "999988887777", externalId: bench-external-id }, managedPolicies: [ReadOnlyAccess] }
`,
    );
    proxy.reset();
    // Asynchronously: the proxy lives in this process and must answer while the tool runs.
    const r = await new Promise((res) => {
      const child = spawn(process.execPath, [dist, 'plan', '-m', 'connections.yaml', '--accounts', 'mgmt', '--format', 'json', '--fail-on', 'never'], {
        cwd: dir,
        env: { ...env(proxy.endpoint), PATH: process.env.PATH ?? '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (status) => res({ status, stderr }));
    });
    const ops = {};
    for (const a of Object.values(proxy.stats().byAccount)) for (const [op, o] of Object.entries(a.ops)) if (op.startsWith('organizations:')) ops[op] = (ops[op] ?? 0) + o.calls;
    const calls = Object.values(ops).reduce((n, c) => n + c, 0);
    const perOu = Math.ceil(accounts / units);
    return {
      case: `resolve ${accounts} accounts in ${units} OUs`,
      exitCode: r.status,
      organizationsCalls: calls,
      callsByOperation: ops,
      target: 60,
      // AWS pages these listings at 20 at most; the tool asks for 20.
      expected: `1 ListRoots + ${units + 1} ListOrganizationalUnitsForParent + ListAccountsForParent: 1 page for the root + ${units} x ceil(${perOu}/20) = ${1 + units + 1 + 1 + units * Math.ceil(perOu / 20)}`,
      ...(r.status !== 0 ? { stderrTail: r.stderr.split('\n').slice(-10) } : {}),
    };
  } finally {
    await proxy.stop();
  }
}
