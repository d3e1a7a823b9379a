import { App } from 'aws-cdk-lib';
import { ApiStack } from '../lib/api-stack';
import { addAwsSolutionsChecks } from '../lib/compliance';

/** Run through the pinned CLI: `npm run synth` / `npm run deploy` (see infra/README.md). */
const app = new App();

new ApiStack(app, 'JituanApiStack', {
  description: 'Education-group (集团化办学) mini-program backend: HTTP API, Lambda, DynamoDB',
  // e.g. `npm run deploy -- -c secretsPrefix=/jituan-staging/` for a second copy in one account.
  secretsPrefix: app.node.tryGetContext('secretsPrefix'),
});

addAwsSolutionsChecks(app);
