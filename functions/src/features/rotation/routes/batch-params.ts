import { idParam } from '../../../http/path-params';
import { BATCH_ID, BATCH_NOT_FOUND } from '../batch-view';

/** A batch id in the path: anything not shaped like one is simply not found. */
export const batchParams = { id: idParam(BATCH_ID, BATCH_NOT_FOUND) };
