import { Text, View } from '@tarojs/components';
import type { PublicGroupEvaluation } from '../../../../../shared';
import { getPublicEvaluation } from '../../../api/evaluation';
import { ListRow } from '../../../components/list-row/ListRow';
import { ScoreBars } from '../../../components/score-bars/ScoreBars';
import { Section } from '../../../components/section/Section';
import { Tag } from '../../../components/tag/Tag';
import { useAsync } from '../../../hooks/useAsync';
import { changeText, flagTexts, scoreText } from '../../../utils/score';

/**
 * 集团评价 as the district published it: only the parts it chose. Nothing at all when no round
 * is published, and a quiet line when the section cannot load (the rest of the page still works).
 */
export function GroupEvaluation({ groupId }: { groupId: string }) {
  const state = useAsync(() => getPublicEvaluation(groupId), [groupId]);
  if (state.status === 'loading' || (state.status === 'ready' && !state.data.evaluation)) return null;
  if (state.status === 'error')
    return (
      <Section title="集团评价">
        <Text className="detail__empty" onClick={state.reload}>
          评价结果暂时无法加载，点此重试
        </Text>
      </Section>
    );
  return <PublishedEvaluation evaluation={state.data.evaluation!} />;
}

/**
 * The rank among the groups ranked, saying how many that is and whether others lack a score:
 * never 全区第 1 名（共 1 个集团） when the rest are merely 数据不完整.
 */
export function rankingText(ranking: NonNullable<PublicGroupEvaluation['ranking']>): string {
  if (ranking.rank === null) return `本集团数据不完整，未参与排名（${ranking.of} 个集团有完整总分）`;
  const others = ranking.unranked ? `，另有 ${ranking.unranked} 个集团数据不完整、未排名` : '';
  return `全区第 ${ranking.rank} 名（${ranking.of} 个集团参与排名${others}），${changeText(ranking)}`;
}

function PublishedEvaluation({ evaluation }: { evaluation: PublicGroupEvaluation }) {
  const { total, dimensionScores, schools, ranking } = evaluation;
  return (
    <Section title={`集团评价 · ${evaluation.round.name}`} className="group-evaluation">
      {total ? (
        <View className="score-headline">
          <Text className="score-headline__score" id="public-total">
            {scoreText(total.score)}
          </Text>
          <Text className="score-headline__unit">分{total.complete ? '' : '（不完整）'}</Text>
          {flagTexts(total.flags).map((flag) => (
            <Tag key={flag} tone="orange" className="score-headline__flag">
              {flag}
            </Tag>
          ))}
        </View>
      ) : null}
      {ranking ? (
        <Text className="detail__note" id="public-ranking">
          {rankingText(ranking)}
        </Text>
      ) : null}
      {dimensionScores ? (
        <ScoreBars
          id="public-dimensions"
          bars={evaluation.dimensions.map((d) => ({
            id: d.id,
            label: d.name,
            score: dimensionScores[d.id]?.score ?? null,
            note: `权重 ${d.weight}`,
            missingLabel: '暂无',
          }))}
        />
      ) : null}
      {schools?.map((s) => (
        <ListRow
          key={s.id}
          className="public-school-score"
          title={s.name}
          meta={`${scoreText(s.score)} 分${s.complete ? '' : '（不完整）'}`}
        />
      ))}
    </Section>
  );
}
