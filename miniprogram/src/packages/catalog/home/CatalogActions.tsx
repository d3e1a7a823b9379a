import { Button, View } from '@tarojs/components';

/** What an office does to its catalogue: one item at a time, or the whole of it through Excel. */
export function CatalogActions(actions: {
  onNewSchool: () => void;
  onNewGroup: () => void;
  onImport: () => void;
  onTemplate: () => void;
  onExport: () => void;
}) {
  const buttons = [
    { id: 'new-school', label: '新建学校', onClick: actions.onNewSchool },
    { id: 'new-group', label: '新建集团', onClick: actions.onNewGroup },
    { id: 'open-import', label: '导入 Excel', onClick: actions.onImport },
    { id: 'catalog-template', label: '下载模板', onClick: actions.onTemplate },
    { id: 'catalog-export', label: '导出', onClick: actions.onExport },
  ];
  return (
    <View className="button-row catalog-actions">
      {buttons.map((b) => (
        <Button key={b.id} id={b.id} size="mini" className="button-row__button" onClick={b.onClick}>
          {b.label}
        </Button>
      ))}
    </View>
  );
}
