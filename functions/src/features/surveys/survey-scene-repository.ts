import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { wroteIf } from '../../db/conditional';
import { keys } from '../../db/keys';
import { stripKeys } from '../../db/strip-keys';

/** What a survey link's short code names, as stored. */
export interface SurveySceneItem {
  code: string;
  surveyId: string;
  schoolId: string;
  createdAt: string;
}

/** Survey links' short codes (AP97): pk SCENE#<code>, written once, read by anyone holding the code. */
export class SurveySceneRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** AP97: writes the code unless it exists; false when it did (the caller checks what it names). */
  putIfAbsent(scene: SurveySceneItem): Promise<boolean> {
    return wroteIf(
      this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.surveyScene(scene.code), ...scene },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  /** AP97 */
  async get(code: string): Promise<SurveySceneItem | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.surveyScene(code) }));
    return Item ? stripKeys<SurveySceneItem>(Item) : null;
  }
}
