import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ScoreImportPreview } from '../../../../../shared/evaluation/score-import-columns';
import { importScores, scoreTemplatePath } from '../../../api/evaluation';
import { openExport } from '../../../api/export-file';
import { saveProblem } from '../../../api/field-errors';
import { FieldError } from '../../../components/field-error/FieldError';
import { Section } from '../../../components/section/Section';
import { pickSpreadsheet, type PickedFile } from '../../../utils/pick-spreadsheet';

const ISSUES_SHOWN = 50;

/** 共 96 行：新增 90 条、修改 2 条、与已录入相同 4 条、未填分数跳过 0 行. */
function changesText(p: ScoreImportPreview): string {
  const parts = [
    `新增 ${p.changes.added} 条`,
    `修改 ${p.changes.updated} 条`,
    p.changes.unchanged ? `与已录入相同 ${p.changes.unchanged} 条` : '',
    p.skipped ? `未填分数跳过 ${p.skipped} 行` : '',
  ].filter(Boolean);
  return `共 ${p.rows} 行：${parts.join('、')}`;
}

/**
 * 从 Excel 导入人工评分: the template (every school × manual indicator of the round, with what is
 * entered so far), a file, its preview with the errors per row and column, then 确认导入, which
 * stores every row or none. The server's words about the file appear beside 选择文件.
 */
export function ScoreImport({ roundId, roundName, onImported }: { roundId: string; roundName: string; onImported: () => void }) {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<ScoreImportPreview | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  const fail = (error: unknown) => {
    const { message, fields } = saveProblem(error);
    // A file the server cannot read (wrong header, not an Excel file) is about the file itself.
    setErrors({ file: fields.file ?? fields.format ?? message });
  };

  // No `disabled` on these buttons: Taro's H5 button keeps the faded look after it is enabled again.
  const choose = async () => {
    setErrors({});
    setDone('');
    setPreview(null);
    const picked = await pickSpreadsheet();
    if (!picked) return setErrors({ file: '请选择 .xlsx 文件（可用下载的模板填写）' });
    setFile(picked);
    setBusy(true);
    try {
      setPreview(await importScores(roundId, { format: picked.format, file: picked.base64, apply: false }));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await importScores(roundId, { format: file.format, file: file.base64, apply: true });
      if (result.applied) {
        setDone(`已导入：${changesText(result)}。`);
        setPreview(null);
        setFile(null);
        onImported();
      } else setPreview(result);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const writes = preview ? preview.changes.added + preview.changes.updated : 0;
  return (
    <Section title="从 Excel 导入人工评分" className="score-import">
      <Text className="field__hint">
        模板每行是一所学校的一个人工评分指标。填写分数（0–100）、佐证材料和录入人后导入；未填分数的行会跳过。导入前先预览，任何一行有错都不会导入。
      </Text>
      <View className="button-row">
        <Button
          id="score-template"
          className="button-row__button score-import__button"
          onClick={() => void openExport(scoreTemplatePath(roundId), `人工评分导入模板-${roundName}.xlsx`).catch((e) => fail(e))}
        >
          下载模板
        </Button>
        <Button id="score-file" className="button-row__button score-import__button" onClick={() => busy || void choose()}>
          {file ? '重新选择文件' : '选择文件'}
        </Button>
      </View>
      {file ? (
        <Text className="field__hint" id="score-file-name">
          已选择：{file.name}
        </Text>
      ) : null}
      <FieldError field="file" errors={errors} />
      {preview ? (
        <View className="score-import__preview" id="score-import-preview">
          <Text className="score-import__summary" id="score-import-summary">
            {changesText(preview)}
          </Text>
          {preview.errors.length ? (
            <>
              <Text className="field__error" id="score-import-errors-head">
                有 {preview.errors.length} 处错误，请在文件中改正后重新选择文件（本次不会导入任何分数）：
              </Text>
              {preview.errors.slice(0, ISSUES_SHOWN).map((e) => (
                <Text key={`${e.row}-${e.column}`} className="score-import__issue">
                  第 {e.row} 行 {e.column}：{e.message}
                </Text>
              ))}
              {preview.errors.length > ISSUES_SHOWN ? (
                <Text className="score-import__issue">另有 {preview.errors.length - ISSUES_SHOWN} 处，改正以上后再看</Text>
              ) : null}
            </>
          ) : writes === 0 ? (
            <Text className="field__hint">文件与已录入的分数相同，无需导入</Text>
          ) : (
            <Button
              id="score-import-apply"
              className={`primary-button${busy ? ' primary-button--idle' : ''}`}
              onClick={() => busy || void apply()}
            >
              确认导入 {writes} 条分数
            </Button>
          )}
        </View>
      ) : null}
      {done ? (
        <Text className="score-import__done" id="score-import-done">
          {done}
        </Text>
      ) : null}
    </Section>
  );
}
