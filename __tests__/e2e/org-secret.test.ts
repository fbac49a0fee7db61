/**
 * Organisation secrets end to end through `node dist/index.js`: apply delivers the first key and
 * rotate the next one to an organisation secret an admin restricted to selected repositories, and
 * to a new one; GitHub (the stand-in) sees every PUT keep exactly that selection, and the new
 * secret created `selected` with the declared repositories, never `private` or `all`.
 */
import sodium from 'libsodium-wrappers';
import { STACK_TRACE, type ActionRun } from './run-action.js';
import { startWorld, type World } from './world.js';
import type { OrgSecrets } from '../helpers/github-server.js';

const PROD = '111122223333';
// rotateAfter 1s: the rotate run after apply finds the key due, without moving any clock.
const manifest = `version: 1
accounts:
  prod: { id: "${PROD}", role: "arn:aws:iam::${PROD}:role/iam-connections" }
connections:
  vendor:
    accounts: [prod]
    user:
      name: vendor-user
      managedPolicies: [SecurityAudit]
      accessKey:
        rotateAfter: 1s
        overlap: 7d
        deliver:
          - githubSecret: { organization: acme, name: VENDOR_KEY, repositories: [acme/other] }
          - githubSecret: { organization: acme, name: VENDOR_KEY_NEW, repositories: [acme/vault-sync, acme/billing] }
`;

let world: World;
let org: OrgSecrets;
let kp: { publicKey: Uint8Array; privateKey: Uint8Array };

beforeAll(async () => {
  await sodium.ready;
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});

async function run(command: 'apply' | 'rotate'): Promise<ActionRun> {
  const r = await world.run({
    inputs: { command, 'github-token': 'github_pat_fine_grained_org_secrets_writer' },
    cwd: world.repo({ 'connections.yaml': manifest }),
    env: { GITHUB_EVENT_NAME: 'schedule' },
  });
  expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
  return r;
}

function keyIn(body: Record<string, unknown>): string {
  const plain = sodium.crypto_box_seal_open(sodium.from_base64(body.encrypted_value as string, sodium.base64_variants.ORIGINAL), kp.publicKey, kp.privateKey);
  return (JSON.parse(sodium.to_string(plain)) as { accessKeyId: string }).accessKeyId;
}

test('an admin-restricted organisation secret keeps exactly its selection through apply and rotate; a new one is created selected', async () => {
  await world.reset();
  org = world.github.useOrgSecrets();
  kp = sodium.crypto_box_keypair();
  org.publicKey.key = sodium.to_base64(kp.publicKey, sodium.base64_variants.ORIGINAL);
  for (const [n, id] of [['acme/vault-sync', 11], ['acme/billing', 22], ['acme/other', 33], ['acme/infra', 44]] as const) org.repositories.set(n, id);
  // The admin shared VENDOR_KEY with three repositories, none of them the one the manifest names.
  org.secrets.set('acme/vendor_key', { visibility: 'selected', selected_repository_ids: [44, 11, 22] });

  const applied = await run('apply');
  expect(applied.code).toBe(0);
  expect(org.puts.map((p) => [p.name, p.body.visibility, p.body.selected_repository_ids])).toEqual([
    ['VENDOR_KEY', 'selected', [44, 11, 22]],
    ['VENDOR_KEY_NEW', 'selected', [11, 22]],
  ]);
  const first = keyIn(org.puts[0]!.body);
  expect(keyIn(org.puts[1]!.body)).toBe(first);

  await new Promise((r) => setTimeout(r, 1500));
  const rotated = await run('rotate');
  expect(rotated.code).toBe(0);
  const later = org.puts.slice(2);
  expect(later.map((p) => [p.name, p.body.visibility, p.body.selected_repository_ids])).toEqual([
    ['VENDOR_KEY', 'selected', [44, 11, 22]],
    ['VENDOR_KEY_NEW', 'selected', [11, 22]],
  ]);
  expect(keyIn(later[0]!.body)).not.toBe(first);
  expect(org.secrets.get('acme/vendor_key')?.selected_repository_ids).toEqual([44, 11, 22]);
  // Never widened, at any write.
  expect(org.puts.every((p) => p.body.visibility === 'selected')).toBe(true);
});
