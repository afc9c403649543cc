import { Group, List, Radio, Select, Stack, Text } from '@mantine/core';
import { KIND_CHOICES, type ImportReview } from '../../stores/import-logic';
import { useImportStore } from '../../stores/import-store';
import type { ImportKind } from '../../../../shared/import/types';
import { StepCard } from './StepCard';

/** "What is this file": the detected kind with the reasons, changeable, and the sheet picker. */
export function KindStep({ review, step }: { review: ImportReview; step: number }) {
  const setKind = useImportStore((s) => s.setKind);
  const setSheet = useImportStore((s) => s.setSheet);
  return (
    <StepCard step={step} title="What is in this file" description="Regulars had a look at the columns. Change the answer if it is wrong.">
      {review.sheets.length > 1 && (
        <Select
          label="Sheet"
          description={`This workbook has ${review.sheets.length} sheets. Choose the one to import.`}
          data={review.sheets}
          value={review.sheet}
          onChange={(sheet) => sheet && void setSheet(sheet)}
          allowDeselect={false}
          maw={360}
        />
      )}
      <Radio.Group value={review.kind} onChange={(kind) => void setKind(kind as ImportKind)} label="Each row of the file is" name="import-kind">
        <Group mt="xs" gap="sm" grow align="stretch">
          {KIND_CHOICES.map((choice) => (
            <Radio.Card key={choice.kind} value={choice.kind} p="md" radius="md" aria-label={choice.label}>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator />
                <Stack gap={2}>
                  <Text fw={600}>{choice.label}</Text>
                  <Text fz="xs" c="dimmed">
                    {choice.description}
                  </Text>
                </Stack>
              </Group>
            </Radio.Card>
          ))}
        </Group>
      </Radio.Group>
      {review.kindReasons.length > 0 && (
        <Stack gap={4}>
          <Text fz="sm" fw={600}>
            Why Regulars thinks so
          </Text>
          <List fz="sm" spacing={2}>
            {review.kindReasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </StepCard>
  );
}
