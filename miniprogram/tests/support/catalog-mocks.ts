import { cleanup } from '@testing-library/react';
import { listDistricts } from '../../src/api/catalog';
import { resetDistrictCache } from '../../src/hooks/useDistricts';
import { districts } from './fixtures';

/**
 * Per-test set-up shared by the page tests. Each test file still calls
 * jest.mock('../../src/api/catalog') itself (jest hoists it per file).
 */
export function withMockedCatalog(): void {
  beforeEach(() => {
    resetDistrictCache();
    jest.mocked(listDistricts).mockResolvedValue(districts);
  });

  afterEach(() => {
    // Unmount first: a load still under way must meet the mocks it was started with.
    cleanup();
    jest.resetAllMocks();
    jest.restoreAllMocks();
  });
}
