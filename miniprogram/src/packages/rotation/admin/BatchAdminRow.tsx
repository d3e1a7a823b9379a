import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Objection, RotationBatch } from '../../../../../shared';
import { messageOf } from '../../../api/api-error';
import { saveProblem } from '../../../api/field-errors';
import { FieldError } from '../../../components/field-error/FieldError';
import { listObjections, publishBatch, resolveObjection, updateDraft, withdrawBatch } from '../../../api/rotation';
import { ListRow } from '../../../components/list-row/ListRow';
import { openPage, rotationDetailUrl } from '../../../utils/routes';
import { periodText, statusLabel } from '../labels';

/** A batch with what an admin may do to it now: 发布 a draft, 撤回 during 公示, read and resolve 异议. */
export function BatchAdminRow({
  batch,
  canSeeObjections,
  onChanged,
}: {
  batch: RotationBatch;
  canSeeObjections: boolean;
  onChanged: () => void;
}) {
  const [objections, setObjections] = useState<Objection[] | null>(null);
  const [editing, setEditing] = useState(false);
  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void Taro.showToast({ title: done, icon: 'success' });
      onChanged();
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    }
  };
  const loadObjections = () =>
    listObjections(batch.id).then(
      (r) => setObjections(r.items),
      (e) => void Taro.showToast({ title: messageOf(e), icon: 'none' }),
    );
  const live = batch.status === 'draft' || batch.status === 'publicizing';

  return (
    <View className="rotation-admin-batch" id={`batch-${batch.id}`}>
      <ListRow
        title={batch.title}
        meta={`${statusLabel(batch)} · ${periodText(batch)} · ${batch.assignmentCount} 人${batch.supersededBy ? ' · 已被更正' : ''}`}
        onTap={batch.status === 'draft' || batch.status === 'withdrawn' ? undefined : () => openPage(rotationDetailUrl(batch.id))}
      />
      <View className="rotation-actions">
        {batch.status === 'draft' ? (
          <Button className="batch-edit" size="mini" onClick={() => setEditing(!editing)}>
            修改
          </Button>
        ) : null}
        {batch.status === 'draft' ? (
          <Button className="batch-publish" size="mini" onClick={() => void act(() => publishBatch(batch.id), '已发布公示')}>
            发布公示
          </Button>
        ) : null}
        {live ? (
          <Button className="batch-withdraw" size="mini" onClick={() => void act(() => withdrawBatch(batch.id), '已撤回')}>
            撤回
          </Button>
        ) : null}
        {canSeeObjections && batch.status !== 'draft' ? (
          <Button className="batch-objections" size="mini" onClick={() => void loadObjections()}>
            查看异议
          </Button>
        ) : null}
      </View>
      {editing ? <DraftEditor batch={batch} onSaved={() => (setEditing(false), onChanged())} /> : null}
      {objections?.length === 0 ? <Text className="field__hint">暂无异议</Text> : null}
      {objections?.map((o) => (
        <ObjectionRow key={o.id} batchId={batch.id} objection={o} onResolved={() => void loadObjections()} />
      ))}
    </View>
  );
}

/**
 * A refused save: the server's field messages go beside their fields; a refusal about no field
 * shown here (a stale batch, a lost connection) is said in a toast.
 */
function showRefusal(error: unknown, shown: string[], setErrors: (errors: Record<string, string>) => void): void {
  const problem = saveProblem(error);
  setErrors(problem.fields);
  if (!shown.some((field) => problem.fields[field])) void Taro.showToast({ title: problem.message, icon: 'none' });
}

function ObjectionRow({ batchId, objection, onResolved }: { batchId: string; objection: Objection; onResolved: () => void }) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const resolve = () =>
    resolveObjection(batchId, objection.id, text.trim()).then(onResolved, (e) => showRefusal(e, ['resolution'], setErrors));
  return (
    <View className="rotation-objection">
      <Text className="field__label">
        {objection.screening === 'held' ? '【待人工审核】' : ''}
        {objection.teacherName ? `（针对 ${objection.teacherName}）` : '（针对本批次）'}
        {objection.text}
      </Text>
      {objection.resolution ? (
        <Text className="field__hint">处理结果：{objection.resolution}</Text>
      ) : (
        <View className="rotation-actions">
          <Input className="field__input" placeholder="填写处理结果" value={text} onInput={(e) => setText(e.detail.value)} />
          <Button size="mini" disabled={!text.trim() || undefined} onClick={() => void resolve()}>
            记录
          </Button>
          <FieldError field="resolution" errors={errors} scope={objection.id} />
        </View>
      )}
    </View>
  );
}

/** Title and 公示期 of a draft; an empty end means the default 5 working days. */
function DraftEditor({ batch, onSaved }: { batch: RotationBatch; onSaved: () => void }) {
  const [title, setTitle] = useState(batch.title);
  const [start, setStart] = useState(batch.noticeStart);
  const [end, setEnd] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = () =>
    updateDraft(batch.id, { title: title.trim(), noticeStart: start.trim(), noticeEnd: end.trim() || undefined }).then(onSaved, (e) =>
      showRefusal(e, ['title', 'noticeStart', 'noticeEnd'], setErrors),
    );
  return (
    <View className="rotation-draft-editor">
      <Input className="field__input draft-title" value={title} onInput={(e) => setTitle(e.detail.value)} />
      <FieldError field="title" errors={errors} scope={batch.id} />
      <Input
        className="field__input draft-start"
        value={start}
        placeholder="公示开始 YYYY-MM-DD"
        onInput={(e) => setStart(e.detail.value)}
      />
      <FieldError field="noticeStart" errors={errors} scope={batch.id} />
      <Input
        className="field__input draft-end"
        value={end}
        placeholder="公示结束（留空为 5 个工作日后）"
        onInput={(e) => setEnd(e.detail.value)}
      />
      <FieldError field="noticeEnd" errors={errors} scope={batch.id} />
      <Button className="draft-save" size="mini" onClick={() => void save()}>
        保存
      </Button>
    </View>
  );
}
