import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ImportIssue, RotationBatch } from '../../../../../shared';
import { ApiError, messageOf } from '../../../api/api-error';
import { fieldErrors, summaryOf } from '../../../api/field-errors';
import { FieldError } from '../../../components/field-error/FieldError';
import { openExport } from '../../../api/export-file';
import { importBatch } from '../../../api/rotation';
import { Section } from '../../../components/section/Section';
import { pickSpreadsheet } from '../../../utils/pick-spreadsheet';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
/** The fields this form shows a server message beside (the batch's own fields and the file). */
const SHOWN = ['meta.title', 'meta.schoolYear', 'meta.noticeStart', 'meta.noticeEnd', 'file'];
const schoolYear = () => {
  const year = Number(today().slice(0, 4));
  return `${year}-${year + 1}`;
};

/** 导入批次: template download, the batch's fields, the file, and the validation report. */
export function ImportForm({
  districtId,
  groups,
  groupOnly,
  correctable,
  onImported,
}: {
  districtId: string;
  groups: Array<{ id: string; name: string }>;
  groupOnly: boolean;
  /** Published batches a new import may correct (supersede). */
  correctable: RotationBatch[];
  onImported: () => void;
}) {
  const [title, setTitle] = useState('');
  const [year, setYear] = useState(schoolYear());
  const [noticeStart, setNoticeStart] = useState(today());
  const [noticeEnd, setNoticeEnd] = useState('');
  const [groupId, setGroupId] = useState<string | null>(groupOnly ? (groups[0]?.id ?? null) : null);
  const [supersedes, setSupersedes] = useState<string | null>(null);
  const [issues, setIssues] = useState<ImportIssue[]>([]);
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const upload = async () => {
    setIssues([]);
    setMessage('');
    setErrors({});
    const file = await pickSpreadsheet();
    if (!file) return setMessage('请选择 .xlsx 或 .csv 文件');
    try {
      const { batch } = await importBatch(
        {
          districtId,
          groupId,
          title: title.trim() || file.name.replace(/\.[^.]+$/, ''),
          schoolYear: year.trim(),
          noticeStart: noticeStart.trim(),
          noticeEnd: noticeEnd.trim() || undefined,
          supersedes,
        },
        file.format,
        file.base64,
      );
      setMessage(
        `已导入草稿“${batch.title}”，共 ${batch.assignmentCount} 人；公示期 ${batch.noticeStart} 至 ${batch.noticeEnd}。请核对后发布。`,
      );
      onImported();
    } catch (error) {
      const details = error instanceof ApiError ? (error.details as { issues?: ImportIssue[] } | undefined) : undefined;
      setIssues(details?.issues ?? []);
      // The batch's own fields (meta.title, meta.noticeEnd…) get their reason beside them.
      setErrors(fieldErrors(error));
      setMessage(summaryOf(error, SHOWN, '请按标出的提示修改后重新导入'));
    }
  };

  const field = (id: string, path: string, label: string, value: string, set: (v: string) => void, placeholder = '') => (
    <View>
      <Text className="field__label">{label}</Text>
      <Input id={id} className="field__input" value={value} placeholder={placeholder} onInput={(e) => set(e.detail.value)} />
      <FieldError field={path} errors={errors} />
    </View>
  );

  return (
    <Section title="导入交流轮岗名单" className="rotation-import">
      <View className="rotation-actions">
        <Button
          id="template-xlsx"
          size="mini"
          onClick={() => void openExport('/rotation/template?format=xlsx', '交流轮岗导入模板.xlsx').catch((e) => setMessage(messageOf(e)))}
        >
          下载 Excel 模板
        </Button>
      </View>
      {field('import-title', 'meta.title', '标题', title, setTitle, '如：2026 学年教师交流轮岗名单')}
      {field('import-year', 'meta.schoolYear', '学年', year, setYear, '2026-2027')}
      {field('import-start', 'meta.noticeStart', '公示开始日期', noticeStart, setNoticeStart, 'YYYY-MM-DD')}
      {field('import-end', 'meta.noticeEnd', '公示结束日期（留空则为 5 个工作日后）', noticeEnd, setNoticeEnd, 'YYYY-MM-DD')}
      <Text className="field__label">范围</Text>
      <View className="chips">
        {groupOnly ? null : (
          <Text id="import-scope-all" className={`chip${groupId === null ? ' chip--selected' : ''}`} onClick={() => setGroupId(null)}>
            全区
          </Text>
        )}
        {groups.map((g) => (
          <Text
            key={g.id}
            id={`import-scope-${g.id}`}
            className={`chip${g.id === groupId ? ' chip--selected' : ''}`}
            onClick={() => setGroupId(g.id)}
          >
            {g.name}
          </Text>
        ))}
      </View>
      {correctable.length > 0 ? (
        <View>
          <Text className="field__label">更正已发布的批次（发布后原批次标记为“已被更正”）</Text>
          <View className="chips">
            <Text
              id="import-corrects-none"
              className={`chip${supersedes === null ? ' chip--selected' : ''}`}
              onClick={() => setSupersedes(null)}
            >
              不更正
            </Text>
            {correctable.map((b) => (
              <Text
                key={b.id}
                id={`import-corrects-${b.id}`}
                className={`chip${b.id === supersedes ? ' chip--selected' : ''}`}
                onClick={() => setSupersedes(b.id)}
              >
                {b.title}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
      <Button id="import-upload" className="primary-button" onClick={() => void upload()}>
        选择文件并导入
      </Button>
      <FieldError field="file" errors={errors} />
      {message ? (
        <Text id="import-message" className={issues.length > 0 ? 'rotation-issue' : 'field__hint'}>
          {message}
        </Text>
      ) : null}
      {issues.map((i) => (
        <Text key={`${i.row}-${i.column}`} className="rotation-issue import-issue">
          第 {i.row} 行「{i.column}」：{i.message}
        </Text>
      ))}
    </Section>
  );
}
