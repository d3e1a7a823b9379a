import { Text } from '@tarojs/components';

/**
 * The server's words for one field, right under it. `errors` comes from fieldErrors(error)
 * (api/field-errors.ts): the 400's details keyed by path, e.g. 'title' or 'questions.2.title'.
 * A form repeated in rows (one per objection, per batch) passes its row's `scope`, so each
 * message keeps an id of its own (`error-<scope>-<field>`).
 */
export function FieldError({ field, errors, scope }: { field: string; errors: Record<string, string>; scope?: string }) {
  const message = errors[field];
  return message ? (
    <Text className="field__error" id={`error-${scope ? `${scope}-` : ''}${field.replace(/\./g, '-')}`}>
      {message}
    </Text>
  ) : null;
}
