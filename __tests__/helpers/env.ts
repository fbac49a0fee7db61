/**
 * process.env for a test, restored afterwards. @actions/core and the AWS SDK read process.env
 * directly, so tests that point them at local servers set it here.
 *
 *   const restore = setEnv({ AWS_ENDPOINT_URL: proxy.endpoint, GITHUB_ACTIONS: undefined });
 *   try { ... } finally { restore(); }
 *
 * or `await withEnv(vars, async () => { ... })`. `undefined` removes a variable.
 */
export type EnvPatch = Record<string, string | undefined>;

export function setEnv(patch: EnvPatch): () => void {
  const saved = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries(patch)) {
    saved.set(k, process.env[k]);
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

export async function withEnv<T>(patch: EnvPatch, fn: () => Promise<T>): Promise<T> {
  const restore = setEnv(patch);
  try {
    return await fn();
  } finally {
    restore();
  }
}

/**
 * Environment for AWS SDK clients talking to a local emulator: static dummy credentials, a
 * region, every endpoint at `endpoint`, and nothing from the developer's own AWS setup.
 */
export function awsTestEnv(endpoint: string): EnvPatch {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ENDPOINT_URL_IAM: undefined,
    AWS_ENDPOINT_URL_STS: undefined,
    AWS_ENDPOINT_URL_S3: undefined,
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'test-secret-not-real',
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  };
}

/**
 * Hides the workflow commands @actions/core writes to stdout (`::add-mask::`, `::debug::`,
 * `::set-output` ...) for the duration of a test file; returns the lines it swallowed so a test
 * can assert on them. Call the returned `restore` in afterAll.
 */
export function captureWorkflowCommands(): { lines: string[]; restore: () => void } {
  const lines: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  const patched = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.startsWith('::')) {
      lines.push(...text.split('\n').filter((l) => l !== ''));
      return true;
    }
    return (original as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  process.stdout.write = patched;
  return {
    lines,
    restore: () => {
      process.stdout.write = original;
    },
  };
}
