import { Button, Image, Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApiResponse } from '../../../../../../shared';
import { NEWS_BODY_MAX, NEWS_SUMMARY_MAX, NEWS_TITLE_MAX } from '../../../../../../shared/news/news-limits';
import { ApiError } from '../../../../api/api-error';
import { saveProblem } from '../../../../api/field-errors';
import { assetUrl, createNews, getAdminNews, publishNews, unpublishNews, updateNews, type NewsDraftInput } from '../../../../api/news';
import { FieldError } from '../../../../components/field-error/FieldError';
import { Section } from '../../../../components/section/Section';
import { StatusView } from '../../../../components/status-view/StatusView';
import { beijingTime } from '../../../../utils/time';
import { NewsBody } from '../../components/NewsBody';
import { rememberSaved } from '../fresh-items';
import { pickAndUpload } from '../pick-image';
import { previewNodes } from './markdown-preview';
import { insertImage, type TextEdit } from './markdown-toolbar';
import { MarkdownToolbar } from './MarkdownToolbar';
import './index.scss';

/** A post as its admins read it (the API contract's answer). */
type AdminNews = ApiResponse<'GET /api/admin/news/:id'>;

type Image = { id: string; url: string };
const ACTIONS: Record<string, string> = { create: '创建', edit: '编辑', publish: '发布', unpublish: '撤回' };
const STATUS: Record<string, string> = { draft: '草稿', scheduled: '定时发布', published: '已发布', unpublished: '已撤回' };

const toast = (title: string, icon: 'success' | 'none' = 'none') => void Taro.showToast({ title, icon });

/** H5: the real <textarea> inside Taro's, for the selection a toolbar button acts on. */
const bodyTextarea = (): HTMLTextAreaElement | null =>
  process.env.TARO_ENV === 'h5' ? document.querySelector<HTMLTextAreaElement>('#news-body-input textarea') : null;

/**
 * 编辑动态: the body through a toolbar over its Markdown (never typed by hand), a live preview
 * drawn by the readers' NewsBody, images, 预览 (the server's sanitized nodes), publish now or
 * at a time, and the edit history.
 */
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState('');
  /** Where the cursor was in the body (weapp reports it on input and blur; H5 is read from the DOM). */
  const selection = useRef({ start: 0, end: 0 });
  const [cursor, setCursor] = useState<{ start: number; end: number } | null>(null);
  /** Every image's URL by id, for the preview of images placed in the body. */
  const [urls, setUrls] = useState<Record<string, string>>({});

  const show = (item: AdminNews) => {
    setSaved(item);
    setTitle(item.title);
    setSummary(item.summary);
    setAuthorName(item.authorName);
    setBody(item.body);
    setPinned(item.pinned);
    setCover(item.cover);
    setImages(item.images.filter((i) => !item.body.includes(i.id)));
    setUrls((known) => ({ ...known, ...Object.fromEntries(item.images.map((i) => [i.id, i.url])) }));
    // The admin list shows this at once, even before its index has caught up.
    rememberSaved(item);
  };

  useEffect(() => {
    if (!params.id) return;
    getAdminNews(decodeURIComponent(params.id)).then(
      (item) => (show(item), setLoading(false)),
      (e: unknown) => (setError(saveProblem(e).message), setLoading(false)),
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
  /** A ref, not only state: a second tap before the re-render must not publish twice. */
  const inFlight = useRef(false);
  /** Every button saves first, so what is previewed or published is what is on screen. */
  const run = (action: (item: AdminNews) => Promise<AdminNews | void>, done: string) => async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      const item = await action(await save());
      if (item) show(item);
      setErrors({});
      setProblem('');
      toast(done, 'success');
    } catch (e) {
      // The server's own words: beside the field it names, and as the toast.
      const found = saveProblem(e);
      setErrors(found.fields);
      setProblem(found.message);
      toast(found.message);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  const addImage = (purpose: 'cover' | 'image') => async () => {
    try {
      const image = await pickAndUpload(groupId, purpose);
      if (!image) return;
      setUrls((known) => ({ ...known, [image.id]: image.url }));
      if (purpose === 'cover') setCover(image);
      else setImages((list) => [...list, image]);
      setErrors((known) => ({ ...known, [purpose === 'cover' ? 'coverImage' : 'images']: '' }));
    } catch (e) {
      const message = saveProblem(e).message;
      setErrors((known) => ({ ...known, [purpose === 'cover' ? 'coverImage' : 'images']: message }));
      toast(message);
    }
  };
  const currentBody = () => {
    const textarea = bodyTextarea();
    if (textarea) selection.current = { start: textarea.selectionStart, end: textarea.selectionEnd };
    return { text: body, ...selection.current };
  };
  const applyEdit = (edit: TextEdit) => {
    setBody(edit.text);
    selection.current = { start: edit.start, end: edit.end };
    setCursor({ start: edit.start, end: edit.end });
    const textarea = bodyTextarea();
    // After React has written the new value: select what the button made (e.g. the placeholder).
    if (textarea)
      setTimeout(() => {
        textarea.focus();
        textarea.setSelectionRange(edit.start, edit.end);
      }, 0);
  };
  /** 图片 in the toolbar: upload, then the image goes into the body where the cursor is. */
  const addBodyImage = async () => {
    const at = currentBody();
    try {
      const image = await pickAndUpload(groupId, 'image');
      if (!image) return;
      setUrls((known) => ({ ...known, [image.id]: image.url }));
      applyEdit(insertImage(body, at.start, at.end, image.id));
      setErrors((known) => ({ ...known, body: '' }));
    } catch (e) {
      const message = saveProblem(e).message;
      setErrors((known) => ({ ...known, body: message }));
      toast(message);
    }
  };
  const live = useMemo(() => ({ nodes: previewNodes(body, groupId, (id) => urls[id]) as never, images }), [body, groupId, urls, images]);
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
        <FieldError field="title" errors={errors} />
        <Input
          className="news-editor__input"
          id="news-author-input"
          placeholder="作者（如：集团办公室）"
          value={authorName}
          onInput={(e) => setAuthorName(e.detail.value)}
        />
        <FieldError field="authorName" errors={errors} />
        <Textarea
          className="news-editor__summary"
          id="news-summary-input"
          placeholder="摘要（列表中显示）"
          maxlength={NEWS_SUMMARY_MAX}
          value={summary}
          onInput={(e) => setSummary(e.detail.value)}
        />
        <FieldError field="summary" errors={errors} />
        <MarkdownToolbar current={currentBody} apply={applyEdit} onImage={() => void addBodyImage()} disabled={busy} />
        <Textarea
          className="news-editor__body"
          id="news-body-input"
          placeholder="正文：用上方按钮添加标题、加粗、列表、链接和图片"
          maxlength={NEWS_BODY_MAX}
          value={body}
          {...(cursor ? { selectionStart: cursor.start, selectionEnd: cursor.end } : {})}
          onInput={(e) => {
            setBody(e.detail.value);
            selection.current = { start: e.detail.cursor, end: e.detail.cursor };
          }}
          onBlur={(e) => {
            const at = (e.detail as { cursor?: number }).cursor;
            if (typeof at === 'number' && !bodyTextarea()) selection.current = { start: at, end: at };
          }}
        />
        <FieldError field="body" errors={errors} />
        <View className="news-editor__live" id="news-live-preview">
          <Text className="news-editor__live-label">实时预览（读者看到的样子）</Text>
          {body.trim() ? <NewsBody item={live} /> : <Text className="field__hint">正文会显示在这里</Text>}
        </View>
        <View className="news-editor__row">
          <Text className="news-editor__pin">置顶</Text>
          <Switch checked={pinned} onChange={(e) => setPinned(e.detail.value)} />
        </View>
        <View className="news-editor__row button-row">
          <Button size="mini" className="button-row__button secondary-button" id="news-cover-button" onClick={addImage('cover')}>
            {cover ? '更换封面' : '添加封面'}
          </Button>
          <Button size="mini" className="button-row__button secondary-button" id="news-image-button" onClick={addImage('image')}>
            添加图片（附在文末）
          </Button>
        </View>
        <FieldError field="coverImage" errors={errors} />
        <FieldError field="images" errors={errors} />
        <View className="news-editor__images">
          {[...(cover ? [cover] : []), ...images].map((image) => (
            <Image key={image.id} className="news-editor__thumb" src={assetUrl(image.url)} mode="aspectFill" />
          ))}
        </View>
        <Text className="news-editor__hint">
          封面用于列表，较大的照片会在手机上自动压缩到 200 KB 以内；其他图片不超过 2 MB（JPEG / PNG / WebP）。
        </Text>
      </Section>
      <Section>
        {problem ? (
          <Text className="field__error" id="news-problem">
            {problem}
          </Text>
        ) : null}
        <View className="news-editor__actions">
          <Button
            size="mini"
            className="button-row__button secondary-button"
            id="news-save"
            disabled={busy || undefined}
            onClick={run(async () => undefined, '已保存')}
          >
            保存草稿
          </Button>
          <Button
            size="mini"
            className="button-row__button secondary-button"
            id="news-preview"
            disabled={busy || undefined}
            onClick={run(async () => void setPreview(true), '已生成预览')}
          >
            预览
          </Button>
          {status !== 'published' ? (
            <Button
              size="mini"
              className="button-row__button"
              type="primary"
              id="news-publish"
              disabled={busy || undefined}
              onClick={run((item) => publishNews(item.id), '已发布')}
            >
              立即发布
            </Button>
          ) : null}
          {status === 'published' || status === 'scheduled' ? (
            <Button
              size="mini"
              className="button-row__button"
              type="warn"
              id="news-unpublish"
              disabled={busy || undefined}
              onClick={run((item) => unpublishNews(item.id), '已撤回')}
            >
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
              <Text className="news-editor__picker">{when.date || '选择发布日期'}</Text>
            </Picker>
            <Picker mode="time" value={when.time} onChange={(e) => setWhen((w) => ({ ...w, time: e.detail.value }))}>
              <Text className="news-editor__picker">{when.time}</Text>
            </Picker>
            <Button
              size="mini"
              className="button-row__button secondary-button"
              id="news-schedule"
              disabled={busy || undefined}
              onClick={run(schedule, '已定时发布')}
            >
              定时发布
            </Button>
          </View>
        ) : null}
        <FieldError field="publishAt" errors={errors} />
      </Section>
      {preview && saved ? (
        <Section title="预览（已保存的版本）" className="news-editor__preview">
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
