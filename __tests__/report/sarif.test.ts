import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Finding } from '../../src/diagnostics.js';
import type { Change } from '../../src/plan/model.js';
import { CATALOGUE } from '../../src/policy/catalogue.js';
import { FINGERPRINT_KEY, renderSarif, sarifUri, type SarifLog } from '../../src/report/sarif.js';
import { prodPlan } from './plans.js';

// ajv 6 is the validator that still speaks draft-04, the SARIF schema's dialect.
const require = createRequire(import.meta.url);
type Validate = ((data: unknown) => boolean) & { errors?: unknown };
interface AjvLike {
  addMetaSchema(schema: unknown): void;
  compile(schema: unknown): Validate;
}
const Ajv = require('ajv') as new (opts: Record<string, unknown>) => AjvLike;
const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8')) as unknown;

function validator(): Validate {
  const ajv = new Ajv({ schemaId: 'id', meta: false, allErrors: true, unknownFormats: 'ignore' });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
  return ajv.compile(schema);
}

function finding(over: Partial<Finding> = {}): Finding {
  return {
    check: 'policy/admin-equivalent',
    severity: 'warning',
    message: 'Statement 1 allows "*" on "*": administrator access',
    location: { file: 'connections.yaml', line: 12, column: 7 },
    connection: 'senhasegura',
    acknowledgeable: true,
    ...over,
  };
}

function change(over: Partial<Change> = {}): Change {
  return {
    id: 'prod/senhasegura/policy/senhasegura-cloud-iam/modified',
    account: 'prod',
    connection: 'senhasegura',
    resource: { type: 'policy', name: 'senhasegura-cloud-iam' },
    kind: 'modified',
    action: 'update',
    severity: 'high',
    security: true,
    reason: 'the policy allows iam:CreateAccessKey beyond the manifest: apply restores the declared document',
    at: { file: 'connections.yaml', line: 14, column: 9 },
    ...over,
  };
}

const plan = prodPlan;

const opts = { toolVersion: '0.1.0', manifestFile: 'connections.yaml' };
const results = (log: SarifLog) => log.runs[0]?.results ?? [];

describe('renderSarif', () => {
  test('validates against the SARIF 2.1.0 schema, with findings and plan changes', () => {
    const log = renderSarif(
      [
        finding(),
        finding({ check: 'manifest/unknown-key', severity: 'error', message: 'unknown key "polices"', fix: 'did you mean "policies"?', acknowledgeable: undefined }),
        finding({ check: 'vendor/known-risk', severity: 'notice', location: { file: 'preset:cloudcoreo', line: 3, column: 1 } }),
        finding({ acknowledged: { reason: 'the vendor manages every IAM user' } }),
      ],
      plan([change(), change({ id: 'prod/sekoia/user/sekoia/key-due', kind: 'key-due', severity: 'medium', security: false, at: undefined, resource: { type: 'access-key', name: 'sekoia/AKIA…MPLE' } })]),
      opts,
    );
    const validate = validator();
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(results(log)).toHaveLength(6);
  });

  test('the validator is not a rubber stamp: a broken log fails', () => {
    const log = renderSarif([finding()], undefined, opts) as unknown as { runs: { results: { level: string }[] }[]; version: string };
    const validate = validator();
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    const bad = JSON.parse(JSON.stringify(log)) as typeof log;
    (bad.runs[0]?.results[0] as { level: string }).level = 'fatal';
    expect(validate(bad)).toBe(false);
  });

  test('one rule per catalogue check, per unseen check id and per drift kind; results point at their rule', () => {
    const log = renderSarif([finding({ check: 'manifest/unknown-key', severity: 'error' })], plan([change()]), opts);
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    const ids = rules.map((r) => r.id);
    for (const c of CATALOGUE) expect(ids).toContain(c.id);
    expect(ids).toContain('manifest/unknown-key');
    expect(ids).toContain('drift/modified');
    expect(ids).toContain('drift/key-overdue');
    expect(new Set(ids).size).toBe(ids.length);
    expect(rules.find((r) => r.id === 'trust/missing-external-id')?.defaultConfiguration.level).toBe('error');
    expect(rules.find((r) => r.id === 'policy/retired-service')?.defaultConfiguration.level).toBe('note');
    for (const r of results(log)) expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
    const drift = results(log).find((r) => r.ruleId === 'drift/modified');
    expect(drift?.level).toBe('error');
    expect(drift?.locations[0]?.physicalLocation.region).toEqual({ startLine: 14, startColumn: 9 });
  });

  test('fingerprints survive lines moving, and differ between different problems', () => {
    const before = renderSarif([finding()], plan([change()]), opts);
    const moved = renderSarif(
      [finding({ location: { file: 'connections.yaml', line: 40, column: 3 } })],
      plan([change({ at: { file: 'connections.yaml', line: 52, column: 9 } })]),
      opts,
    );
    const fp = (log: SarifLog) => results(log).map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(fp(moved)).toEqual(fp(before));
    expect(results(moved)[0]?.locations[0]?.physicalLocation.region.startLine).toBe(40);
    const other = renderSarif([finding({ connection: 'sekoia' })], plan([change({ id: 'prod/senhasegura/policy/other/modified' })]), opts);
    expect(fp(other)[0]).not.toBe(fp(before)[0]);
    expect(fp(other)[1]).not.toBe(fp(before)[1]);
    // The same problem twice in one file stays two alerts.
    const twice = renderSarif([finding(), finding({ location: { file: 'connections.yaml', line: 30, column: 7 } })], undefined, opts);
    const [a, b] = fp(twice);
    expect(a).toBeDefined();
    expect(a).not.toBe(b);
  });

  test('acknowledged risks are suppressed in source, preset documents land on the manifest, paths are repository-relative', () => {
    const log = renderSarif(
      [
        finding({ acknowledged: { reason: 'vendor needs it' } }),
        finding({ check: 'vendor/known-risk', severity: 'notice', location: { file: 'preset:cloudcoreo', line: 3, column: 1 } }),
        finding({ location: { file: '.\\policies\\senhasegura.json', line: 2, column: 5 } }),
      ],
      undefined,
      { ...opts, manifestFile: './infra/connections.yaml' },
    );
    const [ack, preset, win] = results(log);
    expect(ack?.suppressions).toEqual([{ kind: 'inSource', justification: 'vendor needs it' }]);
    expect(preset?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('infra/connections.yaml');
    expect(preset?.message.text).toContain('cloudcoreo preset');
    expect(win?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('policies/senhasegura.json');
    expect(sarifUri('/repo/infra/c.yaml', '/repo')).toBe('infra/c.yaml');
  });

  test('access key IDs are masked in messages', () => {
    const log = renderSarif([], plan([change({ reason: 'access key AKIAIOSFODNN7EXAMPLE is 120 days old' })]), opts);
    const text = JSON.stringify(log);
    expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(text).toContain('AKIA…MPLE');
  });
});
