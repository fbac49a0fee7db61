// moto_server (the AWS emulator) for the tests, the bench and the demo, optionally under
// libfaketime so a test can move moto's clock together with the tool's (IAM_CONNECTIONS_NOW).
//
//   const moto = await startMotoServer({ faketime: {} });
//   moto.setNow('2027-03-05T00:00:00Z');   // or moto.setOffset('+91d')
//   ...
//   await moto.stop();
//
// Faketime: moto runs with LD_PRELOAD=<libfaketimeMT.so.1>, FAKETIME_TIMESTAMP_FILE=<file> and
// FAKETIME_NO_CACHE=1, so every clock read in moto re-reads that one file: writing "+91d" moves
// it 91 days ahead at once, "@2027-03-05 00:00:00" makes it run on from that instant.
// The monotonic clock moves with it on purpose: with FAKETIME_DONT_FAKE_MONOTONIC=1, libfaketime
// 0.9.10 makes Python's time.sleep fail with EINVAL and moto answers up to ten times slower
// (measured: ListUsers p50 170 ms against 12 ms). Faked as a whole, moto answers as fast as
// without libfaketime, and the clock can move forwards and back while it runs.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';

export const MOTO_INSTALL_HINT = "moto_server not found: install it with `pipx install 'moto[server]'` (moto 5.x)";
export const FAKETIME_INSTALL_HINT = 'libfaketime not found: install it with `sudo apt-get install -y faketime` (Debian/Ubuntu; the tests move moto\'s clock with it)';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `name` as a path, or the first executable of that name on PATH; null when there is none. */
function which(name, env = process.env) {
  if (name.includes('/')) return isExecutable(name) ? name : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** The moto_server command ($MOTO_SERVER, else `moto_server` on PATH), or null when missing. */
export function findMoto(env = process.env) {
  return which(env.MOTO_SERVER || 'moto_server', env);
}

/**
 * libfaketimeMT.so.1 ($FAKETIME_LIB, else Debian's multiarch folders and the usual prefixes),
 * or null when missing. The MT (multi-threaded) build, because moto_server answers on threads.
 */
export function findFaketime(env = process.env) {
  if (env.FAKETIME_LIB) return existsSync(env.FAKETIME_LIB) ? env.FAKETIME_LIB : null;
  const candidates = [];
  for (const root of ['/usr/lib', '/usr/local/lib', '/usr/lib64']) {
    candidates.push(join(root, 'faketime', 'libfaketimeMT.so.1'));
    let entries = [];
    try {
      entries = readdirSync(root, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) if (e.isDirectory() && e.name.endsWith('-linux-gnu')) candidates.push(join(root, e.name, 'faketime', 'libfaketimeMT.so.1'));
  }
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** A port the OS says is free now (bind port 0, read it, close). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** libfaketime's absolute start format for an instant, in UTC (moto runs with TZ=UTC). */
export function faketimeAt(instant) {
  const d = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(d.getTime())) throw new Error(`not an instant: ${String(instant)}`);
  return `@${d.toISOString().slice(0, 19).replace('T', ' ')}`;
}

const live = new Set();
let exitHookInstalled = false;

// A failing test or a Ctrl-C must not leave moto_server processes behind.
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = () => {
    for (const child of live) child.kill('SIGKILL');
  };
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => {
      killAll();
      process.kill(process.pid, sig);
    });
  }
}

async function waitUntilUp(endpoint, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with code ${child.exitCode} before answering:\n${output()}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`moto_server did not answer at ${endpoint} within ${timeoutMs} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      live.delete(child);
      resolve();
      return;
    }
    const hardKill = setTimeout(() => child.kill('SIGKILL'), 2000);
    child.once('exit', () => {
      clearTimeout(hardKill);
      live.delete(child);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts moto_server on a free loopback port with MOTO_IAM_LOAD_MANAGED_POLICIES=true.
 * Options: `command` (default findMoto()), `env` (extra environment, wins over the defaults),
 * `faketime` (an object, `{ file?, lib? }`: run under libfaketime, the clock read from `file`,
 * created with "+0" when absent or not given), `timeoutMs` (default 60 s: a loaded CI machine can take 20 s to import moto).
 * Throws MOTO_INSTALL_HINT / FAKETIME_INSTALL_HINT when a part is missing.
 */
export async function startMotoServer(opts = {}) {
  installExitHook();
  const command = opts.command ?? findMoto();
  if (!command) throw new Error(MOTO_INSTALL_HINT);
  const env = { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' };
  let timeFile;
  if (opts.faketime) {
    const lib = opts.faketime.lib ?? findFaketime();
    if (!lib) throw new Error(FAKETIME_INSTALL_HINT);
    timeFile = opts.faketime.file ?? join(mkdtempSync(join(tmpdir(), 'moto-time-')), 'faketime');
    if (!isAbsolute(timeFile)) throw new Error(`faketime.file must be an absolute path (moto may run elsewhere): ${timeFile}`);
    if (!existsSync(timeFile)) writeFileSync(timeFile, '+0\n');
    Object.assign(env, {
      LD_PRELOAD: [lib, process.env.LD_PRELOAD].filter(Boolean).join(' '),
      FAKETIME_TIMESTAMP_FILE: timeFile,
      FAKETIME_NO_CACHE: '1',
      // "@YYYY-MM-DD hh:mm:ss" is read in local time: make local time UTC.
      TZ: 'UTC',
    });
  }
  Object.assign(env, opts.env);
  // Two tries: another process can take the free port between our probe and moto's bind.
  let lastError;
  for (let attempt = 0; attempt < 2; attempt++) {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const child = spawn(command, ['-H', '127.0.0.1', '-p', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    let log = '';
    const keep = (b) => {
      log = (log + b.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const spawnError = new Promise((_, reject) => child.once('error', reject));
    spawnError.catch(() => undefined);
    try {
      await Promise.race([waitUntilUp(endpoint, child, () => log, opts.timeoutMs ?? 60_000), spawnError]);
    } catch (err) {
      child.kill('SIGKILL');
      live.delete(child);
      if (err?.code === 'ENOENT') throw new Error(MOTO_INSTALL_HINT);
      lastError = err;
      continue;
    }
    // Don't let request logs pile up in memory.
    child.stdout.removeListener('data', keep);
    child.stderr.removeListener('data', keep);
    child.stdout.resume();
    child.stderr.resume();
    const server = {
      endpoint,
      port,
      pid: child.pid,
      async reset() {
        const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
      },
      stop: () => stopChild(child),
    };
    if (timeFile) {
      const file = timeFile;
      Object.assign(server, {
        timeFile: file,
        /** Writes a libfaketime spec ("+91d", "-1h", "+0", "@2027-03-05 00:00:00"); moto's next clock read uses it. */
        setOffset(spec) {
          writeFileSync(file, `${spec}\n`);
        },
        /** moto's clock runs on from `instant` (an ISO string or a Date), starting at its next clock read. */
        setNow(instant) {
          writeFileSync(file, `${faketimeAt(instant)}\n`);
        },
      });
    }
    return server;
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
