import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { RoundReport, SavedIndicatorSystem } from '../../../shared';
import { EVALUATION_TEMPLATES } from '../../../shared/evaluation/evaluation-templates';
import { ApiError } from '../../src/api/api-error';
import { createRound, importScores, putManualScore, saveIndicatorSystem, setPublication } from '../../src/api/evaluation';
import { coverageSummary } from '../../src/packages/evaluation/round/coverage';
import { lockConfirmText } from '../../src/packages/evaluation/round/lock-round';
import { PublishForm } from '../../src/packages/evaluation/round/PublishForm';
import { ScoreForm } from '../../src/packages/evaluation/round/ScoreForm';
import { ScoreImport } from '../../src/packages/evaluation/round/ScoreImport';
import { NewRound } from '../../src/packages/evaluation/rounds/NewRound';
import { pickSpreadsheet } from '../../src/utils/pick-spreadsheet';
import { tap, typeInto } from '../support/taro-events';

jest.mock('../../src/api/evaluation');
jest.mock('../../src/utils/pick-spreadsheet');

const jinan = EVALUATION_TEMPLATES.find((t) => t.id === 'jinan-shizhong')!;
const score = (value: number | null, source: 'manual' | 'survey' = 'manual') => ({ score: value, source });
const view = (value: number | null) => ({ score: value, complete: value !== null, missing: [] });

/** 济南's system; 经五路 has every score, 经纬 lacks 教师发展 and its 在校家庭数. */
const report: RoundReport = {
  roundId: 'rd-1',
  name: '2026 秋',
  districtId: 'jinan-shizhong',
  system: JSON.parse(JSON.stringify({ ...jinan, dimensions: jinan.dimensions.map((d) => ({ ...d })) })),
  schools: [
    {
      id: 'jn-jingwulu-ps',
      name: '济南市经五路小学',
      indicators: {
        'school/overall': score(80),
        'teacher/overall': score(80),
        'student/overall': score(80),
        'recognition/satisfaction': score(90, 'survey'),
        'potential/overall': score(80),
      },
      dimensions: {},
      total: view(82),
      rank: 1,
      previousScore: null,
      delta: null,
      rankChange: null,
    },
    {
      id: 'jn-jingwei-ps',
      name: '济南市经纬小学',
      indicators: {
        'school/overall': score(80),
        'teacher/overall': score(null),
        'student/overall': score(80),
        'recognition/satisfaction': score(null, 'survey'),
        'potential/overall': score(80),
      },
      dimensions: {},
      total: view(null),
      rank: null,
      previousScore: null,
      delta: null,
      rankChange: null,
    },
  ],
  groups: [
    {
      id: 'jn-jingwu',
      name: '经五教育集团',
      schoolIds: ['jn-jingwulu-ps', 'jn-jingwei-ps'],
      dimensions: {},
      total: { score: null, complete: false, missing: [{ kind: 'enrollment', schoolId: 'jn-jingwei-ps' }] },
      flags: { incomplete: true, recognitionBelowBar: false },
      rank: null,
      previousScore: null,
      delta: null,
      rankChange: null,
    },
  ],
  coverage: {
    complete: false,
    schools: { ranked: 1, total: 2, incomplete: [{ id: 'jn-jingwei-ps', name: '济南市经纬小学', missing: [] }] },
    groups: { ranked: 0, total: 1, incomplete: [{ id: 'jn-jingwu', name: '经五教育集团', missing: [] }] },
  },
};

/** Types into the native <textarea> that Taro's <Textarea> renders. */
async function typeInTextarea(host: Element, value: string) {
  const area = await waitFor(() => {
    const native = host.querySelector('textarea');
    if (!native) throw new Error('no textarea yet');
    return native;
  });
  act(() => {
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const beside = (message: HTMLElement) => message.previousElementSibling?.id;

afterEach(() => {
  cleanup();
  jest.resetAllMocks();
});

describe('录入人工评分 (ScoreForm)', () => {
  test("shows the server's message beside the field it names", async () => {
    // Prepare
    jest
      .mocked(putManualScore)
      .mockRejectedValue(new ApiError('VALIDATION_FAILED', '请求参数不正确', 400, [{ path: 'enteredBy', message: '录入人不超过 30 字' }]));
    render(<ScoreForm report={report} onSaved={() => {}} />);
    // Act
    await typeInto(document.querySelector('#score-value')!, '85');
    await typeInTextarea(document.querySelector('#score-evidence')!, '督导报告第 3 页');
    await typeInto(document.querySelector('#score-entered-by')!, '王主任'.repeat(11));
    tap(document.querySelector('#score-save')!);
    // Assess
    const message = await screen.findByText('录入人不超过 30 字');
    expect(message.id).toBe('error-enteredBy');
    expect(beside(message)).toBe('score-entered-by');
  });

  test('says beside 分数 that it must be 0–100, without asking the server', async () => {
    // Prepare
    render(<ScoreForm report={report} onSaved={() => {}} />);
    // Act
    await typeInto(document.querySelector('#score-value')!, '120');
    tap(document.querySelector('#score-save')!);
    // Assess
    const message = await screen.findByText('分数须在 0–100 之间');
    expect(beside(message)).toBe('score-value');
    expect(screen.getByText('请填写依据').id).toBe('error-evidence');
    expect(putManualScore).not.toHaveBeenCalled();
  });
});

describe('公开设置 (PublishForm)', () => {
  test('asks again naming what is missing, and shows a refused ranking beside 全区排名', async () => {
    // Prepare
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never);
    jest
      .mocked(setPublication)
      .mockRejectedValue(new ApiError('RANKING_INCOMPLETE', '1 个集团数据不完整，全部集团数据完整后才能公开排名', 409, { groups: {} }));
    render(<PublishForm roundId="rd-1" current={null} coverage={report.coverage} summary={coverageSummary(report)} onSaved={() => {}} />);
    // Act
    tap(document.querySelector('#publish-ranking')!);
    tap(document.querySelector('#publish-save')!);
    // Assess
    const message = await screen.findByText('1 个集团数据不完整，全部集团数据完整后才能公开排名');
    expect(message.id).toBe('error-show-ranking');
    const asked = modal.mock.calls[0][0] as { content: string; confirmText: string };
    expect(asked.content).toContain('教师发展·教师发展综合评价 缺 1 所');
    expect(asked.confirmText).toBe('仍要公开');
    expect(jest.mocked(setPublication).mock.calls[0][1].show.ranking).toBe(true);
  });
});

describe('新建评价轮次 (NewRound and SystemEditor)', () => {
  const saved: SavedIndicatorSystem = {
    id: 'is-1',
    name: '市中区 2026 版',
    system: { ...jinan, dimensions: jinan.dimensions.map((d) => ({ ...d, weight: d.id === 'school' ? 40 : 15 })) } as never,
    savedAt: '2026-11-01T00:00:00Z',
    savedBy: 'u',
  };
  const renderNewRound = () =>
    render(
      <NewRound districtId="jinan-shizhong" surveys={[]} rounds={[]} systems={[saved]} onCreated={() => {}} onSystemSaved={() => {}} />,
    );

  test('checks a dimension weight as it is typed, beside that field', async () => {
    // Prepare
    renderNewRound();
    // Act
    await typeInto(document.querySelector('#dimension-weight-school')!, '120');
    // Assess
    const message = await screen.findByText('权重不能超过 100');
    expect(message.id).toBe('error-system-dimensions-0-weight');
    // Right under the row that holds the dimension's weight field.
    expect(message.previousElementSibling?.querySelector('#dimension-weight-school')).not.toBeNull();
    expect(document.querySelector('#error-system-dimensions')!.textContent).toBe('各维度权重合计 200，应为 100');
  });

  test("shows the server's message on a system beside the field it names", async () => {
    // Prepare: a survey fed indicator switched to manual, so no survey is needed.
    jest
      .mocked(createRound)
      .mockRejectedValue(
        new ApiError('INVALID_SYSTEM', '指标体系不完整', 400, [
          { path: 'system.dimensions.1.indicators.0.name', message: '指标名称已被使用' },
        ]),
      );
    renderNewRound();
    tap(document.querySelector('#source-recognition-satisfaction-manual')!);
    await typeInto(document.querySelector('#new-round-name')!, '2026 秋');
    // Act
    tap(document.querySelector('#new-round-create')!);
    // Assess
    const message = await screen.findByText('指标名称已被使用');
    expect(message.id).toBe('error-system-dimensions-1-indicators-0-name');
    expect(message.previousElementSibling?.querySelector('#indicator-name-teacher-overall')).not.toBeNull();
    expect(message.closest('#indicator-teacher-overall')).not.toBeNull();
  });

  test('starts from a saved system of the district, and offers to replace one of the same name', async () => {
    // Prepare
    jest
      .mocked(saveIndicatorSystem)
      .mockRejectedValueOnce(
        new ApiError('NAME_TAKEN', '已有同名的指标体系', 409, [{ path: 'name', message: '已有同名的指标体系：换个名称，或选择覆盖' }]),
      )
      .mockResolvedValueOnce({ ...saved, savedAt: '2026-11-02T00:00:00Z' });
    renderNewRound();
    // Act
    tap(document.querySelector('#round-saved-is-1')!);
    await waitFor(() => expect(document.querySelector('#dimension-weight-school input')).toHaveProperty('value', '40'));
    tap(document.querySelector('#system-save')!);
    const message = await screen.findByText('已有同名的指标体系：换个名称，或选择覆盖');
    tap(document.querySelector('#system-replace')!);
    // Assess
    expect(message.id).toBe('error-systemName');
    await screen.findByText('已保存为本区指标体系“市中区 2026 版”，以后新建轮次可直接选用');
    expect(jest.mocked(saveIndicatorSystem).mock.calls.map((c) => c[1].replace)).toEqual([false, true]);
  });
});

describe('从 Excel 导入人工评分 (ScoreImport)', () => {
  const file = { name: '评分.xlsx', format: 'xlsx' as const, base64: 'UEs=' };

  test('shows the row errors of the preview and imports nothing', async () => {
    // Prepare
    jest.mocked(pickSpreadsheet).mockResolvedValue(file);
    jest.mocked(importScores).mockResolvedValue({
      applied: false,
      rows: 96,
      skipped: 0,
      errors: [{ row: 5, column: '分数', message: '须在 0–100 之间' }],
      changes: { added: 95, updated: 0, unchanged: 0 },
    });
    render(<ScoreImport roundId="rd-1" roundName="2026 秋" onImported={() => {}} />);
    // Act
    tap(document.querySelector('#score-file')!);
    // Assess
    await screen.findByText('第 5 行 分数：须在 0–100 之间');
    expect(document.querySelector('#score-import-apply')).toBeNull();
    expect(jest.mocked(importScores).mock.calls[0][1]).toEqual({ format: 'xlsx', file: 'UEs=', apply: false });
  });

  test("shows the server's word on the file beside 选择文件, and 确认导入 applies a clean preview", async () => {
    // Prepare
    const onImported = jest.fn();
    jest.mocked(pickSpreadsheet).mockResolvedValue(file);
    jest
      .mocked(importScores)
      .mockRejectedValueOnce(new ApiError('IMPORT_BAD_HEADER', '表头缺少列：佐证材料。请使用下载的模板', 400))
      .mockResolvedValueOnce({ applied: false, rows: 96, skipped: 0, errors: [], changes: { added: 96, updated: 0, unchanged: 0 } })
      .mockResolvedValueOnce({ applied: true, rows: 96, skipped: 0, errors: [], changes: { added: 96, updated: 0, unchanged: 0 } });
    render(<ScoreImport roundId="rd-1" roundName="2026 秋" onImported={onImported} />);
    // Act
    tap(document.querySelector('#score-file')!);
    const message = await screen.findByText('表头缺少列：佐证材料。请使用下载的模板');
    tap(document.querySelector('#score-file')!);
    const apply = await screen.findByText('确认导入 96 条分数');
    tap(apply.closest('#score-import-apply') ?? apply);
    // Assess
    expect(message.id).toBe('error-file');
    await screen.findByText('已导入：共 96 行：新增 96 条、修改 0 条。');
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(jest.mocked(importScores).mock.calls[2][1].apply).toBe(true);
  });
});

describe('coverage before locking', () => {
  test('counts and names what is missing, school × indicator, and the lock dialog names it', () => {
    // Act
    const summary = coverageSummary(report);
    const text = lockConfirmText(report.coverage, summary);
    // Assess
    expect(summary.missingCells).toBe(2);
    expect(summary.byIndicator.map((i) => [i.label, i.schools])).toEqual([
      ['教师发展·教师发展综合评价', ['济南市经纬小学']],
      ['社会认可·家长满意率', ['济南市经纬小学']],
    ]);
    expect(summary.noEnrollment).toEqual(['济南市经纬小学']);
    expect(text).toContain('缺分数：教师发展·教师发展综合评价 缺 1 所、社会认可·家长满意率 缺 1 所；在校家庭数缺 1 所');
    expect(text).toContain('其余将以“数据不完整”锁定且不参与排名。仍要锁定？');
  });
});
