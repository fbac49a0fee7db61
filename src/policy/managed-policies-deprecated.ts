/**
 * AWS managed policies AWS has deprecated or put on a deprecation path. The generated table has no
 * such flag (its source lists what IAM lists today, and fully deprecated policies are no longer
 * listed), so this list is kept by hand from the AWS Managed Policy Reference Guide
 * (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/about-managed-policy-reference.html#deprecated-managed-policies)
 * and each policy's own page, whose description names the replacement.
 */
export interface DeprecatedManagedPolicy {
  name: string;
  /** What to attach instead. */
  replacement: string;
  /** `deprecated`: can no longer be attached to a new principal; `deprecation-path`: still attachable, announced. */
  status: 'deprecated' | 'deprecation-path';
}

const LIST: readonly DeprecatedManagedPolicy[] = [
  { name: 'AWSLambdaFullAccess', replacement: 'AWSLambda_FullAccess', status: 'deprecated' },
  { name: 'AWSLambdaReadOnlyAccess', replacement: 'AWSLambda_ReadOnlyAccess', status: 'deprecated' },
  { name: 'AmazonEC2ContainerServiceFullAccess', replacement: 'AmazonECS_FullAccess', status: 'deprecated' },
  { name: 'AWSElasticBeanstalkFullAccess', replacement: 'AdministratorAccess-AWSElasticBeanstalk', status: 'deprecated' },
  { name: 'AWSElasticBeanstalkReadOnlyAccess', replacement: 'AWSElasticBeanstalkReadOnly', status: 'deprecated' },
  { name: 'AWSCloudTrailFullAccess', replacement: 'AWSCloudTrail_FullAccess', status: 'deprecated' },
  { name: 'AmazonEC2RoleforSSM', replacement: 'AmazonSSMManagedInstanceCore', status: 'deprecation-path' },
  { name: 'AmazonElasticMapReduceFullAccess', replacement: 'AmazonEMRFullAccessPolicy_v2', status: 'deprecation-path' },
  { name: 'AmazonElasticMapReduceRole', replacement: 'AmazonEMRServicePolicy_v2', status: 'deprecation-path' },
];

const byName = new Map(LIST.map((d) => [d.name.toLowerCase(), d]));

export function deprecatedManagedPolicy(name: string): DeprecatedManagedPolicy | undefined {
  return byName.get(name.toLowerCase());
}
