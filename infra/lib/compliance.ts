import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Construct } from 'constructs';

/**
 * cdk-nag 3 is a CDK policy-validation plugin (v2 was an Aspect): it runs after synthesis,
 * an unacknowledged error fails `cdk synth`, and acknowledgements are made with
 * `Validations.of(construct).acknowledge({ id, reason })`.
 * writeSuppressionsToCloudFormation copies each acknowledgement and its reason into the
 * resource's template Metadata (cdk_nag.rules_to_suppress), so reviewers see them in the diff.
 *
 * bin/app.ts and the tests both call this, so the tests check exactly what synth checks.
 */
export function addAwsSolutionsChecks(app: Construct): AwsSolutionsChecks {
  const checks = new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true });
  Validations.of(app).addPlugins(checks);
  return checks;
}
