/** One credential resolver per run, shared by the inventory reads and the executor's writes. */
import * as core from '@actions/core';
import { iamClient, s3Client, secretsManagerClient } from '../aws/clients.js';
import type { RotateClients } from '../rotate/run.js';
import { gitHubSecretsClient, type GitHubSecretsClient } from '../sinks/github-secrets.js';
import { type CredentialMode, type CredentialResolver, createCredentialResolver } from '../aws/credentials.js';
import { liveInventoryReader } from '../commands/inventory-readers.js';
import type { InventoryReader, PlanCommandOptions } from '../commands/plan.js';
import { readOrganization } from '../org/read.js';
import type { AccountSpec, Manifest } from '../manifest/model.js';
import type { Inputs } from './inputs.js';

export interface AwsAccess {
  reader: (manifest: Manifest, selected: readonly string[]) => InventoryReader;
  clients: (manifest: Manifest) => (account: string) => Promise<{ iam: ReturnType<typeof iamClient>; s3: ReturnType<typeof s3Client>; s3For: (region: string) => ReturnType<typeof s3Client> }>;
  /** Reads the organisation through the `organization.via` account's session (its planRole for plan). */
  organization: NonNullable<PlanCommandOptions['organization']>;
  /** Clients for a rotation in `account`; a secret in another manifest account uses that account's session. */
  rotateClients: (manifest: Manifest) => (account: string) => Promise<RotateClients>;
}

/** What reaching AWS needs from the inputs (the CLI passes the same fields). */
export type AccessSettings = Pick<Inputs, 'awsRegion' | 'audience' | 'roleToAssume' | 'githubToken'> & { mode?: CredentialMode };

/**
 * `purpose: 'plan'` assumes each account's read-only `planRole` where the manifest gives one, so
 * a pull request's plan never holds write credentials; `write` (apply, rotate) assumes `role`.
 */
export function awsAccess(inputs: AccessSettings, env: NodeJS.ProcessEnv, purpose: 'plan' | 'write' = 'write'): AwsAccess {
  const forPurpose = (a: AccountSpec): AccountSpec => (purpose === 'plan' && a.planRole ? { ...a, role: a.planRole } : a);
  let resolver: CredentialResolver | undefined;
  const resolverFor = (manifest: Manifest): CredentialResolver => {
    if (!resolver) {
      const inner = createCredentialResolver({
        accounts: manifest.accounts.map(forPurpose),
        region: inputs.awsRegion,
        audience: inputs.audience,
        ...(inputs.roleToAssume ? { roleToAssume: inputs.roleToAssume } : {}),
        ...(inputs.mode ? { mode: inputs.mode } : {}),
        env,
      });
      resolver = (account) => inner(forPurpose(account));
    }
    return resolver;
  };
  // One GitHub client per run, so the bound on rate-limit waits holds for the whole run.
  let github: GitHubSecretsClient | undefined;
  const githubFor = (token: string): GitHubSecretsClient => (github ??= gitHubSecretsClient(token, env, { log: (line) => core.info(line) }));
  return {
    organization: async (manifest, tagsFor) => {
      const via = manifest.organization?.via;
      const hub = manifest.accounts.find((a) => a.name === via);
      if (!hub) throw new Error(`the organisation is read via "${via ?? ''}", which is not declared under accounts`);
      return readOrganization({ region: inputs.awsRegion, credentials: await resolverFor(manifest)(hub), tagsFor });
    },
    reader: (manifest, selected) => {
      if (inputs.roleToAssume && selected.length > 1) {
        throw new Error(
          `input "role-to-assume" replaces the manifest's role for a single-account run, but ${selected.length} accounts are selected (${selected.join(', ')}): set "accounts" to one of them`,
        );
      }
      return liveInventoryReader({ resolver: resolverFor(manifest), region: inputs.awsRegion });
    },
    rotateClients: (manifest) => async (account) => {
      const specOf = (name: string) => {
        const spec = manifest.accounts.find((a) => a.name === name || a.id === name);
        if (!spec) throw new Error(`account "${name}" is not in the manifest`);
        return spec;
      };
      const home = specOf(account);
      const credentials = await resolverFor(manifest)(home);
      return {
        iam: iamClient({ region: inputs.awsRegion, credentials }),
        secretsManager: ({ account: target, region }) => {
          const spec = target === undefined ? home : specOf(target);
          // The SDK asks for credentials per request: the other account is assumed only if a secret lives there.
          return secretsManagerClient({ region, credentials: async () => (await resolverFor(manifest)(spec))() });
        },
        ...(inputs.githubToken ? { github: githubFor(inputs.githubToken) } : {}),
      };
    },
    clients: (manifest) => async (account) => {
      const spec = manifest.accounts.find((a) => a.name === account);
      if (!spec) throw new Error(`account "${account}" is not in the manifest`);
      const credentials = await resolverFor(manifest)(spec);
      return {
        iam: iamClient({ region: inputs.awsRegion, credentials }),
        s3: s3Client({ region: spec.region ?? inputs.awsRegion, credentials }, env),
        // A billing bucket with its own region is read and written there (S3 answers 301 elsewhere).
        s3For: (region: string) => s3Client({ region, credentials }, env),
      };
    },
  };
}
