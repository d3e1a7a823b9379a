import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../src/api/api-error';
import { getDistrictCatalog, moveSchool } from '../../src/api/catalog-admin';
import MovePage from '../../src/packages/catalog/move/index';
import { adminSchool, districtCatalog } from '../support/catalog-admin-fixtures';
import { setRouterParams } from '../support/taro-shim';
import { tap } from '../support/taro-events';

jest.mock('../../src/api/catalog-admin');

describe('the move page (调整所属集团)', () => {
  beforeEach(() => {
    setRouterParams({ district: 'd-370103', id: 's-jingbalu' });
    jest.mocked(getDistrictCatalog).mockResolvedValue(districtCatalog());
  });
  afterEach(() => {
    cleanup();
    jest.resetAllMocks();
  });

  test('labels both terms by school year, starts from 下学期, and says which terms stay with the old group', async () => {
    // Prepare
    jest.mocked(moveSchool).mockResolvedValue({ school: adminSchool({ version: 4 }), memberships: [] });
    render(<MovePage />);
    const next = await screen.findByText('下学期（2026—2027学年第二学期）');

    // Act
    tap(document.querySelector('#move-to-g-shunhe')!);

    // Assess
    expect(screen.getByText('本学期（2026—2027学年第一学期）').className).not.toContain('chip--selected');
    expect(next.className).toContain('chip--selected');
    expect(document.querySelector('#move-leave-g-jingwu')!.className).toContain('chip--selected');
    expect(document.querySelector('#move-consequence')!.textContent).toBe(
      '自2026—2027学年第二学期起计入“舜和教育集团”；2026—2027学年第一学期及以前仍计入原集团“经五教育集团”。',
    );
    tap(screen.getByText('确认调整'));
    await waitFor(() =>
      expect(moveSchool).toHaveBeenCalledWith('s-jingbalu', {
        version: 3,
        fromTerm: '2026-2',
        fromGroupId: 'g-jingwu',
        toGroupId: 'g-shunhe',
        role: 'member',
      }),
    );
  });

  test('from 本学期, the terms kept are those before it', async () => {
    // Prepare
    render(<MovePage />);
    tap(await screen.findByText('本学期（2026—2027学年第一学期）'));

    // Act
    tap(document.querySelector('#move-to-none')!);

    // Assess
    expect(document.querySelector('#move-consequence')!.textContent).toBe(
      '自2026—2027学年第一学期起不属于任何集团；2025—2026学年第二学期及以前仍计入原集团“经五教育集团”。',
    );
  });

  test('moving a lead school out says why beside 原集团, in the server’s words', async () => {
    // Prepare
    const message = '济南市经八路小学是经五教育集团的牵头学校：请先在集团信息中更换牵头学校（或改为共同发起），再调出';
    jest.mocked(moveSchool).mockRejectedValue(new ApiError('VALIDATION_FAILED', message, 400, [{ path: 'fromGroupId', message }]));
    render(<MovePage />);
    await screen.findByText('下学期（2026—2027学年第二学期）');
    tap(document.querySelector('#move-to-g-shunhe')!);

    // Act
    tap(screen.getByText('确认调整'));

    // Assess
    await waitFor(() => expect(document.querySelector('#error-fromGroupId')?.textContent).toBe(message));
    expect(document.querySelector('#error-fromGroupId')!.previousElementSibling!.className).toContain('chips');
  });
});
