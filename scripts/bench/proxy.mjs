// The bench's stand-in for AWS's edge: a proxy in front of moto_server that adds a fixed latency
// to every call and enforces a token-bucket rate per AWS account on IAM, answering as IAM does
// when it is exceeded (HTTP 400, `Throttling: Rate exceeded`). It counts every call by account,
// service and operation, and the throttled ones. Same ideas as __tests__/helpers/aws-proxy.ts,
// in plain JavaScript because the bench runs under node, not jest.
//
// Which account a call belongs to: the access key id in its SigV4 Authorization header, mapped
// to an account when the proxy sees the AssumeRole answer that issued it (moto keys each
// account's state by the account in the assumed role's ARN, so this is the account moto uses).
import { createServer, request as httpRequest } from 'node:http';

const KEY_RE = /Credential=([^/]+)\/[^/]+\/[^/]+\/([^/]+)\//;

/** A token bucket: `rate` tokens a second, `burst` at most; `take()` is false when empty. */
export function tokenBucket(rate, burst, now = () => performance.now()) {
  let tokens = burst;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * rate);
      last = t;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    },
  };
}

function forward(upstream, req, body) {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: upstream.host };
    delete headers.connection;
    const out = httpRequest({ hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent: keepAlive }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const h = {};
        for (const [k, v] of Object.entries(res.headers)) {
          if (v === undefined || ['connection', 'transfer-encoding', 'content-length', 'keep-alive'].includes(k)) continue;
          h[k] = Array.isArray(v) ? v.join(', ') : v;
        }
        resolve({ status: res.statusCode ?? 502, headers: h, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    out.on('error', reject);
    out.end(body);
  });
}

import { Agent } from 'node:http';
const keepAlive = new Agent({ keepAlive: true, maxSockets: 64 });

function describe(req, body) {
  const auth = req.headers.authorization ?? '';
  const m = KEY_RE.exec(Array.isArray(auth) ? auth[0] : auth);
  const target = req.headers['x-amz-target'];
  let service = m?.[2] ?? 'unknown';
  let action = 'unknown';
  let params = {};
  if (typeof target === 'string') {
    action = target.split('.')[1] ?? target;
  } else {
    const ct = req.headers['content-type'] ?? '';
    const form = ct.includes('application/x-www-form-urlencoded') ? new URLSearchParams(body.toString('utf8')) : new URL(req.url ?? '/', 'http://x').searchParams;
    const a = form.get('Action');
    if (a) {
      action = a;
      params = Object.fromEntries(form);
      if (service === 'unknown') service = 'sts';
    } else {
      action = `${req.method} ${new URL(req.url ?? '/', 'http://x').pathname.split('/').length > 2 ? 'object' : 'bucket'}`;
    }
  }
  return { keyId: m?.[1], service, action, params };
}

const throttleBody = (n) =>
  '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>' +
  `<Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>bench-throttle-${n}</RequestId></ErrorResponse>`;

/**
 * Also answers ListServiceSpecificCredentials, which moto 5.2 lacks (see emulateMotoGaps in the
 * test proxy), as IAM does for a user without such credentials.
 */
const SSC_BODY =
  '<ListServiceSpecificCredentialsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">' +
  '<ListServiceSpecificCredentialsResult><ServiceSpecificCredentials/></ListServiceSpecificCredentialsResult>' +
  '<ResponseMetadata><RequestId>bench</RequestId></ResponseMetadata></ListServiceSpecificCredentialsResponse>';

/**
 * @param {{ upstream: string, latencyMs: number, iamRps: number, iamBurst?: number }} opts
 */
export async function startBenchProxy(opts) {
  const upstream = new URL(opts.upstream);
  const accountOfKey = new Map();
  const buckets = new Map();
  let stats;
  let seq = 0;
  const reset = () => {
    stats = { calls: 0, throttled: 0, byAccount: {} };
    buckets.clear();
  };
  reset();
  const bucketFor = (account) => {
    let b = buckets.get(account);
    if (!b) {
      b = tokenBucket(opts.iamRps, opts.iamBurst ?? opts.iamRps);
      buckets.set(account, b);
    }
    return b;
  };
  const count = (account, service, action, throttled) => {
    stats.calls++;
    const a = (stats.byAccount[account] ??= { calls: 0, throttled: 0, ops: {}, first: performance.now(), last: 0 });
    a.calls++;
    a.last = performance.now();
    const key = `${service}:${action}`;
    const o = (a.ops[key] ??= { calls: 0, throttled: 0 });
    o.calls++;
    if (throttled) {
      o.throttled++;
      a.throttled++;
      stats.throttled++;
    }
  };

  async function handle(req, res) {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    const call = describe(req, body);
    const n = ++seq;
    await new Promise((r) => setTimeout(r, opts.latencyMs));
    const account = (call.keyId && accountOfKey.get(call.keyId)) ?? 'base';
    let answer;
    if (call.service === 'iam' && !bucketFor(account).take()) {
      count(account, call.service, call.action, true);
      answer = { status: 400, headers: { 'content-type': 'text/xml' }, body: throttleBody(n) };
    } else {
      count(account, call.service, call.action, false);
      if (call.action === 'ListServiceSpecificCredentials') {
        answer = { status: 200, headers: { 'content-type': 'text/xml' }, body: SSC_BODY };
      } else {
        answer = await forward(upstream, req, body);
      }
      if (call.action === 'AssumeRole' && answer.status === 200) {
        const key = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(answer.body.toString('utf8'))?.[1];
        const acct = /^arn:[^:]+:iam::(\d{12}):/.exec(call.params.RoleArn ?? '')?.[1];
        if (key && acct) accountOfKey.set(key, acct);
      }
      if (call.action === 'CreateAccessKey' && answer.status === 200) {
        const key = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(answer.body.toString('utf8'))?.[1];
        if (key) accountOfKey.set(key, account);
      }
    }
    const payload = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(payload.length) });
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`bench-proxy: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    /** Counters since the last reset (buckets refill from full at reset). */
    stats: () => structuredClone(stats),
    reset,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        keepAlive.destroy();
      }),
  };
}
