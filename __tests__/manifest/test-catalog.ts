/** A small preset catalogue for tests: the real one is filled in by the presets work. */
import type { VendorPreset } from '../../src/presets/catalog.js';
import type { PresetCatalog } from '../../src/manifest/presets.js';

/** Fields the manifest loader does not read, so every test preset leaves them empty. */
const unused = {
  requiredActions: [],
  forbiddenCombinations: [],
  discouragedManagedPolicies: [],
  temporaryExpected: false,
  watch: { roles: [], users: [], policies: [] },
  knownRisks: [],
};

const presets: VendorPreset[] = [
  { id: 'senhasegura', title: 'senhasegura Cloud IAM', ...unused, seeds: ['000'], principal: 'user', defaultPolicies: [], defaultManagedPolicies: [] },
  { id: 'sekoia', title: 'Sekoia.io', ...unused, seeds: ['001'], principal: 'user', defaultPolicies: [], defaultManagedPolicies: ['IAMReadOnlyAccess'] },
  {
    ...unused,
    id: 'cloudcoreo',
    title: 'CloudCoreo',
    seeds: ['002', '003'],
    principal: 'user',
    defaultPolicies: [
      {
        name: 'cloudcoreo-bootstrap',
        file: 'policies/cloudcoreo-bootstrap.json',
        text: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"*"}]}',
      },
    ],
    defaultManagedPolicies: [],
  },
  {
    ...unused,
    id: 'cloudyn',
    title: 'Cloudyn',
    seeds: ['004'],
    principal: 'role',
    defaultPolicies: [],
    defaultManagedPolicies: ['ReadOnlyAccess'],
    trust: { awsAccount: '432263259397', externalIdRequired: true },
  },
];

export const testCatalog: PresetCatalog = {
  getPreset: (id) => presets.find((p) => p.id === id),
  presetIds: () => presets.map((p) => p.id),
};
