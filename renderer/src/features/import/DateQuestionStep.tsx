import { Radio, Stack, Text } from '@mantine/core';
import { dateAnswers, dateQuestionSentence, dayAndMonth, type DateQuestion } from '../../stores/import-logic';
import { useImportStore } from '../../stores/import-store';
import { useSettingsStore } from '../../stores/settings-store';
import type { DateOrder } from '../../../../shared/import/types';
import { StepCard } from './StepCard';

/**
 * A date column that reads validly both ways (03/04/2024): Regulars never guesses, it asks — with
 * the file's own example and what each answer would make of it.
 */
export function DateQuestionStep({ questions, step }: { questions: DateQuestion[]; step: number }) {
  const answerDate = useImportStore((s) => s.answerDate);
  const answers = useImportStore((s) => s.choices.dateOrders);
  const open = questions.some((q) => answers[q.column] === undefined);
  const locale = useSettingsStore((s) => s.settings.locale);
  const day = (date: string) => dayAndMonth(date, locale);
  return (
    <StepCard step={step} title="Which way round are the dates?" attention={open} description="Dates like 03/04 mean different days in different countries.">
      {questions.map((question) => (
        <Stack key={question.column} gap="xs">
          <Text fz="sm" fw={600}>
            {dateQuestionSentence(question, day)}
          </Text>
          <Radio.Group
            name={`date-order-${question.column}`}
            aria-label={`How to read the dates in “${question.header}”`}
            value={answers[question.column] ?? null}
            onChange={(order) => void answerDate(question.column, order as DateOrder)}
          >
            <Stack gap="xs" mt={4}>
              {dateAnswers(question, day).map((answer) => (
                <Radio key={answer.order} value={answer.order} label={answer.label} />
              ))}
            </Stack>
          </Radio.Group>
        </Stack>
      ))}
    </StepCard>
  );
}
