import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWrite } from '../../../db/batch-write';

/**
 * AP90: the catalogue import's writes, in BatchWriteItem calls of 25: puts of whole items
 * (groups, schools, campuses, memberships, enrolments) and deletes (campuses and membership
 * periods that never took effect). Not conditional: the import decides what to write from a
 * read made just before, and every put is the item as it should be, so running it again
 * after a failure half-way finishes the job (docs/catalogue.md "Import and export").
 */
const STREAMS = 4;

export class CatalogImportWrites {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async write(
    puts: Array<Record<string, unknown>>,
    deletes: Array<{ pk: string; sk: string }>,
    onProgress?: (written: number, total: number) => void,
  ): Promise<void> {
    const requests = [...puts.map((Item) => ({ PutRequest: { Item } })), ...deletes.map((Key) => ({ DeleteRequest: { Key } }))];
    // STREAMS calls in flight: the writes are independent (any order ends in the same table).
    const share = Math.ceil(requests.length / STREAMS / 25) * 25 || 25;
    const done = new Array<number>(STREAMS).fill(0);
    await Promise.all(
      Array.from({ length: STREAMS }, (_, i) =>
        batchWrite(this.db, this.tableName, requests.slice(i * share, (i + 1) * share), (written) => {
          done[i] = written;
          onProgress?.(
            done.reduce((a, b) => a + b, 0),
            requests.length,
          );
        }),
      ),
    );
  }
}
