import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Question, QuestionResult, UnitResult } from '../../../../../shared';
import { DistributionBars } from '../../../components/score-bars/DistributionBars';
import { Section } from '../../../components/section/Section';
import { choiceRows, choiceSummary, likertRows, likertSummary, npsRows, npsSummary, returnRateText } from './results-text';

const LEVEL = { district: '区县', group: '集团', school: '学校' } as const;

/** One question's figures: the headline in words, then a bar per option with its count and share. */
function QuestionFigures({ result, question, id }: { result: QuestionResult; question: Question | undefined; id: string }) {
  switch (result.type) {
    case 'likert':
      return (
        <View>
          {likertSummary(result).map((line, i) => (
            <Text key={i} className={`unit__figure${i === 0 ? ' unit__figure--lead' : ''}`}>
              {line}
            </Text>
          ))}
          <DistributionBars id={`${id}-bars`} rows={likertRows(result, question)} />
        </View>
      );
    case 'nps':
      return (
        <View>
          <Text className="unit__figure unit__figure--lead">{npsSummary(result)[0]}</Text>
          <Text className="unit__figure">{npsSummary(result)[1]}</Text>
          <DistributionBars id={`${id}-bars`} rows={npsRows(result)} />
        </View>
      );
    case 'single':
    case 'multiple':
      return (
        <View>
          <Text className="unit__figure">{choiceSummary(result)}</Text>
          <DistributionBars id={`${id}-bars`} rows={choiceRows(result, question)} />
        </View>
      );
  }
}

/**
 * One unit (district, group or school): responses and valid return rate, then each question; hidden
 * cells read 样本不足. Only the district opens with its questions shown: a page of 24 schools with
 * every chart open is too long to find anything on a phone.
 */
export function UnitCard({ unit, questions, open: openAtFirst }: { unit: UnitResult; questions: Question[]; open?: boolean }) {
  const [open, setOpen] = useState(openAtFirst ?? unit.level === 'district');
  const number = (qid: string) => questions.findIndex((q) => q.id === qid) + 1;
  const title = (qid: string) => `${number(qid)}. ${questions.find((q) => q.id === qid)?.title ?? qid}`;
  return (
    <Section title={`${LEVEL[unit.level]} · ${unit.name}`} className={`unit unit--${unit.level}`}>
      <Text className="unit__responses" id={`responses-${unit.id}`}>
        {unit.responses.suppressed ? unit.responses.label : `答卷 ${unit.responses.n} 份`}
      </Text>
      {unit.responses.suppressed ? null : (
        <Text className="unit__rate" id={`rate-${unit.id}`}>
          {returnRateText(unit.level, unit.responses.rate)}
        </Text>
      )}
      {open
        ? Object.entries(unit.questions).map(([qid, cell]) =>
            cell.suppressed ? (
              <View key={qid} className="unit__question unit__question--hidden" id={`question-${unit.id}-${qid}`}>
                <Text className="unit__question-title">{title(qid)}</Text>
                <Text className="unit__hidden">{cell.label}</Text>
              </View>
            ) : (
              <View key={qid} className="unit__question" id={`question-${unit.id}-${qid}`}>
                <Text className="unit__question-title">{title(qid)}</Text>
                <QuestionFigures result={cell} question={questions.find((q) => q.id === qid)} id={`question-${unit.id}-${qid}`} />
              </View>
            ),
          )
        : null}
      <View className="unit__toggle" id={`unit-toggle-${unit.id}`} onClick={() => setOpen(!open)}>
        {open ? '收起各题 ▲' : `查看各题（${Object.keys(unit.questions).length} 题）▼`}
      </View>
    </Section>
  );
}
