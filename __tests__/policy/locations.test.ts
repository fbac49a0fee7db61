import { checkManifestPolicies } from '../../src/policy/checks.js';
import { locateInText } from '../../src/policy/document.js';
import { connection, manifest, presetPolicies, user } from './fixtures.js';

const yaml = `version: 1
connections:
  vendor:
    accounts: [prod]
    user:
      name: vendor-user
      inlinePolicies:
        - name: read
          document:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [iam:GetUser, iam:ListUser]
                Resource: "*"
`;

test('documents written inline in the manifest are located in the manifest, through basePath', () => {
  const basePath = ['connections', 'vendor', 'user', 'inlinePolicies', 0, 'document'];
  const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:GetUser', 'iam:ListUser'], Resource: '*' }] };
  const m = manifest(
    [
      connection('vendor', {
        user: user('vendor-user', {
          inlinePolicies: [{ kind: 'inline', name: 'read', document, source: { file: 'connections.yaml', text: yaml, basePath }, at: { file: 'connections.yaml', line: 8, column: 11 } }],
        }),
      }),
    ],
    { text: yaml },
  );
  const [f, ...rest] = checkManifestPolicies(m);
  expect(rest).toEqual([]);
  expect(f).toMatchObject({ check: 'policy/unknown-action', location: { file: 'connections.yaml', line: 13, column: 39 } });
});

test('documents a preset supplied are reported on the vendor line, naming the preset and the line in its document', () => {
  const policies = presetPolicies('cloudcoreo', { file: 'connections.yaml', line: 4, column: 13 });
  const doc = JSON.parse(JSON.stringify(policies[0]?.document)) as { Statement: { Action: string[] }[] };
  doc.Statement[0]!.Action[1] = 'iam:CreatePolicyy';
  const p = { ...policies[0]!, document: doc, source: { ...policies[0]!.source, text: JSON.stringify(doc, null, 2) } };
  const m = manifest([connection('coreo', { vendor: 'cloudcoreo', temporary: { ttl: 3600, deleteAfter: 0, at: { file: 'connections.yaml', line: 9, column: 5 } }, user: user('coreo', { policies: [p] }) })]);
  const f = checkManifestPolicies(m).find((x) => x.check === 'policy/unknown-action');
  expect(f?.location).toEqual({ file: 'connections.yaml', line: 4, column: 13 });
  expect(f?.message).toBe(
    'iam:CreatePolicyy is not an IAM action; did you mean iam:CreatePolicy? (in policies/cloudcoreo-bootstrap.json line 8, supplied by the cloudcoreo preset)',
  );
});

test('locating walks as deep as the path exists, keys or values', () => {
  const text = '{\n  "a": {\n    "b": [1, 2]\n  }\n}\n';
  expect(locateInText('f.json', text, ['a', 'b', 1])).toMatchObject({ line: 3, column: 14 });
  expect(locateInText('f.json', text, ['a', 'b'], { key: true })).toMatchObject({ line: 3, column: 5 });
  expect(locateInText('f.json', text, ['a', 'zz', 3])).toMatchObject({ line: 2, column: 8 });
});
