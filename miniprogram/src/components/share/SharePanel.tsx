import { Button, Image, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { h5PageUrl, type ShareCard } from '../../utils/share/share-card';
import { Section } from '../section/Section';
import { copyText } from './copy-text';
import { qrDataUrl } from './qr-code';
import './share-panel.scss';

/**
 * 分享 on H5, where there is no WeChat share menu: the page's link, 复制链接 and a QR code of the
 * link to scan with a phone. Nothing in the mini-program, which shares through the menu.
 */
export function SharePanel({ card }: { card: ShareCard }) {
  return process.env.TARO_ENV === 'h5' ? <H5SharePanel card={card} /> : null;
}

function H5SharePanel({ card }: { card: ShareCard }) {
  const url = h5PageUrl(card, window.location);
  const [qr, setQr] = useState<{ url: string; image: string } | { url: string; failed: true } | null>(null);

  useEffect(() => {
    let current = true;
    qrDataUrl(url).then(
      (image) => current && setQr({ url, image }),
      () => current && setQr({ url, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [url]);

  const copy = async () => {
    const copied = await copyText(url);
    void Taro.showToast({ title: copied ? '链接已复制' : '复制失败，请长按链接手动复制', icon: 'none' });
  };
  const shown = qr?.url === url ? qr : null;

  return (
    <Section title="分享" className="share-panel">
      <Text className="share-panel__link" id="share-link" userSelect>
        {url}
      </Text>
      <Button className="share-panel__copy" id="share-copy" size="mini" onClick={() => void copy()}>
        复制链接
      </Button>
      {shown && 'image' in shown ? (
        <Image className="share-panel__qr" id="share-qr" src={shown.image} mode="aspectFit" />
      ) : (
        <Text className="share-panel__hint">{shown ? '二维码生成失败，请复制链接分享' : '正在生成二维码…'}</Text>
      )}
      <Text className="share-panel__hint">扫码或打开链接即可查看本页</Text>
    </Section>
  );
}
