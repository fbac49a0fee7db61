/**
 * The manifest after validation: defaults applied, presets filled in, policy files read,
 * durations in seconds. Plain data: everything downstream (checks, plan, reports) reads this.
 */
import type { SourceLocation } from '../diagnostics.js';
import type { AccountSelector } from '../org/model.js';
import { TOOL_TAGS } from './tool-tags.js';

/** Where a policy document's text came from, so checks can point at its lines. */
export interface PolicySource {
  /** The policy file, or the manifest for documents written inline in YAML, or `preset:<id>`. */
  file: string;
  /** The full text of that file (JSON, or the manifest's YAML). */
  text: string;
  /** For documents inside the manifest: the YAML path of the document node. */
  basePath?: (string | number)[];
}

export interface ResolvedPolicy {
  /** `managed`: a customer-managed policy we create and attach; `inline`: a principal's inline policy. */
  kind: 'managed' | 'inline';
  name: string;
  description?: string;
  /** The parsed JSON document, as written (not normalised). */
  document: unknown;
  source: PolicySource;
  /** The manifest entry that declared it (or the `vendor:` line when a preset filled it in). */
  at: SourceLocation;
  /** Set when a vendor preset supplied this document. */
  fromPreset?: string;
  /** The default name an earlier version gave this entry (see `legacyPolicyRefName`). */
  legacyName?: string;
}

/** Durations in seconds. */
export interface KeyRules {
  rotateAfter: number;
  overlap: number;
  deleteAfter: number;
  requireUnusedFor: number;
  force: boolean;
}

export type Sink =
  | { kind: 'secretsManager'; secretId: string; account?: string; region?: string; kmsKeyId?: string; adopt?: boolean; at: SourceLocation }
  | {
      kind: 'githubSecret';
      name: string;
      repository?: string;
      environment?: string;
      organization?: string;
      /** Organisation secrets: visibility of a new secret (an existing one keeps its own). */
      visibility?: 'private' | 'all' | 'selected';
      /** Organisation secrets: `owner/name` of the repositories a new `selected` secret is shared with. */
      repositories?: string[];
      at: SourceLocation;
    }
  | { kind: 'output'; name: string; at: SourceLocation };

/** A value written in the manifest or read from an environment variable at run time. */
export type ValueRef = { value: string } | { env: string };

export interface PrincipalSpec {
  name: string;
  path: string;
  tags: Record<string, string>;
  /** Customer-managed policies. */
  policies: ResolvedPolicy[];
  inlinePolicies: ResolvedPolicy[];
  /** ARNs of AWS-managed or pre-existing policies to attach. */
  managedPolicies: string[];
  permissionsBoundary?: string;
  at: SourceLocation;
}

export interface UserSpec extends PrincipalSpec {
  accessKey?: { rules: KeyRules; deliver: Sink[]; at: SourceLocation };
}

export interface TrustSpec {
  awsAccount?: string;
  awsPrincipals: string[];
  externalId?: ValueRef;
  conditions?: Record<string, Record<string, unknown>>;
  /** A complete trust document given by file, instead of the generated one. */
  document?: ResolvedPolicy;
  at: SourceLocation;
}

export interface RoleSpec extends PrincipalSpec {
  trust: TrustSpec;
  description?: string;
  maxSessionDuration?: number;
}

export interface Acknowledgement {
  check: string;
  reason: string;
  action?: string;
  at: SourceLocation;
}

export interface ConnectionSpec {
  name: string;
  vendor?: string;
  description?: string;
  accounts: string[];
  user?: UserSpec;
  role?: RoleSpec;
  temporary?: { expires?: string; ttl?: number; deleteAfter: number; at: SourceLocation };
  watch: { roles: string[]; users: string[]; policies: string[] };
  billingBucket?: { name: string; region?: string; at: SourceLocation };
  adopt: boolean;
  acknowledge: Acknowledgement[];
  tags: Record<string, string>;
  /**
   * Organisation selectors of `accounts`, until resolved: plan, apply and rotate replace them by
   * the accounts they select (added to `accounts` above) before anything reads AWS.
   */
  selectors?: SelectorRef[];
  at: SourceLocation;
}

/** An account selector as written, with where. */
export interface SelectorRef {
  selector: AccountSelector;
  /** The entry as written (short form, or `{...}`), for messages. */
  text: string;
  at: SourceLocation;
}

/** The `organization:` section: how organisation accounts are read and reached. */
export interface OrganizationSpec {
  via: string;
  roleName: string;
  planRoleName?: string;
  /** Absent: every account but the management account. */
  scope?: SelectorRef[];
  at: SourceLocation;
}

export interface AccountSpec {
  name: string;
  id: string;
  /** Assumed by apply and rotate (and by plan when there is no planRole). */
  role?: string;
  /** Read-only role assumed by plan. */
  planRole?: string;
  via?: string;
  region?: string;
  /** Set for an account that came from the organisation (or was matched there by its ID). */
  organization?: { name: string; joined?: string; ou: string };
  at: SourceLocation;
}

export interface Manifest {
  /** Path as given by the user. */
  file: string;
  /** The manifest's text, for locating findings. */
  text: string;
  defaults: {
    path: string;
    tags: Record<string, string>;
    keys: KeyRules;
    region?: string;
    /** `defaults.knownAccounts`: the manifest's own names for account IDs. */
    knownAccounts?: Record<string, string>;
    /** `defaults.discover`: false turns off the plan's undeclared-door drift. */
    discover?: boolean;
  };
  accounts: AccountSpec[];
  connections: ConnectionSpec[];
  organization?: OrganizationSpec;
}

/** The tag that marks a resource as ours. Untagged resources are never changed or deleted. */
export const OWNER_TAG = TOOL_TAGS.owner;

export const DEFAULT_KEY_RULES: KeyRules = {
  rotateAfter: 90 * 86400,
  overlap: 7 * 86400,
  deleteAfter: 7 * 86400,
  requireUnusedFor: 86400,
  force: false,
};
export const DEFAULT_PATH = '/connections/';
export const DEFAULT_TEMPORARY_DELETE_AFTER = 7 * 86400;
