import { Button } from '@tarojs/components';

/** A form's 保存: greyed and inert until something changed, 保存中… while the request runs. */
export function SaveButton({ id, idle, saving, onSave }: { id: string; idle: boolean; saving: boolean; onSave: () => void }) {
  return (
    <Button
      id={id}
      className={`primary-button${idle ? ' primary-button--idle' : ''}`}
      disabled={idle || undefined}
      onClick={() => idle || onSave()}
    >
      {saving ? '保存中…' : '保存'}
    </Button>
  );
}
