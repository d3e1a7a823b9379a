import { render, screen, waitFor } from '@testing-library/react';
import type { DistrictSummary } from '../../../shared';
import { listDistricts, searchSchools } from '../../src/api/catalog';
import HomePage from '../../src/pages/home/index';
import { withMockedCatalog } from '../support/catalog-mocks';
import { districts, jingbaluHit, page } from '../support/fixtures';
import { tap } from '../support/taro-events';

jest.mock('../../src/api/catalog');

// As /api/districts answers for 海淀 (seed document 003).
const haidian: DistrictSummary = {
  id: 'beijing-haidian',
  name: '海淀区',
  city: '北京市',
  province: '北京市',
  groupCount: 0,
  schoolCount: 5,
  reported: {
    groups: 36,
    sites: 140,
    memberSchools: 100,
    students: 190000,
    atLeast: true,
    source: '003',
    publisher: '区教委',
    citation: '海淀区教委，2022 年 7 月（海淀教育微信公众号）',
  },
};

describe('the home page for a district with reported figures', () => {
  withMockedCatalog();
  beforeEach(() => jest.mocked(listDistricts).mockResolvedValue({ items: [...districts.items, haidian] }));

  test('shows 海淀’s own figures, marked as the district’s, with their source', async () => {
    // Prepare
    jest.mocked(searchSchools).mockResolvedValue(page([]));
    render(<HomePage />);

    // Act
    tap(await screen.findByText('北京·海淀区'));

    // Assess
    await waitFor(() => expect(document.querySelector('#reported-facts-line')).not.toBeNull());
    expect(document.querySelector('#reported-facts-line')!.textContent).toBe(
      '据区教委公开资料：36 个教育集团，140 余个校址，100 余所成员校，19 万余名学生在集团内就读',
    );
    expect(document.querySelector('#reported-facts')!.textContent).toContain('并非本平台收录的集团和学校数量');
    expect(document.querySelector('#reported-facts-source')!.textContent).toBe('来源：海淀区教委，2022 年 7 月（海淀教育微信公众号）');
  });

  test('shows no figures for a district that published none', async () => {
    // Prepare
    jest.mocked(searchSchools).mockResolvedValue(page([jingbaluHit]));
    render(<HomePage />);

    // Act
    tap(await screen.findByText('济南·市中区'));

    // Assess
    await screen.findByText('济南市经八路小学');
    expect(document.querySelector('#reported-facts')).toBeNull();
  });
});
