import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { messageOf } from '../../../api/api-error';
import { deleteSurveyDraft, listSurveyDrafts, type DraftPlace } from '../../../api/surveys';
import { ListRow } from '../../../components/list-row/ListRow';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { useReshow } from '../../../hooks/useReshow';
import { openPage } from '../../../utils/routes';
import { beijingTime } from '../../../utils/time';
import { builderUrl } from '../builder/builder-url';

/**
 * 新建问卷 (the builder) and 草稿箱: the surveys being written, newest first, each opening in the
 * builder. 删除 sits below its row, so a tap on the row always opens the draft.
 */
export function DraftBox({ places }: { places: DraftPlace[] }) {
  const drafts = useAsync(async () => {
    const lists = await Promise.all(places.map(listSurveyDrafts));
    const byId = new Map(lists.flatMap((l) => l.items).map((d) => [d.id, d]));
    return [...byId.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }, [places.map((p) => `${p.type}:${p.id}`).join()]);
  const [problem, setProblem] = useState<string | null>(null);
  // Back from the builder: what was saved or published there shows at once.
  useReshow(() => drafts.refresh());

  const remove = async (id: string, title: string) => {
    const { confirm } = await Taro.showModal({ title: '删除草稿', content: `删除草稿“${title || '未命名问卷'}”？删除后不能恢复。` });
    if (!confirm) return;
    try {
      await deleteSurveyDraft(id);
      setProblem(null);
      drafts.refresh();
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  return (
    <Section title="问卷编辑" className="draft-box">
      <Button id="open-builder" className="primary-button" onClick={() => openPage(builderUrl())}>
        ＋ 新建问卷
      </Button>
      <Text className="field__hint">可自定义题目、预览家长看到的样子，保存草稿后随时回来继续。</Text>
      <Text className="draft-box__title">草稿箱</Text>
      {drafts.status === 'loading' ? <StatusView kind="loading" message="正在加载草稿…" /> : null}
      {drafts.status === 'error' ? <StatusView kind="error" message={drafts.message} onRetry={drafts.reload} /> : null}
      {drafts.status === 'ready' && drafts.data.length === 0 ? <Text className="field__hint">暂无草稿</Text> : null}
      {drafts.status === 'ready'
        ? drafts.data.map((d) => (
            <View key={d.id} id={`draft-${d.id.replace(/\./g, '-')}`} className="draft-box__item">
              <ListRow
                className="survey-draft"
                title={d.title || '未命名问卷'}
                meta={`${d.questionCount} 题 · 保存于 ${beijingTime(d.updatedAt)}${d.copiedFrom ? ' · 复制自往期问卷' : ''}`}
                onTap={() => openPage(builderUrl({ draft: d.id }))}
              />
              <Text className="draft-box__delete" onClick={() => void remove(d.id, d.title)}>
                删除草稿
              </Text>
            </View>
          ))
        : null}
      {problem ? <Text className="field__error">{problem}</Text> : null}
    </Section>
  );
}
