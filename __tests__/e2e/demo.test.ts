/**
 * `npm run demo` as a new user runs it on a fresh clone: with moto_server it goes through every
 * stage of the example's life and exits 0, leaving no moto_server behind; without it (PATH holds
 * only node) it says in one line how to install moto and runs the offline demo instead.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STACK_TRACE } from './run-action.js';

function demo(env: Record<string, string>): Promise<{ code: number; out: string }> {
  const child = spawn(process.execPath, ['scripts/demo.mjs'], { cwd: process.cwd(), env: { HOME: tmpdir(), NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((res) => child.on('close', (code) => res({ code: code ?? -1, out })));
}

test('with moto: every stage of the life, in order, exit 0, moto stopped', async () => {
  const r = await demo({ PATH: process.env.PATH ?? '' });
  expect(r.out).not.toMatch(STACK_TRACE);
  expect(r.out).not.toMatch(/^!! /m);
  expect(r.code).toBe(0);
  const stages = [
    /moto_server \(embedded AWS\) at http:\/\/127\.0\.0\.1:(\d+), AWS-managed policies loaded/,
    /== 1\. validate[\s\S]*?examples\/connections\.yaml: valid/,
    /== 2\. plan: a new account[\s\S]*?user sekoia-iam-reader: missing -> create/,
    /== 3\. apply[\s\S]*?create access-key sekoia-iam-reader \(first key created, delivered to Secrets Manager secret integrations\/sekoia/,
    /== 4\. plan: clean[\s\S]*?drift: no/,
    /== 5\. out of band[\s\S]*?attached AdministratorAccess[\s\S]*?second access key by hand[\s\S]*?removed the external ID/,
    /== 6\. plan: the drift[\s\S]*?! \[critical\] cloudyn: role cloudyn-cost-reader: modified -> update[\s\S]*?! \[critical\] sekoia: attachment user\/sekoia-iam-reader\/AdministratorAccess: unexpected -> detach[\s\S]*?! \[medium\] sekoia: access-key sekoia-iam-reader\/AKIA…\w{4}: key-orphan -> delete/,
    /== 7\. apply: repairs[\s\S]*?3 change\(s\) done, 0 failed/,
    // The simulated clock (IAM_CONNECTIONS_NOW and moto's libfaketime) moves the keys along.
    /-- day 0: nothing is due[\s\S]*?prod\/sekoia user sekoia-iam-reader: no change/,
    /-- day 91[\s\S]*?did: rotated: created AKIA…\w{4}, verified, delivered to \d sink\(s\), promoted, recorded/,
    /-- day 93[\s\S]*?the vendor of integrations\/sekoia signed in with AKIA…\w{4}/,
    /-- day 98[\s\S]*?did: deactivated AKIA…\w{4} \(past overlap and unused\)/,
    /-- day 105[\s\S]*?did: deleted the retired key AKIA…\w{4}[\s\S]*?did: deactivated AKIA…\w{4} \(temporary connection expired\)/,
    /demo finished: moto_server stopped/,
  ];
  let from = 0;
  for (const stage of stages) {
    const m = stage.exec(r.out.slice(from));
    expect([stage.source, m !== null]).toEqual([stage.source, true]);
    from += (m?.index ?? 0) + (m?.[0].length ?? 0);
  }
  // Nothing is left listening on moto's port.
  const port = /127\.0\.0\.1:(\d+)/.exec(r.out)?.[1];
  await expect(fetch(`http://127.0.0.1:${port}/moto-api/`)).rejects.toThrow();
}, 600_000);

test('without moto_server on PATH: one line with the install hint, then the offline demo', async () => {
  const bin = mkdtempSync(join(tmpdir(), 'iamc-node-only-'));
  symlinkSync(process.execPath, join(bin, 'node'));
  const r = await demo({ PATH: bin });
  expect(r.code).toBe(0);
  const lines = r.out.split('\n');
  expect(lines[0]).toMatch(/^moto_server not found: install it with `pipx install 'moto\[server\]'`.*; running the offline demo instead \(npm run demo:offline/);
  expect(r.out).toMatch(/== plan against the snapshot examples\/snapshot.json/);
  expect(r.out).toMatch(/! \[critical\] sekoia: attachment user\/sekoia-iam-reader\/AdministratorAccess: unexpected -> detach/);
}, 120_000);
