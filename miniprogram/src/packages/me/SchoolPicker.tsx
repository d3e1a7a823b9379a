import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { SchoolHit } from '../../../../shared';
import { searchSchools } from '../../api/catalog';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useAsync } from '../../hooks/useAsync';

/** 添加学校: type part of a name (or pinyin), tap a result to bind it. */
export function SchoolPicker({ onPick }: { onPick: (schoolId: string) => void }) {
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 250);
  const results = useAsync<SchoolHit[]>(async () => (q ? (await searchSchools({ q, limit: 5 })).items : []), [q]);
  return (
    <View className="school-picker">
      <Input id="bind-school-input" className="school-picker__input" value={query} placeholder="添加学校：输入校名或拼音" onInput={(e) => setQuery(e.detail.value)} />
      {results.status === 'ready'
        ? results.data.map((school) => (
            <Text key={school.id} className="school-picker__hit" onClick={() => (onPick(school.id), setQuery(''))}>
              + {school.name}
            </Text>
          ))
        : null}
    </View>
  );
}
