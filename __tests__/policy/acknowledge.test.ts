import { isBlocking } from '../../src/diagnostics.js';
import type { Acknowledgement } from '../../src/manifest/model.js';
import { checkManifestPolicies } from '../../src/policy/checks.js';
import { at, oneUser, policyDoc } from './fixtures.js';

const doc = policyDoc('keys', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:CreateAccessKey', 'iam:AddUserToGroup'], Resource: '*' }] });
const run = (acknowledge: Acknowledgement[]) => checkManifestPolicies(oneUser([doc], { acknowledge }));
const ack = (check: string, action?: string): Acknowledgement => ({ check, reason: 'the PAM service provisions users', action, at: at(20, 7) });

test('unacknowledged risky grants are blocking warnings', () => {
  const findings = run([]);
  expect(findings.map((f) => [f.check, f.severity, isBlocking(f)])).toEqual([
    ['policy/privilege-escalation', 'warning', true],
    ['policy/privilege-escalation', 'warning', true],
  ]);
});

test('an acknowledgement without action covers every finding of that check, as notices with the reason', () => {
  const findings = run([ack('policy/privilege-escalation')]);
  expect(findings.map((f) => [f.severity, f.acknowledged?.reason, isBlocking(f)])).toEqual([
    ['notice', 'the PAM service provisions users', false],
    ['notice', 'the PAM service provisions users', false],
  ]);
});

test('an acknowledgement with action covers only that action (case-insensitive)', () => {
  const findings = run([ack('policy/privilege-escalation', 'IAM:createaccesskey')]);
  expect(findings.map((f) => [f.message.includes('CreateAccessKey'), f.severity, isBlocking(f)])).toEqual([
    [true, 'notice', false],
    [false, 'warning', true],
  ]);
});

test('an acknowledgement matching nothing is reported as a stale notice at its line', () => {
  const findings = run([ack('policy/privilege-escalation'), ack('policy/admin-equivalent'), ack('policy/passrole-unrestricted', 'iam:PassRole'), ack('manifest/whatever')]);
  const stale = findings.filter((f) => f.check === 'policy/unused-acknowledgement');
  expect(stale.map((f) => [f.severity, f.location.line, f.message])).toEqual([
    ['notice', 20, 'connection vendor acknowledges policy/admin-equivalent, but no such finding remains'],
    ['notice', 20, 'connection vendor acknowledges policy/passrole-unrestricted for iam:PassRole, but no such finding remains'],
  ]);
});

test('errors are never acknowledged', () => {
  const bad = policyDoc('typo', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListUser', Resource: '*' }] });
  const findings = checkManifestPolicies(oneUser([bad], { acknowledge: [ack('policy/unknown-action')] }));
  expect(findings.map((f) => [f.check, f.severity])).toEqual([['policy/unknown-action', 'error']]);
});
