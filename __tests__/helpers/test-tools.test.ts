/**
 * The Jest global setup's decisions when a part is missing, with the lookups and apt-get
 * replaced (this machine has both parts; uninstalling them to test is not an option).
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAKETIME_INSTALL_HINT, MOTO_INSTALL_HINT, findFaketime, findMoto } from '../../scripts/lib/moto.mjs';
import { ensureTestTools, type TestToolsDeps } from '../../scripts/lib/test-tools.mjs';

const LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1';

/** A world where apt-get answers with the given statuses in order; records calls and log lines. */
function world(opts: { moto?: string | null; faketimeAfter?: number; root?: boolean; apt?: boolean; statuses?: number[] }) {
  const calls: string[] = [];
  const logs: string[] = [];
  const statuses = [...(opts.statuses ?? [])];
  let installs = 0;
  const deps: TestToolsDeps = {
    findMoto: () => (opts.moto === undefined ? '/usr/bin/moto_server' : opts.moto),
    findFaketime: () => (opts.faketimeAfter !== undefined && installs >= opts.faketimeAfter ? LIB : null),
    isRoot: opts.root ?? true,
    hasAptGet: () => opts.apt ?? true,
    run: (cmd, args) => {
      calls.push([cmd, ...args].join(' '));
      const status = statuses.shift() ?? 0;
      if (args[0] === 'install' && status === 0) installs++;
      return { status, output: status === 0 ? 'ok\n' : 'W: something\nE: Unable to locate package faketime\n' };
    },
    log: (line) => logs.push(line),
  };
  return { deps, calls, logs };
}

test('moto missing: stops with the one install line, before looking at anything else', () => {
  const w = world({ moto: null });
  expect(ensureTestTools(w.deps)).toEqual({ ok: false, message: MOTO_INSTALL_HINT });
  expect(MOTO_INSTALL_HINT).toBe("moto_server not found: install it with `pipx install 'moto[server]'` (moto 5.x)");
  expect(w.calls).toEqual([]);
});

test('both present: nothing is run', () => {
  const w = world({ faketimeAfter: 0 });
  expect(ensureTestTools(w.deps)).toEqual({ ok: true, moto: '/usr/bin/moto_server', faketime: LIB });
  expect(w.calls).toEqual([]);
  expect(w.logs).toEqual([]);
});

test.each([
  ['not root', { root: false }],
  ['no apt-get', { apt: false }],
])('libfaketime missing, %s: stops with the line that installs it, installs nothing', (_, o) => {
  const w = world({ faketimeAfter: 1, ...o });
  expect(ensureTestTools(w.deps)).toEqual({ ok: false, message: FAKETIME_INSTALL_HINT });
  expect(w.calls).toEqual([]);
});

test('libfaketime missing as root with apt-get: installs it, saying so in one line', () => {
  const w = world({ faketimeAfter: 1 });
  expect(ensureTestTools(w.deps)).toEqual({ ok: true, moto: '/usr/bin/moto_server', faketime: LIB });
  expect(w.calls).toEqual(['apt-get install -y -qq faketime']);
  expect(w.logs).toEqual(["libfaketime not found: installing it with `apt-get install -y faketime` (the tests move moto's clock with it)"]);
});

test('no package lists yet: apt-get update, then install again', () => {
  const w = world({ faketimeAfter: 1, statuses: [100, 0, 0] });
  expect(ensureTestTools(w.deps)).toMatchObject({ ok: true });
  expect(w.calls).toEqual(['apt-get install -y -qq faketime', 'apt-get update -qq', 'apt-get install -y -qq faketime']);
});

test('install failing after the update: one line with apt-get\'s own last line and the manual command', () => {
  const w = world({ faketimeAfter: 1, statuses: [100, 0, 100] });
  const r = ensureTestTools(w.deps);
  expect(r).toEqual({ ok: false, message: `apt-get install faketime failed (E: Unable to locate package faketime); ${FAKETIME_INSTALL_HINT}` });
  expect((r as { message: string }).message).not.toContain('\n');
});

test('update failing: says so, does not retry the install', () => {
  const w = world({ faketimeAfter: 1, statuses: [100, 100] });
  expect(ensureTestTools(w.deps)).toEqual({ ok: false, message: `apt-get update failed (E: Unable to locate package faketime); ${FAKETIME_INSTALL_HINT}` });
  expect(w.calls).toHaveLength(2);
});

test('installed but still not found: names the way out', () => {
  const w = world({ faketimeAfter: 99 });
  expect(ensureTestTools(w.deps)).toEqual({ ok: false, message: 'apt-get installed faketime, yet libfaketimeMT.so.1 is still not found: set FAKETIME_LIB to its path' });
});

test('findMoto honours $MOTO_SERVER, then PATH; findFaketime honours $FAKETIME_LIB', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamc-tools-'));
  const exe = join(dir, 'moto_server');
  writeFileSync(exe, '#!/bin/sh\n');
  chmodSync(exe, 0o755);
  expect(findMoto({ PATH: `/nonexistent:${dir}` })).toBe(exe);
  expect(findMoto({ PATH: '/nonexistent' })).toBeNull();
  expect(findMoto({ PATH: '', MOTO_SERVER: exe })).toBe(exe);
  expect(findMoto({ PATH: dir, MOTO_SERVER: join(dir, 'missing') })).toBeNull();
  expect(findFaketime({ FAKETIME_LIB: exe })).toBe(exe);
  expect(findFaketime({ FAKETIME_LIB: join(dir, 'missing.so') })).toBeNull();
  // This machine has Debian's package: found without help.
  expect(findFaketime({})).toBe(LIB);
});
