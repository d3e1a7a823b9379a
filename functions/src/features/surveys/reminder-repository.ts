import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { wroteIf } from '../../db/conditional';
import { keys } from '../../db/keys';
import { queryAll } from '../../db/query';
import { stripKeys } from '../../db/strip-keys';
import type { ReminderConsentItem } from './reminder-items';

/** Reminder consents of surveys (AP100-AP102); the voter markers stay in SurveyRepository (AP27). */
export class ReminderRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** AP100: one consent per user and survey; consenting again replaces it (one reminder is all it buys). */
  async putConsent(consent: ReminderConsentItem): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.reminderConsent(consent.userKey, consent.surveyId, consent.createdAt), ...consent },
      }),
    );
  }

  /** AP101: a survey's waiting consents, oldest first. */
  async listConsents(surveyId: string): Promise<ReminderConsentItem[]> {
    const items = await queryAll<Record<string, unknown>>(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.reminderConsentPartition(surveyId) },
    });
    return items.map((item) => stripKeys<ReminderConsentItem>(item));
  }

  /**
   * AP102: uses a consent up: deleted only if it is still there, so of two concurrent senders
   * only one gets true, and a one-time consent buys at most one message.
   */
  takeConsent(consent: Pick<ReminderConsentItem, 'userKey' | 'surveyId'>): Promise<boolean> {
    const { pk, sk } = keys.reminderConsent(consent.userKey, consent.surveyId, '');
    return wroteIf(
      this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { pk, sk }, ConditionExpression: 'attribute_exists(pk)' })),
    );
  }
}
