// Types for test-tools.mjs.
export interface TestToolsDeps {
  findMoto?: () => string | null;
  findFaketime?: () => string | null;
  isRoot?: boolean;
  hasAptGet?: () => boolean;
  run?: (cmd: string, args: string[]) => { status: number; output: string };
  log?: (line: string) => void;
}
export type TestTools = { ok: true; moto: string; faketime: string } | { ok: false; message: string };
export declare function ensureTestTools(deps?: TestToolsDeps): TestTools;
