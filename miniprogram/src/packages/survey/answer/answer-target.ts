import { resolveScene } from '../../../api/survey-invites';
import { useAsync } from '../../../hooks/useAsync';

export interface AnswerTarget {
  surveyId: string;
  /** '' when the link names no school: the parent chooses one before answering. */
  schoolId: string;
}

/**
 * Which survey and school the page opens: `id` and `school` from a link, or a mini-program code's
 * `scene` (URL-encoded by WeChat) that the server resolves (GET /api/scenes/:code).
 */
export function useAnswerTarget(params: Partial<Record<string, string>>) {
  const scene = params.scene ? decodeURIComponent(params.scene) : '';
  return useAsync<AnswerTarget>(
    async () => (scene ? resolveScene(scene) : { surveyId: params.id ?? '', schoolId: params.school ?? '' }),
    [scene, params.id, params.school],
  );
}
