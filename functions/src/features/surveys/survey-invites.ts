import { SURVEY_ANSWER_PAGE, surveyAnswerH5Hash, surveyAnswerPath, type SceneTarget, type SurveyInvite } from '../../../../shared';
import { ApiError, ConflictError, NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import { sceneCodeOf } from './domain/scene-code';
import { resolveAudience } from './survey-audience';
import type { SurveyItem } from './survey-items';

/** A school outside the survey's audience has no link: its parents could not answer it. */
export class SchoolNotInAudienceError extends ApiError {
  constructor() {
    super(404, 'NOT_IN_AUDIENCE', '该学校不在本次问卷范围内');
  }
}

/** The server has no mini-program configured (a local or H5-only setup): the H5 QR code still works. */
export class QrCodeUnavailableError extends ApiError {
  constructor() {
    super(503, 'QR_CODE_UNAVAILABLE', '未配置微信小程序，暂时无法生成小程序码');
  }
}

/** An unknown or mistyped code: the link is simply not found. */
export class SceneNotFoundError extends NotFoundError {
  constructor() {
    super('未找到该问卷链接，请重新扫码');
  }
}

/** Survey links per school: the link, its short code (`scene`) and the mini-program code that carries it. */
export class SurveyInvites {
  constructor(private readonly infra: Pick<Infrastructure, 'catalog' | 'surveyScenes' | 'wechat' | 'config' | 'now'>) {}

  /** The link to `survey` with `schoolId` chosen; its short code is stored on the first ask (AP97). */
  async invite(survey: SurveyItem, schoolId: string): Promise<SurveyInvite> {
    const audience = await resolveAudience(this.infra.catalog, survey);
    const school = audience.schools.find((s) => s.id === schoolId);
    if (!school) throw new SchoolNotInAudienceError();
    const scene = await this.sceneFor(survey.id, schoolId);
    return {
      surveyId: survey.id,
      title: survey.definition.title,
      closesAt: survey.definition.closesAt,
      schoolId,
      schoolName: school.name,
      respondents: survey.definition.audience.respondents,
      path: surveyAnswerPath(survey.id, schoolId),
      h5Hash: surveyAnswerH5Hash(survey.id, schoolId),
      scene,
    };
  }

  /** The mini-program code (PNG) that opens the answer page with the link's `scene`. */
  async qrCode(survey: SurveyItem, schoolId: string): Promise<{ invite: SurveyInvite; png: Buffer }> {
    const invite = await this.invite(survey, schoolId);
    if (!this.infra.config.wechat.appId) throw new QrCodeUnavailableError();
    const png = await this.infra.wechat.getUnlimitedQrCode({
      scene: invite.scene,
      page: SURVEY_ANSWER_PAGE,
      checkPath: true,
      envVersion: 'release',
    });
    return { invite, png };
  }

  /** What a scanned code names (public: the survey and school ids are no secret; the survey page is public too). */
  async resolveScene(code: string): Promise<SceneTarget> {
    const scene = await this.infra.surveyScenes.get(code);
    if (!scene) throw new SceneNotFoundError();
    return { surveyId: scene.surveyId, schoolId: scene.schoolId };
  }

  private async sceneFor(surveyId: string, schoolId: string): Promise<string> {
    const code = sceneCodeOf(surveyId, schoolId);
    const written = await this.infra.surveyScenes.putIfAbsent({ code, surveyId, schoolId, createdAt: this.infra.now().toISOString() });
    if (written) return code;
    const existing = await this.infra.surveyScenes.get(code);
    // A hash collision with another link would send parents to the wrong survey: refuse rather than guess.
    if (existing?.surveyId !== surveyId || existing.schoolId !== schoolId) throw new ConflictError('CONFLICT', '请刷新后重试');
    return code;
  }
}
