import { Icon, Input, Text, View } from '@tarojs/components';
import { SEARCH_QUERY_MAX } from '../../../../../shared/limits';

export interface SearchBarProps {
  value: string;
  onChange: (value: string) => void;
}

/** The query box; the server accepts at most SEARCH_QUERY_MAX characters, so input stops there. */
export function SearchBar({ value, onChange }: SearchBarProps) {
  return (
    <View className="search-bar">
      <Icon className="search-bar__icon" type="search" size={14} color="#999" />
      <Input
        id="search-input"
        className="search-bar__input"
        type="text"
        confirmType="search"
        value={value}
        maxlength={SEARCH_QUERY_MAX}
        placeholder="输入学校名称、拼音或首字母"
        placeholderClass="search-bar__placeholder"
        onInput={(e) => onChange(e.detail.value)}
      />
      {value ? (
        <Text className="search-bar__clear" id="search-clear" onClick={() => onChange('')}>
          ✕
        </Text>
      ) : null}
    </View>
  );
}
