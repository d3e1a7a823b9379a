import { Text, View } from '@tarojs/components';
import type { CatalogImportIssue, CatalogImportPreview } from '../../../../../shared';

/** Every bad cell, by row and column, in the server's words. */
export function ImportIssues({ issues }: { issues: CatalogImportIssue[] }) {
  return (
    <View id="import-issues">
      {issues.map((i) => (
        <Text key={`${i.row}-${i.column}-${i.message}`} className="catalog-issue import-issue">
          第 {i.row} 行「{i.column}」：{i.message}
        </Text>
      ))}
    </View>
  );
}

/** What the file would change: counts first, then the names, so the office sees it before applying. */
export function ImportPreview({ preview }: { preview: CatalogImportPreview }) {
  const { changes } = preview;
  const counts = [
    { id: 'groups-added', label: '新增集团', names: changes.groupsAdded },
    { id: 'groups-changed', label: '变更集团', names: changes.groupsChanged },
    { id: 'schools-added', label: '新增学校', names: changes.schoolsAdded },
    { id: 'schools-changed', label: '变更学校', names: changes.schoolsChanged },
    { id: 'moves', label: '调整集团', names: changes.moves },
  ];
  return (
    <View className="catalog-preview" id="import-preview">
      <Text className="field__hint">共 {preview.rows} 行</Text>
      {counts.map((c) => (
        <View key={c.id} id={`preview-${c.id}`} className="catalog-preview__line">
          <Text className="catalog-preview__count">
            {c.label}：{c.names.length}
          </Text>
          {c.names.length > 0 ? <Text className="field__hint">{c.names.join('、')}</Text> : null}
        </View>
      ))}
      <Text className="catalog-preview__count" id="preview-enrollments">
        在校家庭数：{changes.enrollmentsSet} 所学校
      </Text>
      {preview.errors.length > 0 ? (
        <Text className="catalog-issue" id="import-error-count">
          {preview.errors.length} 处错误，请修改文件后重新预览（本次不会导入任何数据）
        </Text>
      ) : null}
      <ImportIssues issues={preview.errors} />
    </View>
  );
}
