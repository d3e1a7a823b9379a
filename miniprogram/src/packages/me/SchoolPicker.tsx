import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { SchoolHit } from '../../../../shared';
import { searchSchools } from '../../api/catalog';
import { FieldError } from '../../components/field-error/FieldError';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useAsync } from '../../hooks/useAsync';

/**
 * 添加学校: type part of a name (or pinyin), tap a result to bind it. `error` is the server's
 * reason a binding failed (e.g. too many schools), shown right under the box.
 */
export function SchoolPicker({ boundIds, onPick, error }: { boundIds: string[]; onPick: (schoolId: string) => void; error?: string }) {
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 250);
  const results = useAsync<SchoolHit[]>(async () => (q ? (await searchSchools({ q, limit: 5 })).items : []), [q]);
  return (
    <View className="school-picker">
      <Input
        id="bind-school-input"
        className="school-picker__input"
        value={query}
        placeholder="添加学校：输入校名或拼音"
        onInput={(e) => setQuery(e.detail.value)}
      />
      <FieldError field="schoolId" errors={error ? { schoolId: error } : {}} />
      {q && results.status === 'loading' ? <Text className="school-picker__note">正在查找…</Text> : null}
      {q && results.status === 'error' ? (
        <Text className="school-picker__note school-picker__note--error" onClick={results.reload}>
          {results.message}（点此重试）
        </Text>
      ) : null}
      {q && results.status === 'ready' && results.data.length === 0 ? <Text className="school-picker__note">没有找到相关学校</Text> : null}
      {results.status === 'ready'
        ? results.data.map((school) =>
            boundIds.includes(school.id) ? (
              <Text key={school.id} className="school-picker__hit school-picker__hit--bound">
                {school.name}（已绑定）
              </Text>
            ) : (
              <Text key={school.id} className="school-picker__hit" onClick={() => (onPick(school.id), setQuery(''))}>
                + {school.name}
              </Text>
            ),
          )
        : null}
    </View>
  );
}
