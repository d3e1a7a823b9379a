import { Button, Canvas, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { messageOf } from '../../../api/api-error';
import { downloadSurveyQrCode, getSurveyInvite } from '../../../api/survey-invites';
import { useAsync } from '../../../hooks/useAsync';
import { beijingTime } from '../../../utils/time';
import { downloadDataUrl, h5LinkOf, renderH5Poster } from './h5-poster';
import type { PosterContent } from './poster-drawing';
import { renderWeappPoster, saveToAlbum } from './weapp-poster';

const isH5 = process.env.TARO_ENV === 'h5';
const CANVAS_ID = 'poster-canvas';

/** One school's link and poster: drawn on open, then downloaded (H5) or saved to the album (weapp). */
export function PosterPanel({ surveyId, schoolId }: { surveyId: string; schoolId: string }) {
  const [saving, setSaving] = useState(false);
  const poster = useAsync(async () => {
    const invite = await getSurveyInvite(surveyId, schoolId);
    const content: PosterContent = {
      title: invite.title,
      schoolName: invite.schoolName,
      deadline: beijingTime(invite.closesAt),
      scanHint: isH5 ? '扫码填写问卷' : '微信扫码填写问卷',
      respondents: invite.respondents,
    };
    if (isH5) {
      const link = h5LinkOf(invite.h5Hash);
      return { invite, link, image: await renderH5Poster(content, link) };
    }
    // The Canvas must be on screen before it is drawn: wait for this render to reach the page.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const image = await renderWeappPoster(`#${CANVAS_ID}`, content, await downloadSurveyQrCode(surveyId, schoolId));
    return { invite, link: `/${invite.path}`, image };
  }, [surveyId, schoolId]);

  const save = async () => {
    if (poster.status !== 'ready') return;
    const fileName = `问卷海报-${poster.data.invite.schoolName}.png`;
    if (isH5) return downloadDataUrl(poster.data.image, fileName);
    setSaving(true);
    const saved = await saveToAlbum(poster.data.image);
    setSaving(false);
    void Taro.showToast({ title: saved === 'saved' ? '已保存到相册' : '未获得相册权限，海报未保存', icon: 'none' });
  };
  const copy = () => {
    if (poster.status !== 'ready') return;
    void Taro.setClipboardData({ data: poster.data.link }).catch((error: unknown) =>
      Taro.showToast({ title: messageOf(error), icon: 'none' }),
    );
  };

  return (
    <View className="poster-panel" id="poster-panel">
      {isH5 ? null : <Canvas type="2d" id={CANVAS_ID} className="poster-panel__canvas" />}
      {poster.status === 'loading' ? <Text className="poster-panel__hint">正在生成海报…</Text> : null}
      {poster.status === 'error' ? (
        <Text className="poster-panel__problem" id="poster-error">
          {poster.message}
        </Text>
      ) : null}
      {poster.status === 'ready' ? (
        <View>
          <Image id="poster-preview" className="poster-panel__preview" src={poster.data.image} mode="widthFix" />
          <Text className="poster-panel__link" id="poster-link" selectable>
            {poster.data.link}
          </Text>
          <View className="poster-panel__actions">
            <Button id="poster-save" className="poster-panel__save" disabled={saving || undefined} onClick={() => void save()}>
              {isH5 ? '下载海报' : saving ? '正在保存…' : '保存到相册'}
            </Button>
            <Button id="poster-copy" className="poster-panel__copy" onClick={copy}>
              复制链接
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
