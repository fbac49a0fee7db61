import { decodeJwtClaims, describeClaims, getGitHubIdToken, issuerHost, missingOidcVariables, OidcRequestError } from '../../src/github/oidc.js';
import { captureWorkflowCommands, setEnv } from '../helpers/env.js';
import { signTestJwt, startGitHubServer, type GitHubServer } from '../helpers/github-server.js';

describe('claims', () => {
  test('decodes the payload of a JWT and describes sub, aud and iss', () => {
    const token = signTestJwt({ sub: 'repo:acme/infra:ref:refs/heads/main', aud: 'sts.amazonaws.com', iss: 'https://token.actions.githubusercontent.com' });
    const claims = decodeJwtClaims(token);
    expect(claims?.sub).toBe('repo:acme/infra:ref:refs/heads/main');
    expect(describeClaims(claims)).toBe(
      'sub = "repo:acme/infra:ref:refs/heads/main", aud = "sts.amazonaws.com", iss = "https://token.actions.githubusercontent.com"',
    );
    expect(issuerHost(claims)).toBe('token.actions.githubusercontent.com');
  });

  test('GHES-style issuers keep their path; garbage decodes to nothing', () => {
    expect(issuerHost({ iss: 'https://token.actions.githubusercontent.com/acme' })).toBe('token.actions.githubusercontent.com/acme');
    expect(decodeJwtClaims('not-a-jwt')).toBeUndefined();
    expect(decodeJwtClaims('a.!!!.c')).toBeUndefined();
    expect(describeClaims(undefined)).toMatch(/could not be decoded/);
  });

  test('lists the missing request variables', () => {
    expect(missingOidcVariables({ ACTIONS_ID_TOKEN_REQUEST_URL: 'http://x' })).toEqual(['ACTIONS_ID_TOKEN_REQUEST_TOKEN']);
  });
});

describe('getGitHubIdToken against the local runner endpoint', () => {
  let gh: GitHubServer;
  let restore: () => void;
  let out: ReturnType<typeof captureWorkflowCommands>;
  beforeAll(async () => {
    out = captureWorkflowCommands();
    gh = await startGitHubServer();
    restore = setEnv(gh.env());
  });
  afterAll(async () => {
    restore();
    out.restore();
    await gh.stop();
  });

  test('asks with the bearer and the audience, and gets a token with the run claims', async () => {
    const token = await getGitHubIdToken('sts.amazonaws.com');
    expect(gh.tokenRequests).toHaveLength(1);
    expect(gh.tokenRequests[0]?.headers.authorization).toBe(`Bearer ${gh.oidc.requestToken}`);
    expect(decodeJwtClaims(token)).toMatchObject({ sub: 'repo:acme/infra:pull_request', aud: 'sts.amazonaws.com', repository: 'acme/infra', run_id: '4242' });
  });

  test('an endpoint failure says what to check and leaks neither token nor bearer', async () => {
    gh.oidc.fail = { status: 403, message: 'forbidden' };
    try {
      const err = await getGitHubIdToken('sts.amazonaws.com').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OidcRequestError);
      expect((err as Error).message).toMatch(/^Could not get a GitHub OIDC token for audience "sts.amazonaws.com": .*id-token: write/);
      expect((err as Error).message).not.toContain(gh.oidc.requestToken);
    } finally {
      delete gh.oidc.fail;
    }
  });
});
