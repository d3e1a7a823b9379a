import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CatalogImportIssue, CatalogImportPreview, DistrictCatalog } from '../../../../../shared';
import { ApiError, messageOf } from '../../../api/api-error';
import { importCatalog, openCatalogTemplate } from '../../../api/catalog-admin';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { pickSpreadsheet, type PickedFile } from '../../../utils/pick-spreadsheet';
import { TermChoice } from '../components/TermChoice';
import { useDistrictCatalog } from '../use-district-catalog';
import { ImportIssues, ImportPreview } from './ImportPreview';
import '../catalog.scss';

/** 导入 Excel (?district=): a file, the term it takes effect from, 预览, then 确认导入 (all or nothing). */
export default function ImportPage() {
  const { districtId, catalog } = useDistrictCatalog();
  if (catalog.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (catalog.status === 'error') return <StatusView kind="error" message={catalog.message} onRetry={catalog.reload} />;
  return <ImportFlow districtId={districtId} catalog={catalog.data} />;
}

function ImportFlow({ districtId, catalog }: { districtId: string; catalog: DistrictCatalog }) {
  // A first import sets the district up for the term under way; later ones usually wait for the next.
  const [fromTerm, setFromTerm] = useState(catalog.schools.length === 0 ? catalog.currentTerm : catalog.nextTerm);
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<CatalogImportPreview | null>(null);
  const [issues, setIssues] = useState<CatalogImportIssue[]>([]);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const reset = () => (setPreview(null), setIssues([]), setMessage(''));
  const choose = async () => {
    const picked = await pickSpreadsheet();
    reset();
    if (!picked) return setMessage('请选择 .xlsx 或 .csv 文件');
    setFile(picked);
  };
  const send = async (apply: boolean) => {
    if (!file || busy) return;
    setBusy(true);
    setIssues([]);
    setMessage('');
    try {
      // An apply confirms the preview shown: the server refuses it if the catalogue changed since.
      const basis = apply ? preview?.basis : undefined;
      const answer = await importCatalog(districtId, { format: file.format, file: file.base64, fromTerm, apply, basis });
      setPreview(answer);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        setPreview(null);
        setMessage(`${error.message}：预览之后学校与集团已有改动，请重新预览后再导入`);
        return;
      }
      // A file the server cannot read at all is refused as a whole, with its cells when it names them.
      const details = error instanceof ApiError ? (error.details as { issues?: CatalogImportIssue[] } | undefined) : undefined;
      setIssues(Array.isArray(details?.issues) ? details.issues : []);
      setMessage(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  if (preview?.applied) {
    return (
      <View className="page catalog">
        <Section title="导入完成">
          <Text className="field__hint" id="import-done">
            已导入 {preview.rows} 行，自所选学期起生效。
          </Text>
          <ImportPreview preview={preview} />
          <Button id="import-back" className="primary-button" onClick={() => void Taro.navigateBack()}>
            返回学校与集团
          </Button>
        </Section>
      </View>
    );
  }
  const canApply = Boolean(preview && preview.errors.length === 0) && !busy;
  return (
    <View className="page catalog">
      <Section title="导入学校与集团">
        <Text className="field__hint">
          每行一所学校，同一行写它所属的集团和角色。导入要么全部生效，要么一行也不导入；先预览，确认无误再导入。
        </Text>
        <Button
          id="import-template"
          size="mini"
          className="button-row__button"
          onClick={() => void openCatalogTemplate().catch((e) => setMessage(messageOf(e)))}
        >
          下载模板
        </Button>
        <TermChoice
          idPrefix="import-from"
          currentTerm={catalog.currentTerm}
          nextTerm={catalog.nextTerm}
          value={fromTerm}
          onChange={(term) => (setFromTerm(term), reset())}
        />
        <View className="button-row">
          <Button id="import-choose" size="mini" className="button-row__button" onClick={() => void choose()}>
            选择文件
          </Button>
          <Text className="field__hint" id="import-file">
            {file ? file.name : '未选择文件（.xlsx 或 .csv）'}
          </Text>
        </View>
        <Button
          id="import-preview-button"
          className={`primary-button${!file || busy ? ' primary-button--idle' : ''}`}
          disabled={!file || busy || undefined}
          onClick={() => Boolean(file) && void send(false)}
        >
          {busy && !preview ? '正在检查…' : '预览'}
        </Button>
        {message ? (
          <Text id="import-message" className="catalog-issue">
            {message}
          </Text>
        ) : null}
        <ImportIssues issues={issues} />
        {preview ? <ImportPreview preview={preview} /> : null}
        <Button
          id="import-apply"
          className={`primary-button${canApply ? '' : ' primary-button--idle'}`}
          disabled={!canApply || undefined}
          onClick={() => canApply && void send(true)}
        >
          确认导入
        </Button>
      </Section>
    </View>
  );
}
