import { configure } from '@testing-library/react';

// findBy*/waitFor give up after 1 s by default; on a busy 2-core CI box (e2e and DynamoDB
// Local running beside these) a first render of a Taro page can take longer than that.
configure({ asyncUtilTimeout: 5000 });
