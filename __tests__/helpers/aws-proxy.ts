/**
 * A recording, fault-injecting HTTP proxy in front of moto (or any AWS endpoint).
 *
 *   const proxy = await startAwsProxy(moto.endpoint);
 *   // SDK clients: AWS_ENDPOINT_URL=proxy.endpoint (see ./env.ts awsTestEnv)
 *   proxy.inject({ action: 'AssumeRoleWithWebIdentity', status: 403, code: 'AccessDenied', message: 'Not authorized' });
 *   proxy.inject(throttling('ListAccessKeys', { times: 2 }));
 *   ... run code ...
 *   expect(proxy.count('ListAccessKeys')).toBe(3);
 *   proxy.clear();   // between tests: forget calls and rules
 *   await proxy.stop();
 *
 * Recording: every request becomes an AwsCall with its service (from the SigV4 credential scope,
 * the X-Amz-Target prefix, or the Action for unsigned STS calls) and action: the `Action=` form
 * field of query-protocol services (IAM, STS), the operation of `X-Amz-Target` for JSON services
 * (Secrets Manager), and a best-effort operation name for S3 REST calls (`HeadBucket`,
 * `GetBucketPolicy`, ... with `method` and `path` kept as they were).
 *
 * Injection: rules are checked in the order added; the first that matches a call handles it,
 * `times` times (default: always). A rule answers with an AWS error in the service's wire format
 * (`status`, `code`, `message`), drops the connection (`network: 'reset'`), waits (`delayMs`,
 * then forwards unless it also answers), or takes full control (`respond`, which may call
 * `forward()` and rewrite moto's answer, e.g. to serve truncated pages).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AwsCall {
  /** 1-based order of arrival. */
  seq: number;
  /** `iam`, `sts`, `s3`, `secretsmanager`, ... or `unknown`. */
  service: string;
  /** Operation name, e.g. `ListAccessKeys`, `GetSecretValue`, `HeadBucket`. */
  action: string;
  method: string;
  /** Path and query as sent. */
  path: string;
  /** Query-protocol form fields, or the URL query for REST calls. */
  params: Record<string, string>;
  /** Parsed body of JSON-protocol calls. */
  json?: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** Status returned to the client (0 if the connection was dropped). Set once answered. */
  status?: number;
  /** Whether a rule answered instead of the upstream. */
  injected: boolean;
}

export interface ProxyResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

export interface FaultRule {
  service?: string;
  /** Exact action name, or a pattern. */
  action?: string | RegExp;
  /** Any further condition, e.g. `(c) => c.params.UserName === 'x'`. */
  when?: (call: AwsCall) => boolean;
  /** How many matching calls this rule handles. Default: all. */
  times?: number;
  /** Answer with an AWS error: HTTP status, error code and message. */
  status?: number;
  code?: string;
  message?: string;
  /** Drop the connection without answering (the SDK sees ECONNRESET / socket hang up). */
  network?: 'reset';
  /** Wait before answering or forwarding. */
  delayMs?: number;
  /** Full control; `forward()` sends the request upstream and returns its answer. */
  respond?: (call: AwsCall, forward: () => Promise<ProxyResponse>) => Promise<ProxyResponse>;
}

export interface ActiveRule {
  readonly rule: FaultRule;
  /** Calls this rule has handled. */
  readonly hits: number;
  remove(): void;
}

/**
 * Runs around every call (not the moto control API): `before` while the client waits, the
 * state between its previous call and this one (to check an invariant at every instant);
 * `after` once the answer is known and before the client gets it (to kill the client right
 * after a call took effect).
 */
export interface CallHook {
  before?: (call: AwsCall) => Promise<void>;
  after?: (call: AwsCall) => Promise<void>;
}

export interface AwsProxy {
  endpoint: string;
  /** Adds a hook; returns its removal. Hooks are forgotten by `clear()`. */
  hook(h: CallHook): () => void;
  /** Every call so far, in order. */
  readonly calls: readonly AwsCall[];
  /** Number of calls of `action` (optionally only for `service`). */
  count(action: string, service?: string): number;
  /** Action names in call order, e.g. for `toEqual([...])`. */
  actions(service?: string): string[];
  inject(rule: FaultRule): ActiveRule;
  /** Forget calls and rules. */
  clear(): void;
  stop(): Promise<void>;
}

/** IAM's throttling error (HTTP 400, `Throttling: Rate exceeded`), `times` times or always. */
export function throttling(action: string | RegExp, opts: { times?: number; service?: string } = {}): FaultRule {
  return { action, status: 400, code: 'Throttling', message: 'Rate exceeded', ...opts };
}

/** An AccessDenied error (HTTP 403) with the given message. */
export function accessDenied(action: string | RegExp, message: string, opts: { times?: number; service?: string } = {}): FaultRule {
  return { action, status: 403, code: 'AccessDenied', message, ...opts };
}

const UNSIGNED_STS_ACTIONS = new Set(['AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML']);
const QUERY_VERSIONS: Record<string, string> = { iam: '2010-05-08', sts: '2011-06-15' };

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function scopeService(req: IncomingMessage): string | undefined {
  const auth = header(req, 'authorization');
  return auth === undefined ? undefined : /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(auth)?.[1];
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Best-effort S3 operation name from a path-style REST request. */
export function s3Action(method: string, path: string): string {
  const url = new URL(path, 'http://x');
  const parts = url.pathname.split('/').filter((p) => p !== '');
  const sub = [...url.searchParams.keys()].find((k) => !['x-id', 'prefix', 'max-keys', 'list-type', 'continuation-token', 'delimiter', 'encoding-type', 'versionId'].includes(k));
  const verb = method === 'PUT' ? 'Put' : method === 'DELETE' ? 'Delete' : method === 'HEAD' ? 'Head' : method === 'POST' ? 'Post' : 'Get';
  if (parts.length === 0) return method === 'GET' ? 'ListBuckets' : `${verb}Service`;
  if (parts.length === 1) {
    if (sub !== undefined) {
      if (sub === 'publicAccessBlock') return `${verb}PublicAccessBlock`;
      if (sub === 'delete' && method === 'POST') return 'DeleteObjects';
      return `${verb}Bucket${cap(sub)}`;
    }
    if (method === 'PUT') return 'CreateBucket';
    if (method === 'GET') return url.searchParams.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
    return `${verb}Bucket`;
  }
  return sub !== undefined ? `${verb}Object${cap(sub)}` : `${verb}Object`;
}

function describe(req: IncomingMessage, body: Buffer, seq: number): AwsCall {
  const method = req.method ?? 'GET';
  const path = req.url ?? '/';
  const target = header(req, 'x-amz-target');
  const contentType = header(req, 'content-type') ?? '';
  const call: AwsCall = { seq, service: 'unknown', action: 'unknown', method, path, params: {}, headers: req.headers, injected: false };
  const scoped = scopeService(req);
  if (path.startsWith('/moto-api')) {
    call.service = 'moto';
    call.action = path;
    return call;
  }
  if (target !== undefined) {
    const [prefix, op] = target.split('.');
    call.service = scoped ?? prefix?.toLowerCase() ?? 'unknown';
    call.action = op ?? target;
    try {
      call.json = body.length > 0 ? JSON.parse(body.toString('utf8')) : undefined;
    } catch {
      // Not JSON: leave it out.
    }
    return call;
  }
  const form = contentType.includes('application/x-www-form-urlencoded') ? new URLSearchParams(body.toString('utf8')) : undefined;
  const query = new URL(path, 'http://x').searchParams;
  const action = form?.get('Action') ?? query.get('Action');
  if (action) {
    call.action = action;
    call.params = Object.fromEntries(form ?? query);
    call.service = scoped ?? (UNSIGNED_STS_ACTIONS.has(action) ? 'sts' : 'unknown');
    return call;
  }
  call.service = scoped ?? 's3';
  call.params = Object.fromEntries(query);
  call.action = call.service === 's3' ? s3Action(method, path) : `${method} ${path}`;
  return call;
}

function errorResponse(call: AwsCall, status: number, code: string, message: string): ProxyResponse {
  const requestId = `injected-${call.seq}`;
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (call.json !== undefined || call.headers['x-amz-target'] !== undefined) {
    return {
      status,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code, 'x-amzn-requestid': requestId },
      body: JSON.stringify({ __type: code, message }),
    };
  }
  if (call.service === 's3') {
    return {
      status,
      headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
      body:
        call.method === 'HEAD'
          ? ''
          : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${esc(code)}</Code><Message>${esc(message)}</Message><RequestId>${requestId}</RequestId></Error>`,
    };
  }
  const version = QUERY_VERSIONS[call.service] ?? '2010-05-08';
  const service = call.service === 'unknown' ? 'iam' : call.service;
  return {
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body:
      `<ErrorResponse xmlns="https://${service}.amazonaws.com/doc/${version}/"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type>` +
      `<Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}

function forwardTo(upstream: URL, req: IncomingMessage, body: Buffer): Promise<ProxyResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: upstream.host };
    delete headers.connection;
    const out = httpRequest(
      { hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (v === undefined || ['connection', 'transfer-encoding', 'content-length', 'keep-alive'].includes(k)) continue;
            h[k] = Array.isArray(v) ? v.join(', ') : v;
          }
          resolve({ status: res.statusCode ?? 502, headers: h, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

function matches(rule: FaultRule, call: AwsCall): boolean {
  if (rule.service !== undefined && rule.service !== call.service) return false;
  if (rule.action !== undefined) {
    if (typeof rule.action === 'string' ? rule.action !== call.action : !rule.action.test(call.action)) return false;
  }
  return rule.when === undefined || rule.when(call);
}

export async function startAwsProxy(upstreamEndpoint: string): Promise<AwsProxy> {
  const upstream = new URL(upstreamEndpoint);
  const calls: AwsCall[] = [];
  interface Slot {
    rule: FaultRule;
    hits: number;
    removed: boolean;
  }
  let rules: Slot[] = [];
  let hooks: CallHook[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const call = describe(req, body, calls.length + 1);
    calls.push(call);
    if (call.service !== 'moto') for (const h of hooks) await h.before?.(call);
    const slot = rules.find((s) => !s.removed && (s.rule.times === undefined || s.hits < s.rule.times) && matches(s.rule, call));
    const forward = (): Promise<ProxyResponse> => forwardTo(upstream, req, body);
    let answer: ProxyResponse;
    if (slot === undefined) {
      answer = await forward();
    } else {
      slot.hits++;
      const rule = slot.rule;
      if (rule.delayMs !== undefined) await new Promise((r) => setTimeout(r, rule.delayMs));
      if (rule.network === 'reset') {
        call.status = 0;
        call.injected = true;
        req.socket.destroy();
        return;
      }
      if (rule.respond !== undefined) {
        answer = await rule.respond(call, forward);
        call.injected = true;
      } else if (rule.code !== undefined || rule.status !== undefined) {
        answer = errorResponse(call, rule.status ?? 400, rule.code ?? 'InternalError', rule.message ?? rule.code ?? 'Injected error');
        call.injected = true;
      } else {
        answer = await forward();
      }
    }
    call.status = answer.status;
    if (call.service !== 'moto') for (const h of hooks) await h.after?.(call);
    const payload = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(payload.length) });
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`aws-proxy: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    get calls() {
      return calls;
    },
    count(action, service) {
      return calls.filter((c) => c.action === action && (service === undefined || c.service === service)).length;
    },
    actions(service) {
      return calls.filter((c) => service === undefined || c.service === service).map((c) => c.action);
    },
    hook(h) {
      hooks.push(h);
      return () => {
        hooks = hooks.filter((x) => x !== h);
      };
    },
    inject(rule) {
      const slot: Slot = { rule, hits: 0, removed: false };
      rules.push(slot);
      return {
        rule,
        get hits() {
          return slot.hits;
        },
        remove() {
          slot.removed = true;
        },
      };
    },
    clear() {
      calls.length = 0;
      for (const s of rules) s.removed = true;
      rules = [];
      hooks = [];
    },
    stop() {
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/**
 * moto 5.2 does not implement ListServiceSpecificCredentials (it answers 500 with an HTML
 * page); real IAM does, and the user teardown must call it. The proxy answers it as IAM does
 * for a user without such credentials. Rules are forgotten by `proxy.clear()`: call again after.
 */
export function emulateMotoGaps(proxy: AwsProxy): void {
  proxy.inject({
    action: 'ListServiceSpecificCredentials',
    respond: (call) =>
      Promise.resolve({
        status: 200,
        headers: { 'content-type': 'text/xml' },
        body:
          '<ListServiceSpecificCredentialsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">' +
          '<ListServiceSpecificCredentialsResult><ServiceSpecificCredentials/></ListServiceSpecificCredentialsResult>' +
          `<ResponseMetadata><RequestId>emulated-${call.seq}</RequestId></ResponseMetadata></ListServiceSpecificCredentialsResponse>`,
      }),
  });
}
