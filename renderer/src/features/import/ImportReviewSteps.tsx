import { Alert, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { blockSentence, firstBlock, plural, whenImported, type ImportReview } from '../../stores/import-logic';
import { useImportStore } from '../../stores/import-store';
import { useFormatters, useSettingsStore } from '../../stores/settings-store';
import { KindStep } from './KindStep';
import { MappingStep } from './MappingStep';
import { DateQuestionStep } from './DateQuestionStep';
import { PreviewStep } from './PreviewStep';
import { ProblemsStep } from './ProblemsStep';
import { DuplicatesStep } from './DuplicatesStep';

/** The review of a read file, step by step, ending in the Import button. Steps with nothing to say are left out. */
export function ImportReviewSteps({ review }: { review: ImportReview }) {
  const f = useFormatters();
  const refreshing = useImportStore((s) => s.refreshing);
  const error = useImportStore((s) => s.error);
  const notice = useImportStore((s) => s.notice);
  const errorChoice = useImportStore((s) => s.errorChoice);
  const startImport = useImportStore((s) => s.startImport);
  const askedDates = useImportStore((s) => s.askedDates);
  const locale = useSettingsStore((s) => s.settings.locale);
  const block = firstBlock(review.facts, errorChoice);
  const hasProblems = review.rowErrors.length > 0 || review.warnings.length > 0 || review.facts.errorCount > 0;

  let step = 0;
  const next = () => ++step;
  return (
    <Stack gap="md" pb={96}>
      {notice && (
        <Alert color="blue" role="status">
          {notice}
        </Alert>
      )}
      {review.importedBefore && (
        <Alert color="blue" role="status" title={`You imported ${review.fileName} before, on ${whenImported(review.importedBefore, locale)}`}>
          Rows that are already in Regulars are skipped. To read the file differently this time (another date order or other columns), undo that import under
          “Past imports” first: otherwise those rows would be added a second time.
        </Alert>
      )}
      {error && (
        <Alert color="orange" role="alert">
          {error}
        </Alert>
      )}
      <KindStep review={review} step={next()} />
      <MappingStep review={review} step={next()} />
      {askedDates.length > 0 && <DateQuestionStep questions={askedDates} step={next()} />}
      <PreviewStep review={review} step={next()} />
      {hasProblems && <ProblemsStep review={review} step={next()} />}
      {review.duplicates.length > 0 && <DuplicatesStep review={review} step={next()} />}

      <Paper
        withBorder
        shadow="md"
        p="md"
        style={{ position: 'sticky', bottom: 0, zIndex: 10 }}
        component="section"
        aria-label="Import"
      >
        <Group justify="space-between" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} fz="sm">
              {block ? blockSentence(block) : `Ready to import ${plural(review.facts.goodRows, 'row', 'rows')} from ${review.fileName}.`}
            </Text>
            <Text fz="xs" c="dimmed">
              {plural(review.rowsRead, 'row', 'rows')} read{review.facts.errorCount > 0 ? `, ${f.count(review.facts.errorCount)} with problems` : ''}. You can undo the whole import
              afterwards.
            </Text>
          </Stack>
          <Group gap="sm" wrap="nowrap">
            {refreshing && <Loader size="sm" aria-label="Updating the preview" />}
            <Button size="md" disabled={block !== null || refreshing} onClick={() => void startImport()}>
              Import
            </Button>
          </Group>
        </Group>
      </Paper>
    </Stack>
  );
}
