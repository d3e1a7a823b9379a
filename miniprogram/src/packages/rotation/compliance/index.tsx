import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { ComplianceUnit } from '../../../../../shared';
import { messageOf } from '../../../api/api-error';
import { getCompliance, getRotationSettings, putEligibleTeachers } from '../../../api/rotation';
import { AsyncContent } from '../../../components/async-content/AsyncContent';
import { ListRow } from '../../../components/list-row/ListRow';
import { Section } from '../../../components/section/Section';
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
    <View className="page">
      <Section>
        <Text className="field__label">学年</Text>
        <Input id="compliance-year" className="field__input" value={year} onBlur={(e) => setYear(e.detail.value.trim())} />
      </Section>
      <AsyncContent state={report} onRetry={report.reload}>
        {({ thresholds, units }) => (
          <Section title={`标准：交流人数 ≥ 应交流教师 ${thresholds.rotatingPct}%，骨干 ≥ 交流人数 ${thresholds.backbonePct}%`}>
            {units.map((u) => (
              <UnitRow key={`${u.level}-${u.id}`} unit={u} year={year} onSaved={report.reload} />
            ))}
          </Section>
        )}
      </AsyncContent>
      {settings.status === 'ready' ? <SettingsForm districtId={districtId} settings={settings.data} onSaved={report.refresh} /> : null}
    </View>
  );
}

function UnitRow({ unit, year, onSaved }: { unit: ComplianceUnit; year: string; onSaved: () => void }) {
  const [eligible, setEligible] = useState(unit.eligible === null ? '' : String(unit.eligible));
  const save = () =>
    putEligibleTeachers(unit.id, year, Number(eligible)).then(onSaved, (e) => void Taro.showToast({ title: messageOf(e), icon: 'none' }));
  const lines = [
    `应交流教师 ${unit.eligible ?? '未填写'} · 交流 ${unit.rotating} 人（${pct(unit.rotatingShare)}）${unit.rotatingShortfallText ? ` · ${unit.rotatingShortfallText}` : ''}`,
    `骨干 ${unit.backbone} 人（${pct(unit.backboneShare)}）${unit.backboneShortfallText ? ` · 骨干${unit.backboneShortfallText}` : ''}`,
  ];
  return (
    <View className={`compliance-unit${unit.flagged ? ' compliance-unit--flagged' : ''}`} id={`compliance-${unit.id}`}>
      <ListRow
        title={`${LEVEL[unit.level]} · ${unit.name}`}
        meta={lines.join('\n')}
        extra={unit.flagged ? <Text className="rotation-flag">未达标</Text> : <Text>达标</Text>}
      />
      {unit.level === 'school' ? (
        <View className="rotation-actions">
          <Input
            className="field__input"
            type="number"
            placeholder="应交流教师数"
            value={eligible}
            onInput={(e) => setEligible(e.detail.value)}
          />
          <Button size="mini" disabled={eligible === ''} onClick={() => void save()}>
            保存
          </Button>
        </View>
      ) : null}
    </View>
  );
}
