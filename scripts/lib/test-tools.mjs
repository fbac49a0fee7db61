// The parts the tests need outside npm: moto_server, and libfaketime to move moto's clock.
// Used by Jest's global setup (scripts/jest-global-setup.mjs) so a missing part stops the run at
// once with the one line that installs it, instead of a spawn error in every suite.
import { spawnSync } from 'node:child_process';
import { FAKETIME_INSTALL_HINT, MOTO_INSTALL_HINT, findFaketime, findMoto } from './moto.mjs';

function defaultRun(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return { status: r.status ?? 1, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

function defaultHasAptGet() {
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

const lastLine = (text) => text.trim().split('\n').filter(Boolean).pop() ?? '';

/**
 * Makes sure moto_server and libfaketime are there. Installs libfaketime with apt-get when this
 * process may (root, apt-get present), saying so in one line through `log`.
 * Returns { ok: true, moto, faketime } or { ok: false, message } (one line, what to run).
 * Every lookup and effect can be replaced, for the tests of this function.
 */
export function ensureTestTools(deps = {}) {
  const {
    findMoto: lookMoto = findMoto,
    findFaketime: lookFaketime = findFaketime,
    isRoot = typeof process.getuid === 'function' && process.getuid() === 0,
    hasAptGet = defaultHasAptGet,
    run = defaultRun,
    log = (line) => process.stderr.write(`${line}\n`),
  } = deps;
  const moto = lookMoto();
  if (!moto) return { ok: false, message: MOTO_INSTALL_HINT };
  let faketime = lookFaketime();
  if (faketime) return { ok: true, moto, faketime };
  if (!isRoot || !hasAptGet()) return { ok: false, message: FAKETIME_INSTALL_HINT };
  log('libfaketime not found: installing it with `apt-get install -y faketime` (the tests move moto\'s clock with it)');
  let r = run('apt-get', ['install', '-y', '-qq', 'faketime']);
  if (r.status !== 0) {
    // A fresh container has no package lists yet: fetch them once and try again.
    const update = run('apt-get', ['update', '-qq']);
    if (update.status !== 0) return { ok: false, message: `apt-get update failed (${lastLine(update.output)}); ${FAKETIME_INSTALL_HINT}` };
    r = run('apt-get', ['install', '-y', '-qq', 'faketime']);
  }
  if (r.status !== 0) return { ok: false, message: `apt-get install faketime failed (${lastLine(r.output)}); ${FAKETIME_INSTALL_HINT}` };
  faketime = lookFaketime();
  if (!faketime) return { ok: false, message: 'apt-get installed faketime, yet libfaketimeMT.so.1 is still not found: set FAKETIME_LIB to its path' };
  return { ok: true, moto, faketime };
}
