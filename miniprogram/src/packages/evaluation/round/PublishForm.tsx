import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { RoundCoverage, RoundPublication } from '../../../../../shared';
import { ApiError } from '../../../api/api-error';
import { setPublication } from '../../../api/evaluation';
import { saveProblem } from '../../../api/field-errors';
import { Chip } from '../../../components/chip/Chip';
import { FieldError } from '../../../components/field-error/FieldError';
import { Section } from '../../../components/section/Section';
import type { CoverageSummary } from './coverage';
import { publishConfirmText } from './lock-round';

type Part = keyof RoundPublication['show'];
const PARTS: Array<{ part: Part; label: string }> = [
  { part: 'total', label: '集团总分及提示' },
  { part: 'dimensions', label: '各维度得分' },
  { part: 'schools', label: '成员校总分' },
  { part: 'ranking', label: '全区排名' },
];
const NOTHING: RoundPublication['show'] = { total: false, dimensions: false, schools: false, ranking: false };

/**
 * 公开设置 of a locked round: which parts the public sees on each group's page. 公开 first says
 * what is missing where and asks again; the server's refusal (a ranking with groups missing)
 * appears beside the part it is about.
 */
export function PublishForm({
  roundId,
  current,
  coverage,
  summary,
  onSaved,
}: {
  roundId: string;
  current: RoundPublication | null;
  coverage: RoundCoverage;
  summary: CoverageSummary;
  onSaved: () => void;
}) {
  const [show, setShow] = useState(current?.show ?? { ...NOTHING, total: true, dimensions: true });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async (published: boolean) => {
    try {
      await setPublication(roundId, { published, show });
      setErrors({});
      void Taro.showToast({ title: published ? '已公开' : '已撤回公开', icon: 'success' });
      onSaved();
    } catch (error) {
      const problem = saveProblem(error);
      const ranking = error instanceof ApiError && error.code === 'RANKING_INCOMPLETE';
      setErrors(ranking ? { 'show.ranking': problem.message } : { ...problem.fields, form: problem.message });
    }
  };
  const chosen = PARTS.filter((p) => show[p.part]).map((p) => p.label);
  // Asked again with what is missing where: published, a gap reads 数据不完整 on a group's page.
  const publish = async () => {
    setErrors({});
    const { confirm } = await Taro.showModal({
      title: current?.published ? '更新公开内容' : '公开评价结果',
      content: publishConfirmText(coverage, summary, chosen),
      confirmText: coverage.complete ? '公开' : '仍要公开',
    });
    if (confirm) await save(true);
  };
  return (
    <Section title="公开设置" className="publish-form">
      <Text className="detail__note" id="publish-state">
        {current?.published ? '当前已公开，家长可在集团页面看到所选内容' : '当前未公开'}
      </Text>
      <View className="chips">
        {PARTS.map(({ part, label }) => (
          <Chip
            key={part}
            id={`publish-${part}`}
            label={label}
            selected={show[part]}
            onPick={() => (setShow((s) => ({ ...s, [part]: !s[part] })), setErrors({}))}
          />
        ))}
      </View>
      {PARTS.map(({ part }) => (
        <FieldError key={part} field={`show.${part}`} errors={errors} />
      ))}
      {errors.form && !errors['show.ranking'] ? (
        <Text className="field__error" id="publish-message">
          {errors.form}
        </Text>
      ) : null}
      <Button id="publish-save" className="primary-button" onClick={() => void publish()}>
        {current?.published ? '更新公开内容' : '公开'}
      </Button>
      {current?.published ? (
        <Button id="publish-withdraw" size="mini" onClick={() => void save(false)}>
          撤回公开
        </Button>
      ) : null}
    </Section>
  );
}
