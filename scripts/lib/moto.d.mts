// Types for moto.mjs (plain JS, shared by the Jest helpers, the bench and the demo).

export declare const MOTO_INSTALL_HINT: string;
export declare const FAKETIME_INSTALL_HINT: string;
export declare function findMoto(env?: NodeJS.ProcessEnv): string | null;
export declare function findFaketime(env?: NodeJS.ProcessEnv): string | null;
export declare function freePort(): Promise<number>;
/** libfaketime's "@YYYY-MM-DD hh:mm:ss" (UTC) for an instant. */
export declare function faketimeAt(instant: Date | string): string;

export interface MotoServerProcess {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  port: number;
  pid: number | undefined;
  /** POST /moto-api/reset: forgets every resource in every account and region. */
  reset(): Promise<void>;
  stop(): Promise<void>;
  /** Present when started with `faketime`: the file libfaketime reads moto's clock from. */
  timeFile?: string;
  /** Writes a libfaketime spec ("+91d", "+0", "@2027-03-05 00:00:00"). */
  setOffset?(spec: string): void;
  /** moto's wall clock runs on from `instant`. */
  setNow?(instant: Date | string): void;
}

export interface StartMotoServerOptions {
  /** Default: findMoto(). */
  command?: string;
  /** Extra environment for the server (wins over the defaults). */
  env?: Record<string, string>;
  /** Run under libfaketime; `file` (absolute) is created with "+0" when absent or not given. */
  faketime?: { file?: string; lib?: string };
  timeoutMs?: number;
}

export declare function startMotoServer(opts?: StartMotoServerOptions): Promise<MotoServerProcess>;
