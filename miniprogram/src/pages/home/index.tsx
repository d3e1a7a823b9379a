import { Button, Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { StatusView } from '../../components/status-view/StatusView';
import { Section } from '../../components/section/Section';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { districtLabel, useDistricts } from '../../hooks/useDistricts';
import { NEARBY_PAGE, openPage, openSchool } from '../../utils/routes';
import { DistrictFilter } from './components/DistrictFilter';
import { ReportedFacts } from './components/ReportedFacts';
import { SchoolResultItem } from './components/SchoolResultItem';
import { SearchBar } from './components/SearchBar';
import { useSchoolSearch } from './useSchoolSearch';
import { DemoRoleSwitcher } from './components/DemoRoleSwitcher';
import { RoleNav } from './components/RoleNav';
import { isH5 } from '../../auth/login';
import { useMe } from '../../auth/useMe';
import './index.scss';

// Long enough to skip the keystrokes of one word, short enough to feel immediate.
const SEARCH_DEBOUNCE_MS = 250;

/** 找学校: search by name / pinyin / initials, optionally within one district. */
export default function HomePage() {
  const [query, setQuery] = useState('');
  const [district, setDistrict] = useState('');
  const q = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const districts = useDistricts();
  const search = useSchoolSearch({ q, district });
  const { me } = useMe();
  useReachBottom(search.loadMore);
  const chosen = districts.find((d) => d.id === district);

  return (
    <View className="page home">
      {isH5() ? <DemoRoleSwitcher me={me} /> : null}
      <RoleNav me={me} />
      <View className="home__header">
        <Text className="home__title">找学校</Text>
        <Text className="home__subtitle">查学校所在的教育集团与成员校</Text>
        <Text id="open-nearby" className="home__nearby" onClick={() => openPage(NEARBY_PAGE)}>
          附近的学校
        </Text>
        <SearchBar value={query} onChange={setQuery} />
        <DistrictFilter districts={districts} selected={district} onSelect={setDistrict} />
      </View>
      {chosen ? <ReportedFacts district={chosen} /> : null}
      <SearchBody search={search} districtName={(id) => districtLabel(districts, id)} />
    </View>
  );
}

interface SearchBodyProps {
  search: ReturnType<typeof useSchoolSearch>;
  districtName: (districtId: string) => string;
}

function SearchBody({ search, districtName }: SearchBodyProps) {
  if (search.phase === 'idle') return <StatusView kind="hint" message="输入学校名称，或选择区县查看学校" />;
  if (search.phase === 'loading') return <StatusView kind="loading" message="正在查找…" />;
  if (search.phase === 'error') return <StatusView kind="error" message={search.error ?? ''} onRetry={search.retry} />;
  if (search.items.length === 0) return <StatusView kind="empty" message="没有找到相关学校" />;
  return (
    <View>
      <Section className="result-list">
        {search.items.map((school) => (
          <SchoolResultItem key={school.id} school={school} districtName={districtName(school.districtId)} onOpen={openSchool} />
        ))}
      </Section>
      <ListFooter search={search} />
    </View>
  );
}

/** Below the list: more to load, loading, a failed page with 重试, or the end. */
function ListFooter({ search }: { search: SearchBodyProps['search'] }) {
  if (search.moreError) return <StatusView kind="error" message={search.moreError} onRetry={search.retry} />;
  if (search.loadingMore) return <Text className="home__footer">正在加载…</Text>;
  if (search.nextCursor) {
    return (
      <Button id="load-more" className="home__more" onClick={search.loadMore}>
        加载更多
      </Button>
    );
  }
  return <Text className="home__footer">没有更多了</Text>;
}
