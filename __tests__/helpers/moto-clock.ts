/**
 * moto_server's clock, moved with the tool's (DESIGN.md section 8): moto runs under libfaketime
 * (Debian's `faketime` package) reading its offset from a file on every call, so a test moves
 * CreateDate and last-use stamps to the day it runs the tool at (`now`) by rewriting the file.
 *
 *   const clock = motoClock();
 *   moto = await startMoto({ env: clock.env });
 *   clock.set(new Date(t0 + 91 * DAY));   // moto now thinks it is day 91
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1', '/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1', '/usr/lib/faketime/libfaketimeMT.so.1'];

export interface MotoClock {
  /** Environment for startMoto. */
  env: Record<string, string>;
  /** From now on moto's clock reads `now` (and runs on from there). */
  set(now: Date): void;
}

export function motoClock(): MotoClock {
  const lib = process.env.FAKETIME_LIB ?? CANDIDATES.find((p) => existsSync(p));
  if (lib === undefined) throw new Error('libfaketime not found: install the faketime package (apt-get install -y faketime) or set FAKETIME_LIB');
  const file = join(mkdtempSync(join(tmpdir(), 'moto-clock-')), 'offset');
  writeFileSync(file, '+0\n');
  return {
    env: { LD_PRELOAD: lib, FAKETIME_TIMESTAMP_FILE: file, FAKETIME_NO_CACHE: '1', DONT_FAKE_MONOTONIC: '1' },
    set(now) {
      writeFileSync(file, `${Math.round((now.getTime() - Date.now()) / 1000) >= 0 ? '+' : ''}${Math.round((now.getTime() - Date.now()) / 1000)}\n`);
    },
  };
}
