import { Text } from '@tarojs/components';

/**
 * The server's words for one field, right under it. `errors` comes from fieldErrors(error)
 * (api/field-errors.ts): the 400's details keyed by path, e.g. 'title' or 'questions.2.title'.
 */
export function FieldError({ field, errors }: { field: string; errors: Record<string, string> }) {
  const message = errors[field];
  return message ? (
    <Text className="field__error" id={`error-${field.replace(/\./g, '-')}`}>
      {message}
    </Text>
  ) : null;
}
