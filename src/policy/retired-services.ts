/**
 * AWS services past end of life whose actions still appear in vendor runbooks. Grants to them are
 * harmless but dead: reported as notices so they are cleaned up when the vendor confirms.
 */
export interface RetiredService {
  title: string;
  endOfLife: string;
}

export const RETIRED_SERVICES: Readonly<Record<string, RetiredService>> = {
  opsworks: { title: 'AWS OpsWorks Stacks', endOfLife: '2024-05-26' },
  'opsworks-cm': { title: 'AWS OpsWorks for Chef Automate and Puppet Enterprise', endOfLife: '2024-05-05' },
};
