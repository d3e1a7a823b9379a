import { Button, Image, Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ApiResponse } from '../../../../../../shared';
import { NEWS_BODY_MAX, NEWS_SUMMARY_MAX, NEWS_TITLE_MAX } from '../../../../../../shared/news/news-limits';
import { ApiError, messageOf } from '../../../../api/api-error';
import { assetUrl, createNews, getAdminNews, publishNews, unpublishNews, updateNews, type NewsDraftInput } from '../../../../api/news';
import { Section } from '../../../../components/section/Section';
import { StatusView } from '../../../../components/status-view/StatusView';
import { beijingTime } from '../../../../utils/time';
import { NewsBody } from '../../components/NewsBody';
import { pickAndUpload } from '../pick-image';
import './index.scss';

/** A post as its admins read it (the API contract's answer). */
type AdminNews = ApiResponse<'GET /api/admin/news/:id'>;

type Image = { id: string; url: string };
const ACTIONS: Record<string, string> = { create: '创建', edit: '编辑', publish: '发布', unpublish: '撤回' };
const STATUS: Record<string, string> = { draft: '草稿', scheduled: '定时发布', published: '已发布', unpublished: '已撤回' };

const toast = (title: string, icon: 'success' | 'none' = 'none') => void Taro.showToast({ title, icon });

/** 编辑动态: a draft in Markdown, images, 预览 (the server's sanitized nodes), publish now or at a time, and the edit history. */
export default function NewsEditorPage() {
  const { params } = useRouter();
  const groupId = decodeURIComponent(params.group ?? '');
  const [saved, setSaved] = useState<AdminNews | null>(null);
  const [loading, setLoading] = useState(Boolean(params.id));
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [authorName, setAuthorName] = useState('');
  const [body, setBody] = useState('');
  const [pinned, setPinned] = useState(false);
  const [cover, setCover] = useState<Image | null>(null);
  const [images, setImages] = useState<Image[]>([]);
  const [preview, setPreview] = useState(false);
  const [when, setWhen] = useState({ date: '', time: '08:00' });
  const [busy, setBusy] = useState(false);

  const show = (item: AdminNews) => {
    setSaved(item);
    setTitle(item.title);
    setSummary(item.summary);
    setAuthorName(item.authorName);
    setBody(item.body);
    setPinned(item.pinned);
    setCover(item.cover);
    setImages(item.images.filter((i) => !item.body.includes(i.id)));
  };

  useEffect(() => {
    if (!params.id) return;
    getAdminNews(decodeURIComponent(params.id)).then(
      (item) => (show(item), setLoading(false)),
      (e: unknown) => (setError(messageOf(e)), setLoading(false)),
    );
  }, [params.id]);

  const draft = (): NewsDraftInput => ({
    title,
    summary,
    authorName,
    body,
    pinned,
    coverImage: cover?.id ?? null,
    images: images.map((i) => i.id),
  });
  const save = async () => {
    const item = saved ? await updateNews(saved.id, draft(), saved.version) : await createNews(groupId, draft());
    show(item);
    return item;
  };
  /** Every button saves first, so what is previewed or published is what is on screen. */
  const run = (action: (item: AdminNews) => Promise<AdminNews | void>, done: string) => async () => {
    if (busy) return;
    setBusy(true);
    try {
      const item = await action(await save());
      if (item) show(item);
      toast(done, 'success');
    } catch (e) {
      toast(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const addImage = (purpose: 'cover' | 'image') => async () => {
    try {
      const image = await pickAndUpload(groupId, purpose);
      if (!image) return;
      if (purpose === 'cover') setCover(image);
      else setImages((list) => [...list, image]);
    } catch (e) {
      toast(messageOf(e));
    }
  };
  const schedule = async (item: AdminNews) => {
    if (!when.date) throw new ApiError('NO_DATE', '请选择发布日期', 0);
    return publishNews(item.id, new Date(`${when.date}T${when.time}:00+08:00`).toISOString());
  };

  if (loading) return <StatusView kind="loading" message="正在加载…" />;
  if (error)
    return (
      <StatusView
        kind="error"
        message={error}
        onRetry={() => Taro.redirectTo({ url: `/packages/news/admin/edit/index?group=${params.group}&id=${params.id}` })}
      />
    );
  const status = saved?.status;
  return (
    <View className="page news-editor">
      <Section title={saved ? `编辑动态（${STATUS[saved.status]}）` : '新建动态'}>
        <Input
          className="news-editor__input"
          id="news-title-input"
          placeholder={`标题（不超过 ${NEWS_TITLE_MAX} 字）`}
          maxlength={NEWS_TITLE_MAX}
          value={title}
          onInput={(e) => setTitle(e.detail.value)}
        />
        <Input
          className="news-editor__input"
          id="news-author-input"
          placeholder="作者（如：集团办公室）"
          value={authorName}
          onInput={(e) => setAuthorName(e.detail.value)}
        />
        <Textarea
          className="news-editor__summary"
          id="news-summary-input"
          placeholder="摘要（列表中显示）"
          maxlength={NEWS_SUMMARY_MAX}
          value={summary}
          onInput={(e) => setSummary(e.detail.value)}
        />
        <Textarea
          className="news-editor__body"
          id="news-body-input"
          placeholder={'正文：## 小标题、**加粗**、- 列表、[链接](https://…gov.cn/…)'}
          maxlength={NEWS_BODY_MAX}
          value={body}
          onInput={(e) => setBody(e.detail.value)}
        />
        <View className="news-editor__row">
          <Text>置顶</Text>
          <Switch checked={pinned} onChange={(e) => setPinned(e.detail.value)} />
        </View>
        <View className="news-editor__row">
          <Button size="mini" id="news-cover-button" onClick={addImage('cover')}>
            {cover ? '更换封面' : '添加封面'}
          </Button>
          <Button size="mini" id="news-image-button" onClick={addImage('image')}>
            添加图片
          </Button>
        </View>
        <View className="news-editor__images">
          {[...(cover ? [cover] : []), ...images].map((image) => (
            <Image key={image.id} className="news-editor__thumb" src={assetUrl(image.url)} mode="aspectFill" />
          ))}
        </View>
        <Text className="news-editor__hint">封面用于列表，需不超过 200 KB；其他图片不超过 2 MB（JPEG / PNG / WebP）。</Text>
      </Section>
      <Section>
        <View className="news-editor__actions">
          <Button size="mini" id="news-save" disabled={busy} onClick={run(async () => undefined, '已保存')}>
            保存草稿
          </Button>
          <Button size="mini" id="news-preview" disabled={busy} onClick={run(async () => void setPreview(true), '已生成预览')}>
            预览
          </Button>
          {status !== 'published' ? (
            <Button size="mini" type="primary" id="news-publish" disabled={busy} onClick={run((item) => publishNews(item.id), '已发布')}>
              立即发布
            </Button>
          ) : null}
          {status === 'published' || status === 'scheduled' ? (
            <Button size="mini" type="warn" id="news-unpublish" disabled={busy} onClick={run((item) => unpublishNews(item.id), '已撤回')}>
              撤回
            </Button>
          ) : null}
        </View>
        {status !== 'published' ? (
          <View className="news-editor__row">
            <Picker
              mode="date"
              value={when.date}
              start={new Date().toISOString().slice(0, 10)}
              onChange={(e) => setWhen((w) => ({ ...w, date: e.detail.value }))}
            >
              <Text className="news-editor__picker">{when.date || '选择日期'}</Text>
            </Picker>
            <Picker mode="time" value={when.time} onChange={(e) => setWhen((w) => ({ ...w, time: e.detail.value }))}>
              <Text className="news-editor__picker">{when.time}</Text>
            </Picker>
            <Button size="mini" id="news-schedule" disabled={busy || !when.date} onClick={run(schedule, '已定时发布')}>
              定时发布
            </Button>
          </View>
        ) : null}
      </Section>
      {preview && saved ? (
        <Section title="预览" className="news-editor__preview">
          <Text className="news-editor__preview-title">{saved.title}</Text>
          <NewsBody item={saved} />
        </Section>
      ) : null}
      {saved ? (
        <Section title="修改记录">
          {saved.history
            .slice()
            .reverse()
            .map((h) => (
              <Text key={`${h.at}-${h.action}`} className="news-editor__history">
                {beijingTime(h.at)} {h.byRole} {h.byName} {ACTIONS[h.action]}
                {h.changed.length && h.action === 'edit' ? `：${h.changed.join('、')}` : ''}
              </Text>
            ))}
        </Section>
      ) : null}
    </View>
  );
}
