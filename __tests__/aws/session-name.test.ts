import { sanitizeSessionName, sessionName } from '../../src/aws/session-name.js';

test('names the repository, run and attempt, or says the run is local', () => {
  expect(sessionName({ GITHUB_REPOSITORY: 'acme/infra', GITHUB_RUN_ID: '9876543210', GITHUB_RUN_ATTEMPT: '3' })).toBe('iam-connections@acme.infra-9876543210-3');
  const long = sessionName({ GITHUB_REPOSITORY: `acme/${'r'.repeat(80)}`, GITHUB_RUN_ID: '9876543210', GITHUB_RUN_ATTEMPT: '12' });
  expect(long).toHaveLength(64);
  expect(long.endsWith('-9876543210-12')).toBe(true);
  expect(sessionName({ GITHUB_RUN_ID: '9876543210', GITHUB_RUN_ATTEMPT: '3' })).toBe('iam-connections-9876543210-3');
  expect(sessionName({ GITHUB_RUN_ID: '42' })).toBe('iam-connections-42-1');
  expect(sessionName({})).toBe('iam-connections-local');
});

test('keeps to what STS accepts: [\\w+=,.@-], 2 to 64 characters', () => {
  const long = sanitizeSessionName(`iam-connections-${'9'.repeat(80)}-1`);
  expect(long).toHaveLength(64);
  expect(sanitizeSessionName('a b/c:d')).toBe('a-b-c-d');
  expect(sanitizeSessionName('x')).toBe('x-');
});
