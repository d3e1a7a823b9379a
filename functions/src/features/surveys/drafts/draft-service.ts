import { randomInt } from 'node:crypto';
import {
  draftIdOf,
  SurveyDefinitionSchema,
  type DraftOwner,
  type SurveyDraftContent,
  type SurveyDraftPublished,
  type SurveyDraftSummary,
  type SurveyDraftView,
} from '../../../../../shared';
import { nextQuestionId } from '../../../../../shared/surveys/survey-draft';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors';
import type { Infrastructure } from '../../../infrastructure';
import { currentTerm } from '../../catalog/current-term';
import type { SurveyItem } from '../survey-items';
import type { SurveyService } from '../survey-service';
import type { SurveyDraftItem } from './draft-items';
import type { SurveyDraftRepository } from './draft-repository';

type Deps = Pick<Infrastructure, 'catalog' | 'now'> & { drafts: SurveyDraftRepository; surveys: SurveyService };

const randomPart = () => Array.from({ length: 12 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[randomInt(36)]).join('');

/**
 * 草稿箱: surveys being built. A draft is saved as it is (checked loosely by the route's schema,
 * since it may be incomplete) and checked fully only when published, which is the one way it
 * becomes a survey: through SurveyService.create, like a survey made in one go.
 */
export class SurveyDraftService {
  constructor(private readonly deps: Deps) {}

  async list(owner: DraftOwner): Promise<{ items: SurveyDraftSummary[] }> {
    const items =
      owner.type === 'district' ? await this.deps.drafts.listOfDistrict(owner.id) : await this.deps.drafts.listOfGroup(owner.id);
    return {
      items: items.map((d) => ({
        id: d.id,
        title: d.title,
        questionCount: d.questions.length,
        updatedAt: d.updatedAt,
        copiedFrom: d.copiedFrom,
      })),
    };
  }

  async create(
    owner: DraftOwner,
    content: SurveyDraftContent,
    updatedBy: string,
    copiedFrom: string | null = null,
  ): Promise<SurveyDraftView> {
    const at = this.deps.now().toISOString();
    const draft: SurveyDraftItem = {
      kind: 'survey-draft',
      id: draftIdOf(owner, randomPart()),
      owner,
      districtId: await this.districtOf(owner),
      ...this.normalised(owner, content),
      version: 1,
      createdAt: at,
      updatedAt: at,
      updatedBy,
      copiedFrom,
    };
    // A fresh random id is free; a taken one (1 in 36^12) is refused rather than overwritten.
    if (!(await this.deps.drafts.save(draft))) throw new ConflictError('CONFLICT', '草稿保存冲突，请重试');
    return this.view(draft);
  }

  async get(draftId: string): Promise<SurveyDraftView> {
    return this.view(await this.read(draftId));
  }

  async update(draftId: string, body: SurveyDraftContent & { version: number }, updatedBy: string): Promise<SurveyDraftView> {
    const stored = await this.read(draftId);
    const { version, ...content } = body;
    const stale = () => new ConflictError('CONFLICT', '草稿已被他人修改，请刷新后再编辑');
    if (version !== stored.version) throw stale();
    const draft: SurveyDraftItem = {
      ...stored,
      ...this.normalised(stored.owner, content),
      version: stored.version + 1,
      updatedAt: this.deps.now().toISOString(),
      updatedBy,
    };
    if (!(await this.deps.drafts.save(draft))) throw stale();
    return this.view(draft);
  }

  async remove(draftId: string): Promise<void> {
    if (!(await this.deps.drafts.remove(draftId))) throw new NotFoundError('未找到该草稿');
  }

  /**
   * 发布: the draft checked as a survey (every field's problem at its path, e.g. questions.2.title,
   * and the per-response counter budget), created through SurveyService.create, then deleted.
   */
  async publish(draftId: string, createdBy: string): Promise<SurveyDraftPublished> {
    const draft = await this.read(draftId);
    const checked = SurveyDefinitionSchema.safeParse({
      title: draft.title,
      description: draft.description,
      audience: { districtId: draft.districtId, ...draft.audience },
      opensAt: draft.opensAt ?? undefined,
      closesAt: draft.closesAt ?? undefined,
      anonymous: true,
      questions: draft.questions,
    });
    const details = checked.success ? [] : checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    // A draft kept for a while may name a closing day already past: it would publish a closed survey.
    if (draft.closesAt && draft.closesAt <= this.deps.now().toISOString() && !details.some((d) => d.path === 'closesAt')) {
      details.push({ path: 'closesAt', message: '截止时间已过，请重新选择截止日期' });
    }
    if (!checked.success || details.length > 0) {
      throw new ValidationError(`问卷还不能发布：${details[0].message}`, details, 'DRAFT_INCOMPLETE');
    }
    const survey = await this.deps.surveys.create(checked.data, createdBy);
    // Published: the draft has become the survey. Gone already means another admin published it
    // a moment ago; the survey made here still stands, so that is not an error.
    await this.deps.drafts.remove(draftId);
    return { surveyId: survey.id };
  }

  /** 复制为新问卷: a past survey's questions and audience in a new draft of whoever manages it; dates are chosen anew. */
  async copyOf(survey: SurveyItem, updatedBy: string): Promise<SurveyDraftView> {
    const { definition } = survey;
    // Whoever manages the survey owns its copy: its one group, else its district (survey-scope.ts).
    const { groupIds, districtId } = definition.audience;
    const owner: DraftOwner = groupIds.length === 1 ? { type: 'group', id: groupIds[0] } : { type: 'district', id: districtId };
    const title = `${definition.title}（副本）`.slice(0, 60);
    return this.create(
      owner,
      {
        title,
        description: definition.description,
        opensAt: null,
        closesAt: null,
        audience: {
          groupIds: definition.audience.groupIds,
          schoolIds: definition.audience.schoolIds,
          respondents: definition.audience.respondents,
        },
        questions: definition.questions,
        questionsIssued: nextQuestionId(definition.questions).issued - 1,
      },
      updatedBy,
      survey.id,
    );
  }

  private async read(draftId: string): Promise<SurveyDraftItem> {
    const draft = await this.deps.drafts.get(draftId);
    if (!draft) throw new NotFoundError('未找到该草稿');
    return draft;
  }

  private async districtOf(owner: DraftOwner): Promise<string> {
    if (owner.type === 'district') return owner.id;
    const found = await this.deps.catalog.getGroupWithMembers(owner.id, currentTerm(this.deps));
    if (!found) throw new NotFoundError('未找到该教育集团');
    return found.group.districtId;
  }

  /**
   * A group's draft is for that group (a group admin may survey nothing wider); the id counter
   * never falls below the ids in use, so a deleted question's id is not handed out again.
   */
  private normalised(owner: DraftOwner, content: SurveyDraftContent): SurveyDraftContent {
    return {
      ...content,
      audience: { ...content.audience, groupIds: owner.type === 'group' ? [owner.id] : content.audience.groupIds },
      questionsIssued: nextQuestionId(content.questions, content.questionsIssued).issued - 1,
    };
  }

  private view(draft: SurveyDraftItem): SurveyDraftView {
    const { kind: _kind, createdAt: _createdAt, ...view } = draft;
    return view;
  }
}
