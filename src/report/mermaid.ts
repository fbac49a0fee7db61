/**
 * A picture of each vendor's way into each account, as a Mermaid flowchart GitHub renders in
 * comments and summaries: who holds the way in (a vendor AWS account, or whoever holds the
 * delivered access key) → the user or role in each account → its policies. Edges the plan
 * touches are dotted; security-relevant ones red.
 */
import { createHash } from 'node:crypto';
import type { ConnectionSpec, Manifest, Sink } from '../manifest/model.js';
import type { Change, Plan, WatchReport } from '../plan/model.js';

export interface AccessGraph {
  /** The fenced ```mermaid block. */
  mermaid: string;
  nodes: number;
  edges: number;
}

type Mark = 'risky' | 'drifted';

/** Mermaid ids allow [A-Za-z0-9_]; a hash keeps `a-b` and `a_b` apart after sanitising. */
export function mermaidId(prefix: string, ...parts: string[]): string {
  const raw = parts.join('__');
  const clean = raw.replace(/[^A-Za-z0-9_]/g, '_');
  const suffix = clean === raw ? '' : `_${createHash('sha256').update(raw).digest('hex').slice(0, 6)}`;
  return `${prefix}_${clean}${suffix}`;
}

/** A quoted label: Mermaid entity codes for what would end the string or be read as markup. */
export function mermaidLabel(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const short = flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
  const escaped = short
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;');
  return `"${escaped}"`;
}

function expand(template: string, account: string): string {
  return template.replace(/\{account\}/g, account).replace(/\{ACCOUNT\}/g, account.toUpperCase());
}

function sinkLabel(s: Sink, account: string): string {
  if (s.kind === 'secretsManager') return `Secrets Manager ${expand(s.secretId, account)}`;
  if (s.kind === 'githubSecret') {
    const scope = s.repository ?? s.organization ?? s.environment ?? 'this repository';
    return `GitHub secret ${expand(s.name, account)} (${scope})`;
  }
  return `step output ${s.name}`;
}

function policyNameOfArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

function worst(a: Mark | undefined, b: Mark): Mark {
  return a === 'risky' || b === 'risky' ? 'risky' : 'drifted';
}

/** What the plan touches in one account and connection, by graph element. */
interface Touched {
  principal?: Mark;
  key?: Mark;
  bucket?: Mark;
  policies: Map<string, Mark>;
  /** Attached or inline policies the manifest does not declare. */
  unexpected: Map<string, Mark>;
}

function str(v: unknown, key: string): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const x = (v as Record<string, unknown>)[key];
  return typeof x === 'string' ? x : undefined;
}

function touched(changes: readonly Change[]): Touched {
  const t: Touched = { policies: new Map(), unexpected: new Map() };
  for (const c of changes) {
    const mark: Mark = c.security ? 'risky' : 'drifted';
    switch (c.resource.type) {
      case 'access-key':
        t.key = worst(t.key, mark);
        break;
      case 'bucket':
      case 'bucket-policy':
        t.bucket = worst(t.bucket, mark);
        break;
      case 'policy':
        t.policies.set(c.resource.name, worst(t.policies.get(c.resource.name), mark));
        break;
      case 'attachment':
      case 'inline-policy': {
        const arn = str(c.after, 'policyArn') ?? str(c.before, 'policyArn');
        const name = arn ? policyNameOfArn(arn) : (str(c.after, 'name') ?? str(c.before, 'name') ?? c.resource.name);
        const map = c.kind === 'unexpected' || c.kind === 'extra' ? t.unexpected : t.policies;
        map.set(name, worst(map.get(name), mark));
        break;
      }
      default:
        t.principal = worst(t.principal, mark);
    }
  }
  return t;
}

class Graph {
  private readonly lines: string[] = ['flowchart LR'];
  private readonly declared = new Set<string>();
  private readonly linkStyles: string[] = [];
  private readonly classed = new Map<string, Mark>();
  private edgeCount = 0;

  node(id: string, text: string, shape: 'box' | 'round' | 'db' = 'box', indent = '  '): string {
    if (this.declared.has(id)) return id;
    this.declared.add(id);
    const l = mermaidLabel(text);
    this.lines.push(`${indent}${id}${shape === 'round' ? `(${l})` : shape === 'db' ? `[(${l})]` : `[${l}]`}`);
    return id;
  }

  raw(line: string): void {
    this.lines.push(line);
  }

  edge(from: string, to: string, text?: string, mark?: Mark): void {
    const arrow = mark ? '-.->' : '-->';
    this.lines.push(`  ${from} ${arrow}${text ? `|${mermaidLabel(text)}|` : ''} ${to}`);
    if (mark) {
      this.linkStyles.push(`  linkStyle ${this.edgeCount} stroke:${mark === 'risky' ? '#d73a49,stroke-width:3px' : '#e36209,stroke-width:2px'}`);
      this.classed.set(to, worst(this.classed.get(to), mark));
    }
    this.edgeCount++;
  }

  render(): AccessGraph {
    const out = [...this.lines];
    if (this.classed.size) {
      out.push('  classDef risky stroke:#d73a49,stroke-width:3px', '  classDef drifted stroke:#e36209,stroke-dasharray:4 3');
      for (const [id, mark] of [...this.classed].sort(([a], [b]) => (a < b ? -1 : 1))) out.push(`  class ${id} ${mark}`);
    }
    out.push(...this.linkStyles);
    return { mermaid: ['```mermaid', ...out, '```'].join('\n'), nodes: this.declared.size, edges: this.edgeCount };
  }
}

function vendorOf(g: Graph, c: ConnectionSpec, account: string): { from: string; how: string } | undefined {
  if (c.role) {
    const t = c.role.trust;
    const xid = t.externalId ? ' with external ID' : '';
    if (t.awsAccount) return { from: g.node(mermaidId('vendor', t.awsAccount), `vendor AWS account ${t.awsAccount}`, 'round'), how: `sts:AssumeRole${xid}` };
    if (t.awsPrincipals.length) {
      const label = t.awsPrincipals.length === 1 ? (t.awsPrincipals[0] ?? '') : `${t.awsPrincipals[0] ?? ''} and ${t.awsPrincipals.length - 1} more`;
      return { from: g.node(mermaidId('vendor', ...t.awsPrincipals), `vendor ${label}`, 'round'), how: `sts:AssumeRole${xid}` };
    }
    if (t.document) return { from: g.node(mermaidId('vendor', c.name, 'trust'), `trusted by ${t.document.source.file}`, 'round'), how: 'sts:AssumeRole' };
    return undefined;
  }
  if (c.user) {
    const sinks = c.user.accessKey?.deliver ?? [];
    if (sinks.length === 0) return undefined;
    const text = `key holder: ${sinks.map((s) => sinkLabel(s, account)).join(', ')}`;
    return { from: g.node(mermaidId('keys', c.name, account), text, 'round'), how: 'access key' };
  }
  return undefined;
}

/** Builds the graph; the node count lets callers fold large pictures. */
export function buildAccessGraph(manifest: Manifest, plan?: Plan): AccessGraph {
  const g = new Graph();
  const accountIds = new Map(manifest.accounts.map((a) => [a.name, a.id]));
  const changesOf = (account: string, connection: string): Change[] =>
    plan?.accounts.find((a) => a.account === account)?.changes.filter((c) => c.connection === connection) ?? [];
  const watchedOf = (account: string, connection: string): WatchReport[] =>
    plan?.accounts.find((a) => a.account === account)?.watched.filter((w) => w.connection === connection) ?? [];

  const byAccount = new Map<string, ConnectionSpec[]>();
  for (const c of manifest.connections) for (const a of c.accounts) byAccount.set(a, [...(byAccount.get(a) ?? []), c]);

  for (const [account, connections] of byAccount) {
    const edges: (() => void)[] = [];
    g.raw(`  subgraph ${mermaidId('account', account)}[${mermaidLabel(`${account} · ${accountIds.get(account) ?? 'unknown id'}`)}]`);
    for (const c of connections) {
      const spec = c.role ?? c.user;
      if (!spec) continue;
      const t = touched(changesOf(account, c.name));
      const kind = c.role ? 'role' : 'user';
      const principal = g.node(mermaidId(kind, account, spec.name), `${kind} ${spec.name} (${c.name})`, 'box', '    ');
      const policy = (name: string, text: string, mark?: Mark): void => {
        const id = g.node(mermaidId('policy', account, spec.name, name), text, 'box', '    ');
        edges.push(() => g.edge(principal, id, undefined, mark));
      };
      for (const p of spec.policies) policy(p.name, `policy ${p.name}`, t.policies.get(p.name));
      for (const p of spec.inlinePolicies) policy(`inline:${p.name}`, `inline ${p.name}`, t.policies.get(p.name));
      for (const arn of spec.managedPolicies) policy(policyNameOfArn(arn), `AWS managed ${policyNameOfArn(arn)}`, t.policies.get(policyNameOfArn(arn)));
      for (const [name, mark] of t.unexpected) policy(`unexpected:${name}`, `not declared: ${name}`, mark);
      if (c.billingBucket) {
        const b = g.node(mermaidId('bucket', account, c.billingBucket.name), `billing bucket ${c.billingBucket.name}`, 'db', '    ');
        edges.push(() => g.edge(principal, b, 'reads', t.bucket));
      }
      for (const w of watchedOf(account, c.name)) {
        const risky = w.found && (w.risks.length > 0 || w.severity === 'critical' || w.severity === 'high');
        const id = g.node(mermaidId('watched', account, w.resource.type, w.resource.name), `${w.resource.type} ${w.resource.name} (vendor-created${w.found ? '' : ', not found'})`, 'box', '    ');
        edges.push(() => g.edge(principal, id, 'creates', risky ? 'risky' : undefined));
      }
      // For a user, the way in is the key: a key change or a principal change marks it.
      const wayIn: Mark | undefined = kind === 'user' && t.key ? worst(t.principal, t.key) : t.principal;
      // Declared after the subgraph ends, so vendor nodes sit outside the accounts.
      edges.push(() => {
        const vendor = vendorOf(g, c, account);
        if (vendor) g.edge(vendor.from, principal, vendor.how, wayIn);
      });
    }
    g.raw('  end');
    for (const e of edges) e();
  }
  return g.render();
}

export function renderAccessGraph(manifest: Manifest, plan?: Plan): string {
  return buildAccessGraph(manifest, plan).mermaid;
}
