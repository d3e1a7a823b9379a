import ExcelJS from 'exceljs';
import { scoreTemplate } from '../../../src/spreadsheet/score-template';

describe('the manual-score template workbook', () => {
  it('puts the rows on the first sheet under a frozen header, never as formulas, and the notes on a second', async () => {
    // Prepare: a school name that a spreadsheet would run as a formula.
    const header = ['学校', '指标', '分数', '佐证材料', '录入人'];
    // Act
    const file = await scoreTemplate(header, [['=HYPERLINK("x")', '学校发展·综合', 85, '督导报告', '王主任']], ['分数填 0–100']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as never);
    // Assess
    const [sheet, help] = book.worksheets;
    expect(sheet.name).toBe('人工评分');
    expect(sheet.getRow(1).values).toEqual([undefined, ...header]);
    expect(sheet.getCell('A2').value).toBe('\'=HYPERLINK("x")');
    expect(sheet.getCell('C2').value).toBe(85);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(help.name).toBe('填写说明');
    expect(help.getCell('A2').value).toBe('分数填 0–100');
  });
});
