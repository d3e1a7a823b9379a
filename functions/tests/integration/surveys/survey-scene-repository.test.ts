import { SurveySceneRepository } from '../../../src/features/surveys/survey-scene-repository';
import { createTestTable, type TestTable } from '../../../../tests/support/dynamo';

/** The access pattern AP97 of survey links' short codes, on DynamoDB Local. */
describe('survey scene repository on DynamoDB Local', () => {
  let table: TestTable;
  let scenes: SurveySceneRepository;

  beforeAll(async () => {
    table = await createTestTable('scenes');
    scenes = new SurveySceneRepository(table.db, table.tableName);
  });
  afterAll(() => table.drop());

  it('AP97 writes a link code once, keeps the first target, reads it back and null for an unknown code', async () => {
    // Prepare
    const scene = { code: 'abc123', surveyId: 'sv-one', schoolId: 'jn-jingbalu-ps', createdAt: '2026-12-01T00:00:00Z' };

    // Act
    const first = await scenes.putIfAbsent(scene);
    const again = await scenes.putIfAbsent({ ...scene, surveyId: 'sv-other' });
    const read = await scenes.get('abc123');
    const unknown = await scenes.get('nothing');

    // Assess
    expect(first).toBe(true);
    expect(again).toBe(false);
    expect(read).toEqual(scene);
    expect(unknown).toBeNull();
  });
});
