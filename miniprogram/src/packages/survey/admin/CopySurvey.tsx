import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { messageOf } from '../../../api/api-error';
import { copySurveyToDraft } from '../../../api/surveys';
import { openPage } from '../../../utils/routes';
import { builderUrl } from '../builder/builder-url';

/** 复制为新问卷: the survey's questions and audience in a new draft, opened in the builder to set new dates. */
export function CopySurvey({ surveyId }: { surveyId: string }) {
  const [copying, setCopying] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const copy = async () => {
    setCopying(true);
    try {
      const draft = await copySurveyToDraft(surveyId);
      setProblem(null);
      openPage(builderUrl({ draft: draft.id }));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setCopying(false);
    }
  };
  return (
    <View className="copy-survey">
      <Button id={`copy-survey-${surveyId}`} size="mini" disabled={copying || undefined} onClick={() => void copy()}>
        复制为新问卷
      </Button>
      {problem ? (
        <Text id={`copy-problem-${surveyId}`} className="field__error">
          {problem}
        </Text>
      ) : null}
    </View>
  );
}
