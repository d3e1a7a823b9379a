import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { NEWS_LINK_DOMAINS } from '../../../../../../shared/news/news-limits';
import { isAllowedLink } from './markdown-preview';
import { insertLink, toggleBold, toggleHeading, toggleList, type TextEdit } from './markdown-toolbar';

export interface ToolbarProps {
  /** The body and its selection as they are now (read at the moment a button is pressed). */
  current: () => { text: string; start: number; end: number };
  apply: (edit: TextEdit) => void;
  /** 图片: pick, upload, then the page inserts it at the cursor. */
  onImage: () => void;
  disabled?: boolean;
}

/** 标题 / 加粗 / 列表 / 链接 / 图片 over the Markdown body: staff press a button, never type a mark. */
export function MarkdownToolbar({ current, apply, onImage, disabled }: ToolbarProps) {
  const [link, setLink] = useState<{ url: string; error: string; at: { start: number; end: number } } | null>(null);
  const press = (transform: (text: string, start: number, end: number) => TextEdit) => () => {
    if (disabled) return;
    const { text, start, end } = current();
    apply(transform(text, start, end));
  };
  const confirmLink = () => {
    if (!link) return;
    const url = link.url.trim();
    if (!isAllowedLink(url)) {
      setLink({ ...link, error: `链接需以 https:// 开头，且只能指向 ${NEWS_LINK_DOMAINS.join('、')} 的网页` });
      return;
    }
    const { text } = current();
    apply(insertLink(text, link.at.start, link.at.end, url));
    setLink(null);
  };
  return (
    <View className="md-toolbar">
      <View className="md-toolbar__buttons">
        <Text className="md-toolbar__button md-toolbar__button--heading" id="md-heading" onClick={press(toggleHeading)}>
          标题
        </Text>
        <Text className="md-toolbar__button md-toolbar__button--bold" id="md-bold" onClick={press(toggleBold)}>
          加粗
        </Text>
        <Text className="md-toolbar__button" id="md-list" onClick={press(toggleList)}>
          列表
        </Text>
        <Text
          className="md-toolbar__button"
          id="md-link"
          onClick={() => {
            if (disabled) return;
            const { start, end } = current();
            setLink({ url: 'https://', error: '', at: { start, end } });
          }}
        >
          链接
        </Text>
        <Text className="md-toolbar__button" id="md-image" onClick={() => !disabled && onImage()}>
          图片
        </Text>
      </View>
      {link ? (
        <View className="md-toolbar__link">
          <Input
            className="field__input md-toolbar__link-input"
            id="md-link-url"
            type="text"
            placeholder="链接地址，如 https://jyj.jinan.gov.cn/…"
            value={link.url}
            focus
            onInput={(e) => setLink({ ...link, url: e.detail.value, error: '' })}
            onConfirm={confirmLink}
          />
          {link.error ? <Text className="field__error">{link.error}</Text> : null}
          <View className="button-row">
            <Button className="button-row__button secondary-button" size="mini" id="md-link-cancel" onClick={() => setLink(null)}>
              取消
            </Button>
            <Button className="button-row__button" size="mini" type="primary" id="md-link-confirm" onClick={confirmLink}>
              插入链接
            </Button>
          </View>
        </View>
      ) : null}
      <Text className="field__hint">选中文字后按 加粗 / 链接；标题和列表作用于光标所在的行。</Text>
    </View>
  );
}
