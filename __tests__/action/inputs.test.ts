import { parseAsOf, parseInputs } from '../../src/action/inputs.js';

const now = new Date('2026-11-22T10:00:00Z');
const from = (values: Record<string, string>) => (name: string) => values[name] ?? '';

test('defaults follow the interface contract', () => {
  const { inputs, errors } = parseInputs(from({}), now);
  expect(errors).toEqual([]);
  expect(inputs).toMatchObject({
    command: 'plan',
    manifest: 'connections.yaml',
    accounts: [],
    audience: 'sts.amazonaws.com',
    awsRegion: 'us-east-1',
    comment: 'auto',
    failOn: 'error',
    prune: false,
  });
  expect(inputs.asOf).toEqual(now);
});

test('a typo in an enum input names the input and the allowed values', () => {
  const { errors } = parseInputs(from({ command: 'aply', 'fail-on': 'drfit', comment: 'sometimes', prune: 'yes' }), now);
  expect(errors).toEqual([
    'input "prune" is "yes"; it must be true or false',
    'input "command" is "aply"; it must be one of: validate, plan, apply, rotate, discover',
    'input "comment" is "sometimes"; it must be one of: auto, always, never',
    'input "fail-on" is "drfit"; it must be one of: error, drift, never',
  ]);
});

test('accounts are split on commas and trimmed', () => {
  expect(parseInputs(from({ accounts: ' prod, staging-* ,,' }), now).inputs.accounts).toEqual(['prod', 'staging-*']);
});

test('as-of accepts a date or an instant and rejects anything else', () => {
  expect(parseAsOf('2027-03-01', now)).toEqual(new Date('2027-03-01T00:00:00Z'));
  expect(parseAsOf('2027-03-01T12:30:00+02:00', now)).toEqual(new Date('2027-03-01T10:30:00Z'));
  expect(parseAsOf('', now)).toEqual(now);
  expect(parseAsOf('next month', now)).toMatch(/input "as-of" is "next month"; it must be an ISO-8601 date/);
  expect(parseAsOf('2027-13-45', now)).toMatch(/as-of/);
});
