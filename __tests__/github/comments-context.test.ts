import { readRunContext, parseRunContext } from '../../src/github/context.js';
import { startGitHubServer } from '../helpers/github-server.js';

const pr = (head: string, base = 'acme/infra') => ({
  number: 7,
  pull_request: { number: 7, head: { sha: 'abc123', repo: { full_name: head } }, base: { repo: { full_name: base } } },
});

describe('run context', () => {
  test('a pull request from the same repository', () => {
    expect(parseRunContext({ GITHUB_REPOSITORY: 'acme/infra', GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: 'merge' }, pr('acme/infra'))).toEqual({
      owner: 'acme',
      repo: 'infra',
      eventName: 'pull_request',
      prNumber: 7,
      headSha: 'abc123',
      isFork: false,
    });
  });

  test('forks, including deleted ones, are forks', () => {
    expect(parseRunContext({ GITHUB_REPOSITORY: 'acme/infra', GITHUB_EVENT_NAME: 'pull_request' }, pr('mallory/infra')).isFork).toBe(true);
    const gone = { pull_request: { number: 7, head: { sha: 'abc', repo: null }, base: { repo: { full_name: 'acme/infra' } } } };
    expect(parseRunContext({ GITHUB_REPOSITORY: 'acme/infra', GITHUB_EVENT_NAME: 'pull_request_target' }, gone).isFork).toBe(true);
  });

  test('other events use GITHUB_SHA and have no pull request', () => {
    expect(parseRunContext({ GITHUB_REPOSITORY: 'acme/infra', GITHUB_EVENT_NAME: 'schedule', GITHUB_SHA: 'deadbeef' }, {})).toEqual({
      owner: 'acme',
      repo: 'infra',
      eventName: 'schedule',
      headSha: 'deadbeef',
      isFork: false,
    });
  });

  test('no repository is an actionable error', () => {
    expect(() => parseRunContext({}, {})).toThrow(/GITHUB_REPOSITORY/);
  });

  test('reads the event file the runner writes', async () => {
    const gh = await startGitHubServer();
    try {
      const path = gh.writeEvent(pr('acme/infra'));
      expect(readRunContext(gh.env({ GITHUB_EVENT_PATH: path })).prNumber).toBe(7);
      expect(() => readRunContext(gh.env({ GITHUB_EVENT_PATH: `${path}.missing` }))).toThrow(/GITHUB_EVENT_PATH=.*missing/);
    } finally {
      await gh.stop();
    }
  });
});
