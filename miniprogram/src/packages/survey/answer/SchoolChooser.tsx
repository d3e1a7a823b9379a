import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '../../../api/api-error';
import { searchSchools } from '../../../api/catalog';
import { getMe } from '../../../api/identity';
import { useAsync } from '../../../hooks/useAsync';

interface Choice {
  id: string;
  name: string;
}

/**
 * A link without a school: the parent picks the child's school first (我的学校 of the survey's
 * district, or a search there), so the answers never reach the server without one.
 */
export function SchoolChooser({ districtId, onChoose }: { districtId: string; onChoose: (schoolId: string) => void }) {
  const mine = useAsync(
    async () => (await getMe()).schools.filter((s) => s.districtId === districtId).map((s): Choice => ({ id: s.schoolId, name: s.name })),
    [districtId],
  );
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Choice[] | null>(null);
  const [problem, setProblem] = useState('');

  const search = async () => {
    if (!query.trim()) return;
    setProblem('');
    try {
      const answer = await searchSchools({ q: query.trim(), district: districtId, limit: 10 });
      setFound(answer.items.map((s) => ({ id: s.id, name: s.name })));
    } catch (error) {
      setProblem(messageOf(error));
    }
  };
  const choices = (list: Choice[]) =>
    list.map((s) => (
      <Button key={s.id} id={`choose-school-${s.id}`} className="school-chooser__choice" onClick={() => onChoose(s.id)}>
        {s.name}
      </Button>
    ));

  return (
    <View className="school-chooser" id="school-chooser">
      <Text className="school-chooser__title">请先选择孩子就读的学校</Text>
      {mine.status === 'ready' && mine.data.length > 0 ? (
        <View>
          <Text className="school-chooser__hint">我的学校</Text>
          {choices(mine.data)}
        </View>
      ) : null}
      <View className="school-chooser__search">
        <Input
          id="school-chooser-query"
          className="school-chooser__input"
          placeholder="输入学校名称，如 经八路小学"
          value={query}
          onInput={(e) => setQuery(e.detail.value)}
          onConfirm={() => void search()}
        />
        <Button id="school-chooser-search" className="school-chooser__go" size="mini" onClick={() => void search()}>
          查找
        </Button>
      </View>
      {found !== null && found.length === 0 ? <Text className="school-chooser__hint">没有找到该学校，请换个说法试试</Text> : null}
      {found ? choices(found) : null}
      {problem ? <Text className="school-confirm__problem">{problem}</Text> : null}
    </View>
  );
}
