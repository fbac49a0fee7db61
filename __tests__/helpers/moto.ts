/**
 * A real `moto_server` (AWS emulator) per test file, on a free loopback port.
 *
 *   let moto: MotoServer;
 *   beforeAll(async () => { moto = await startMoto(); });
 *   afterEach(() => moto.reset());
 *   afterAll(() => moto.stop());
 *
 * Point the SDK at it with `AWS_ENDPOINT_URL=moto.endpoint` (see ./env.ts) or, to count and
 * inject calls, at an AwsProxy in front of it (./aws-proxy.ts). Any access key works; moto maps
 * assumed-role sessions to the role's account, so multi-account tests work too.
 *
 * Cost (measured on the dev machine): start about 0.25 s; reset about 10 ms. The AWS-managed
 * policies (MOTO_IAM_LOAD_MANAGED_POLICIES=true) load lazily on the first IAM call after
 * start or reset of an account, about 0.5 s each time, so prefer few resets over many.
 *
 * The child is killed on stop(), on process exit, and if the test process is interrupted; a
 * failing test cannot leak it as long as afterAll runs stop() (Jest runs afterAll on failure).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface MotoServer {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  port: number;
  /** POST /moto-api/reset: forgets every resource in every account and region. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** A port the OS says is free now (bind port 0, read it, close). */
export function freePort(): Promise<number> {
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

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = (): void => {
    for (const child of live) child.kill('SIGKILL');
  };
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      killAll();
      process.kill(process.pid, sig);
    });
  }
}

async function waitUntilUp(endpoint: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`moto_server exited with code ${child.exitCode} before answering:\n${output()}`);
    }
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

export interface StartMotoOptions {
  /** Default `moto_server` on PATH (or $MOTO_SERVER). */
  command?: string;
  /** Extra environment for the server. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export async function startMoto(opts: StartMotoOptions = {}): Promise<MotoServer> {
  installExitHook();
  const command = opts.command ?? process.env.MOTO_SERVER ?? 'moto_server';
  // Two tries: another process can take the free port between our probe and moto's bind.
  let lastError: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const child = spawn(command, ['-H', '127.0.0.1', '-p', String(port)], {
      env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(child);
    let log = '';
    const keep = (b: Buffer): void => {
      log = (log + b.toString('utf8')).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
    spawnError.catch(() => undefined);
    try {
      await Promise.race([waitUntilUp(endpoint, child, () => log, opts.timeoutMs ?? 20_000), spawnError]);
    } catch (err) {
      child.kill('SIGKILL');
      live.delete(child);
      lastError = err;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error(`${command} not found: install it with \`pipx install 'moto[server]'\` (see DESIGN.md section 8).`);
      }
      continue;
    }
    // Don't let request logs pile up in memory.
    child.stdout?.removeListener('data', keep);
    child.stderr?.removeListener('data', keep);
    child.stdout?.resume();
    child.stderr?.resume();
    return {
      endpoint,
      port,
      async reset() {
        const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
      },
      stop() {
        return new Promise<void>((resolve) => {
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
      },
    };
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
