import type { ProgramPack } from '@shenbao/contracts';
import { Alert, List, Radio, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-provider.tsx';

type Question = ProgramPack['eligibility']['questions'][number];

export type SelfCheckAnswers = Readonly<Record<string, boolean>>;

/** Passed when every question is answered as the notice expects. */
export function selfCheckPassed(questions: readonly Question[], answers: SelfCheckAnswers): boolean {
  return questions.every((q) => answers[q.id] === q.expected);
}

interface EligibilitySelfCheckProps {
  questions: Question[];
  answers: SelfCheckAnswers;
  onAnswer: (questionId: string, value: boolean) => void;
  testId: string;
}

/** 资格自测: the notice's conditions as 是/否 questions; an answer the notice excludes says why, plainly. */
export function EligibilitySelfCheck({ questions, answers, onAnswer, testId }: EligibilitySelfCheckProps) {
  const { t } = useI18n();
  const answered = questions.filter((q) => answers[q.id] !== undefined).length;
  const failed = questions.filter((q) => answers[q.id] !== undefined && answers[q.id] !== q.expected).length;
  return (
    <div data-testid={testId}>
      <List<Question>
        size="small"
        dataSource={questions}
        renderItem={(q, index) => {
          const answer = answers[q.id];
          const excluded = answer !== undefined && answer !== q.expected;
          return (
            <List.Item data-testid={`${testId}-${q.id}`} style={{ display: 'block' }}>
              <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
                <Typography.Text style={{ flex: '1 1 320px' }}>
                  {index + 1}. {q.question}
                </Typography.Text>
                <Radio.Group value={answer} onChange={(e) => onAnswer(q.id, e.target.value as boolean)}>
                  <Radio value={true} data-testid={`${testId}-${q.id}-yes`}>
                    {t('form.yes')}
                  </Radio>
                  <Radio value={false} data-testid={`${testId}-${q.id}-no`}>
                    {t('form.no')}
                  </Radio>
                </Radio.Group>
              </div>
              {excluded && (
                <Typography.Text type="danger" data-testid={`${testId}-${q.id}-excluded`}>
                  {t('selfCheck.excluded', { explanation: q.explanation })}
                </Typography.Text>
              )}
            </List.Item>
          );
        }}
      />
      {answered === questions.length && questions.length > 0 && (
        <Alert
          type={failed === 0 ? 'success' : 'error'}
          showIcon
          message={failed === 0 ? t('selfCheck.passed') : t('selfCheck.failed', { n: failed })}
          style={{ marginTop: 8 }}
          data-testid={`${testId}-result`}
        />
      )}
    </div>
  );
}
