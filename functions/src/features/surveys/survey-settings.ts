import { SurveySettingsSchema, type SurveySettings, type SurveySettingsView } from '../../../../shared';
import type { Infrastructure } from '../../infrastructure';

type Deps = Pick<Infrastructure, 'surveys' | 'now'>;

/**
 * A district's survey settings (AP53): which options count as 认可. Read by district admins,
 * changed by them, and taken by every survey made afterwards (survey-service.ts), which
 * keeps its own copy: a change never alters a survey already running or published.
 */
export class SurveySettingsService {
  constructor(private readonly deps: Deps) {}

  async get(districtId: string): Promise<SurveySettingsView> {
    const stored = await this.deps.surveys.getSettings(districtId);
    // Parsing fills the defaults (docs/scoring.md) for a district that never chose.
    const settings = SurveySettingsSchema.parse(stored ? { recognition: stored.recognition } : {});
    return { ...settings, updatedAt: stored?.updatedAt ?? null, updatedBy: stored?.updatedBy ?? null };
  }

  async put(districtId: string, settings: SurveySettings, updatedBy: string): Promise<SurveySettingsView> {
    const updatedAt = this.deps.now().toISOString();
    await this.deps.surveys.putSettings({ kind: 'survey-settings', districtId, ...settings, updatedAt, updatedBy });
    return { ...settings, updatedAt, updatedBy };
  }
}
