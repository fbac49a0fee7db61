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
 * `startMoto({ faketime: true })` runs it under libfaketime so its clock can move: see
 * ./time.ts, which moves moto's clock and the tool's (IAM_CONNECTIONS_NOW) together.
 *
 * Cost (measured on the dev machine): start about 0.25 s; reset about 10 ms. The AWS-managed
 * policies (MOTO_IAM_LOAD_MANAGED_POLICIES=true) load lazily on the first IAM call after
 * start or reset of an account, about 0.5 s each time, so prefer few resets over many.
 *
 * The process itself is started by scripts/lib/moto.mjs (shared with the bench and the demo);
 * the child is killed on stop(), on process exit, and if the test process is interrupted.
 */
import { freePort as freePortShared, startMotoServer } from '../../scripts/lib/moto.mjs';

export interface MotoServer {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  port: number;
  /** POST /moto-api/reset: forgets every resource in every account and region. */
  reset(): Promise<void>;
  stop(): Promise<void>;
  /** With `faketime`: writes a libfaketime spec ("+91d", "+0", "@2027-03-05 00:00:00") to moto's clock file. */
  setOffset?(spec: string): void;
  /** With `faketime`: moto's wall clock runs on from `instant`. */
  setNow?(instant: Date | string): void;
}

/** A port the OS says is free now (bind port 0, read it, close). */
export const freePort: () => Promise<number> = freePortShared;

export interface StartMotoOptions {
  /** Default `moto_server` on PATH (or $MOTO_SERVER). */
  command?: string;
  /** Extra environment for the server. */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Run under libfaketime (the Jest global setup makes sure it is installed). */
  faketime?: boolean;
}

export async function startMoto(opts: StartMotoOptions = {}): Promise<MotoServer> {
  return startMotoServer({
    ...(opts.command ? { command: opts.command } : {}),
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.faketime ? { faketime: {} } : {}),
  });
}
