import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { ComplianceUnit } from '../../../../../shared';
import { saveProblem } from '../../../api/field-errors';
import { getCompliance, getRotationSettings, putEligibleTeachers } from '../../../api/rotation';
import { AsyncContent } from '../../../components/async-content/AsyncContent';
import { DataTable, type Column } from '../../../components/data-table/DataTable';
import { Section } from '../../../components/section/Section';
import { Tag } from '../../../components/tag/Tag';
import { useAsync } from '../../../hooks/useAsync';
import { SettingsForm } from './SettingsForm';
import '../rotation.scss';

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);
const LEVEL = { district: '全区', group: '集团', school: '学校' } as const;

/** 轮岗达标情况 per district, group and school, with the eligible counts entered here. */
export default function CompliancePage() {
  const { params } = useRouter();
  const districtId = params.districtId ?? '';
  const [year, setYear] = useState(() => {
    const y = new Date().getFullYear();
    return `${y}-${y + 1}`;
  });
  const report = useAsync(() => getCompliance(districtId, year), [districtId, year]);
  const settings = useAsync(() => getRotationSettings(districtId), [districtId]);

  return (
    <View className="page page--wide">
      <Section>
        <Text className="field__label">学年</Text>
        <Input id="compliance-year" className="field__input" value={year} onBlur={(e) => setYear(e.detail.value.trim())} />
      </Section>
      <AsyncContent state={report} onRetry={report.reload}>
        {({ thresholds, units }) => (
          <Section title={`标准：交流人数 ≥ 应交流教师 ${thresholds.rotatingPct}%，骨干 ≥ 交流人数 ${thresholds.backbonePct}%`}>
            <DataTable
              rows={units}
              columns={columns(year, report.reload)}
              rowKey={(u) => `${u.level}-${u.id}`}
              rowId={(u) => `compliance-${u.id}`}
              rowClassName={(u) => `compliance-unit${u.flagged ? ' compliance-unit--flagged' : ''}`}
            />
          </Section>
        )}
      </AsyncContent>
      {settings.status === 'ready' ? <SettingsForm districtId={districtId} settings={settings.data} onSaved={report.refresh} /> : null}
    </View>
  );
}

/** 待填写 until 应交流教师 is known: nobody can be short of a share of an unknown number. */
function Verdict({ unit }: { unit: ComplianceUnit }) {
  if (unit.eligible === null) return <Tag tone="grey">待填写</Tag>;
  return unit.flagged ? <Text className="rotation-flag">未达标</Text> : <Tag tone="green">达标</Tag>;
}

const columns = (year: string, onSaved: () => void): Array<Column<ComplianceUnit>> => [
  { key: 'name', title: '单位', grow: 3, primary: true, render: (u) => `${LEVEL[u.level]} · ${u.name}` },
  {
    key: 'eligible',
    title: '应交流教师',
    grow: 2,
    render: (u) => (u.level === 'school' ? <EligibleInput unit={u} year={year} onSaved={onSaved} /> : (u.eligible ?? '待填写')),
  },
  {
    key: 'rotating',
    title: '交流',
    grow: 2,
    render: (u) => `${u.rotating} 人（${pct(u.rotatingShare)}）${u.rotatingShortfallText ? ` · ${u.rotatingShortfallText}` : ''}`,
  },
  {
    key: 'backbone',
    title: '骨干',
    grow: 2,
    render: (u) => `${u.backbone} 人（${pct(u.backboneShare)}）${u.backboneShortfallText ? ` · 骨干${u.backboneShortfallText}` : ''}`,
  },
  { key: 'verdict', title: '结果', render: (u) => <Verdict unit={u} /> },
];

function EligibleInput({ unit, year, onSaved }: { unit: ComplianceUnit; year: string; onSaved: () => void }) {
  const [eligible, setEligible] = useState(unit.eligible === null ? '' : String(unit.eligible));
  const [error, setError] = useState('');
  const save = () =>
    putEligibleTeachers(unit.id, year, Number(eligible)).then(
      () => (setError(''), onSaved()),
      (e: unknown) => {
        const problem = saveProblem(e);
        setError(problem.fields.eligible ?? problem.message);
        void Taro.showToast({ title: problem.message, icon: 'none' });
      },
    );
  return (
    <View>
      <View className="rotation-actions">
        <Input
          className="field__input"
          id={`eligible-${unit.id}`}
          type="number"
          placeholder="待填写"
          value={eligible}
          onInput={(e) => setEligible(e.detail.value)}
        />
        <Button size="mini" className="secondary-button" disabled={eligible === '' || undefined} onClick={() => void save()}>
          保存
        </Button>
      </View>
      {error ? (
        <Text className="field__error" id={`error-eligible-${unit.id}`}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
