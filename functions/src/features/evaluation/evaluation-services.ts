import type { Infrastructure } from '../../infrastructure';
import { EvaluationReportService } from './evaluation-report-service';
import { EvaluationService } from './evaluation-service';
import { IndicatorSystemService } from './indicator-system-service';
import { ScoreImportService } from './score-import-service';

/** The evaluation feature's services, built once per container. */
export function evaluationServices(infra: Infrastructure) {
  return {
    evaluation: new EvaluationService(infra),
    evaluationReports: new EvaluationReportService(infra),
    scoreImport: new ScoreImportService(infra),
    indicatorSystems: new IndicatorSystemService(infra),
  };
}
