import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState, type ReactNode } from 'react';
import { getResults } from '../../../api/surveys';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { PosterPanel } from './PosterPanel';
import { progressText, schoolProgress, TARGET_RATE, type SchoolProgress } from './progress-rows';
import './index.scss';

const TARGET_PERCENT = `${TARGET_RATE * 100}%`;

/**
 * Per school: valid returns against 在校家庭数 with the 70 % line, the schools below it first (the
 * ones to remind), and each school's link and poster for the class WeChat groups.
 */
export default function SurveyProgressPage() {
  const { params } = useRouter();
  const surveyId = params.id ?? '';
  const results = useAsync(() => getResults(surveyId), [surveyId]);
  const [open, setOpen] = useState<string | null>(null);

  if (results.status === 'loading') return <StatusView kind="loading" message="正在统计回收情况…" />;
  if (results.status === 'error') return <StatusView kind="error" message={results.message} onRetry={results.reload} />;
  const rows = schoolProgress(results.data);
  const below = rows.filter((r) => r.standing === 'below');
  if (rows.length === 0) return <StatusView kind="empty" message="本问卷没有学校" />;

  return (
    <View className="page survey-progress">
      <Section>
        <Text className="survey-progress__title">{results.data.title}</Text>
        <Text className="survey-progress__note">
          有效回收率 = 有效回收份数 / 在校家庭数；低于 {TARGET_PERCENT} 的学校结果代表性不足，请提醒家长填写
        </Text>
        <Text className="survey-progress__note" id="progress-legend">
          进度条上的红线为 {TARGET_PERCENT}；显示“样本不足”的学校答卷太少，为保护匿名不显示份数
        </Text>
        <Text className="survey-progress__summary" id="progress-below-count">
          {below.length > 0 ? `低于 ${TARGET_PERCENT} 的学校：${below.map((r) => r.name).join('、')}` : `暂无低于 ${TARGET_PERCENT} 的学校`}
        </Text>
      </Section>
      <Section title="各校进度">
        {rows.map((row) => (
          <SchoolRow key={row.id} row={row} open={open === row.id} onToggle={() => setOpen(open === row.id ? null : row.id)}>
            {open === row.id ? <PosterPanel surveyId={surveyId} schoolId={row.id} /> : null}
          </SchoolRow>
        ))}
      </Section>
    </View>
  );
}

function SchoolRow({ row, open, onToggle, children }: { row: SchoolProgress; open: boolean; onToggle: () => void; children: ReactNode }) {
  const width = row.rate === null ? 0 : Math.min(100, Math.round(row.rate * 100));
  return (
    <View className={`school-progress school-progress--${row.standing}`} id={`progress-${row.id}`}>
      <View className="school-progress__head">
        <Text className="school-progress__name">{row.name}</Text>
        {row.standing === 'below' ? <Text className="school-progress__badge">需提醒</Text> : null}
      </View>
      <View className="school-progress__track">
        <View className="school-progress__bar" style={{ width: `${width}%` }} />
        <View className="school-progress__line" style={{ left: TARGET_PERCENT }} />
      </View>
      <Text className="school-progress__text">{progressText(row)}</Text>
      {/* A view, not a mini Button: an H5 mini button keeps a fixed 13 px font that is tiny on a desktop. */}
      <View className="school-progress__poster" id={`poster-open-${row.id}`} onClick={onToggle}>
        {open ? '收起' : '海报与链接'}
      </View>
      {children}
    </View>
  );
}
