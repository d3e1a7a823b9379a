import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { wroteIf } from '../../../db/conditional';
import { keys } from '../../../db/keys';
import { queryAll } from '../../../db/query';
import { stripKeys } from '../../../db/strip-keys';
import type { SurveyDraftItem } from './draft-items';

/** Survey drafts (AP110-AP114, docs/data-model.md). */
export class SurveyDraftRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * AP110: saves a draft. A new draft (version 1) is written only if its id is free; a later
   * save only over the version it was read at, so of two admins saving the same draft the
   * second learns of the first (false) instead of silently overwriting it.
   */
  save(draft: SurveyDraftItem): Promise<boolean> {
    const item = {
      ...keys.surveyDraft(draft.id),
      ...keys.surveyDraftIndexes(draft.id, draft.districtId, draft.owner, draft.updatedAt),
      ...draft,
    };
    return wroteIf(
      this.db.send(
        new PutCommand(
          draft.version === 1
            ? { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                TableName: this.tableName,
                Item: item,
                ConditionExpression: 'attribute_exists(pk) AND version = :previous',
                ExpressionAttributeValues: { ':previous': draft.version - 1 },
              },
        ),
      ),
    );
  }

  /** AP111: every draft of a district (its own and its groups'), last saved first. */
  listOfDistrict(districtId: string): Promise<SurveyDraftItem[]> {
    return this.query('gsi1', 'gsi1pk', keys.surveyDraftsOfDistrict(districtId));
  }

  /** AP112: a group's drafts, last saved first. */
  listOfGroup(groupId: string): Promise<SurveyDraftItem[]> {
    return this.query('gsi2', 'gsi2pk', keys.surveyDraftsOfGroup(groupId));
  }

  /** AP113: one draft (consistent: the builder reads what it has just saved). */
  async get(draftId: string): Promise<SurveyDraftItem | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.surveyDraft(draftId), ConsistentRead: true }),
    );
    return Item ? stripKeys<SurveyDraftItem>(Item) : null;
  }

  /** AP114: deletes a draft if it is still there (false: already gone, e.g. published by someone else). */
  remove(draftId: string): Promise<boolean> {
    return wroteIf(
      this.db.send(
        new DeleteCommand({ TableName: this.tableName, Key: keys.surveyDraft(draftId), ConditionExpression: 'attribute_exists(pk)' }),
      ),
    );
  }

  private async query(index: 'gsi1' | 'gsi2', key: string, value: string): Promise<SurveyDraftItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: index,
      KeyConditionExpression: `${key} = :pk`,
      ExpressionAttributeValues: { ':pk': value },
      ScanIndexForward: false,
    });
    return items.map((item) => stripKeys<SurveyDraftItem>(item));
  }
}
