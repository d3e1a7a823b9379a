import { render, screen } from '@testing-library/react';
import type { PublicGroupEvaluation, RoundCoverage } from '../../../shared';
import { getGroup } from '../../src/api/catalog';
import { getPublicEvaluation } from '../../src/api/evaluation';
import { lockConfirmText } from '../../src/packages/evaluation/round/lock-round';
import GroupPage from '../../src/pages/group/index';
import { withMockedCatalog } from '../support/catalog-mocks';
import { jingwuGroup } from '../support/fixtures';
import { setRouterParams } from '../support/taro-shim';

jest.mock('../../src/api/catalog');
jest.mock('../../src/api/evaluation');

const base: PublicGroupEvaluation = {
  round: { id: 'rd-1', name: '2026—2027 学年第一学期', lockedAt: '2026-11-23T00:00:00Z' },
  dimensions: [{ id: 'school', name: '学校发展', weight: 100 }],
  total: { score: 73.3, complete: true, flags: { incomplete: false, recognitionBelowBar: false } },
};

describe('incomplete data on the evaluation pages', () => {
  withMockedCatalog();

  async function rankingShown(ranking: NonNullable<PublicGroupEvaluation['ranking']>) {
    setRouterParams({ id: 'jn-jingwu' });
    jest.mocked(getGroup).mockResolvedValue(jingwuGroup);
    jest.mocked(getPublicEvaluation).mockResolvedValue({ evaluation: { ...base, ranking } });
    render(<GroupPage />);
    return (await screen.findByText(/全区第|未参与排名/)).textContent ?? '';
  }

  test('the public ranking says how many groups are ranked and that the others are incomplete', async () => {
    // Act
    const text = await rankingShown({ rank: 1, of: 1, unranked: 10, rankChange: null, delta: null });
    // Assess: never 全区第 1 名（共 1 个集团）.
    expect(text).toContain('全区第 1 名（1 个集团参与排名，另有 10 个集团数据不完整、未排名）');
    expect(text).not.toContain('共 1 个集团');
  });

  test('a group without a complete score is shown as not ranked, and a full ranking has no caveat', async () => {
    expect(await rankingShown({ rank: null, of: 3, unranked: 1, rankChange: null, delta: null })).toContain(
      '本集团数据不完整，未参与排名（3 个集团有完整总分）',
    );
  });

  test('a ranking of every group has no caveat', async () => {
    const text = await rankingShown({ rank: 2, of: 3, unranked: 0, rankChange: null, delta: null });
    expect(text).toContain('全区第 2 名（3 个集团参与排名）');
    expect(text).not.toContain('数据不完整');
  });

  test('the lock confirmation states the coverage when data is missing, and only the freeze when complete', () => {
    // Prepare
    const coverage: RoundCoverage = {
      complete: false,
      schools: { ranked: 3, total: 5, incomplete: [] },
      groups: {
        ranked: 1,
        total: 2,
        incomplete: [{ id: 'jn-yuying', name: '育英教育集团', missing: [{ kind: 'enrollment', schoolId: 'jn-yuxiu-ms' }] }],
      },
    };
    // Act
    const incomplete = lockConfirmText(coverage);
    const complete = lockConfirmText({ ...coverage, complete: true });
    // Assess
    expect(incomplete).toContain('1/2 个集团、3/5 所学校有完整总分（缺：育英教育集团）');
    expect(incomplete).toContain('不参与排名');
    expect(complete).toBe('锁定后分数和报告将冻结，不能再修改。确定锁定？');
  });
});
