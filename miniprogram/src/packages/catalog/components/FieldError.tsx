import { Text } from '@tarojs/components';

/** The server's words for one field, right under it. */
export function FieldError({ field, errors }: { field: string; errors: Record<string, string> }) {
  const message = errors[field];
  return message ? (
    <Text className="catalog-field__error" id={`error-${field.replace(/\./g, '-')}`}>
      {message}
    </Text>
  ) : null;
}
