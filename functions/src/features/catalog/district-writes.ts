import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { District } from '../../../../shared';
import { wroteIf } from '../../db/conditional';
import { keys } from '../../db/keys';

/**
 * AP72: creates one district with the same keys the seed loader gives a district (its own
 * item, and its row in the DISTRICTS index that AP1 lists). Apart from CatalogRepository so
 * the admin CLI can create districts without widening the read repository.
 */
export class DistrictWrites {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** False, and nothing written, when a district with this id already exists: never overwrites. */
  putDistrict(district: District): Promise<boolean> {
    return wroteIf(
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.district(district.id), ...keys.districtIndex(district.id), kind: 'district', ...district },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }
}
