import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AdminSchool } from '../../../../../shared';
import { messageOf } from '../../../api/api-error';
import { archiveSchool, deleteSchool } from '../../../api/catalog-admin';
import { Section } from '../../../components/section/Section';
import { deleteOrArchive } from '../delete-or-archive';

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' });

/**
 * 调整集团, 归档 and 删除. A school with answers, batches or scores cannot be deleted (409
 * IN_USE): the server's reason is shown and 归档 offered instead, which keeps its history.
 */
export function SchoolActions({
  school,
  onMove,
  onArchived,
  onDeleted,
}: {
  school: AdminSchool;
  onMove: () => void;
  onArchived: (school: AdminSchool) => void;
  onDeleted: () => void;
}) {
  const archive = async () => {
    try {
      onArchived((await archiveSchool(school.id, school.version)).school);
      toast('已归档');
    } catch (error) {
      toast(messageOf(error));
    }
  };
  const confirmArchive = async () => {
    const { confirm } = await Taro.showModal({
      title: '归档学校',
      content: `归档后“${school.name}”自本学期起退出所在集团；以往的问卷、评价和轮岗记录保留。确定归档？`,
      confirmText: '归档',
    });
    if (confirm) await archive();
  };
  const confirmDelete = async () => {
    const deleted = await deleteOrArchive({
      what: '学校',
      name: school.name,
      remove: () => deleteSchool(school.id, school.version),
      archive,
    });
    if (deleted) onDeleted();
  };
  return (
    <Section title="更多操作" className="catalog-danger">
      <View className="button-row">
        <Button id="school-move" size="mini" className="button-row__button" onClick={onMove}>
          调整所属集团
        </Button>
        {school.archivedAt ? (
          <Text className="catalog-archived__tag">已归档</Text>
        ) : (
          <Button id="school-archive" size="mini" className="button-row__button" onClick={() => void confirmArchive()}>
            归档
          </Button>
        )}
        <Button id="school-delete" size="mini" type="warn" className="button-row__button" onClick={() => void confirmDelete()}>
          删除
        </Button>
      </View>
    </Section>
  );
}
