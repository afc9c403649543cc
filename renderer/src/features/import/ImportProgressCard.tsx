import { Button, Group, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { phaseLabel, progressPercent, timeLeftLabel } from '../../stores/import-logic';
import { useImportStore } from '../../stores/import-store';
import { useFormatters } from '../../stores/settings-store';

/** The import running: phase, rows done of total, time left, and Cancel (which leaves nothing behind). */
export function ImportProgressCard() {
  const f = useFormatters();
  const fileName = useImportStore((s) => s.fileName);
  const progress = useImportStore((s) => s.progress);
  const shown = useImportStore((s) => s.progressShown);
  const cancelling = useImportStore((s) => s.cancelling);
  const cancel = useImportStore((s) => s.cancelImport);
  const percent = progress ? progressPercent(progress.done, progress.total) : null;
  const timeLeft = progress ? timeLeftLabel(progress.secondsLeft) : null;

  return (
    <Paper withBorder p="xl" component="section" aria-labelledby="import-progress-title">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} fz="lg" id="import-progress-title">
            Importing {fileName}
          </Title>
          <Button variant="default" onClick={() => void cancel()} loading={cancelling} disabled={cancelling}>
            Cancel
          </Button>
        </Group>
        {shown ? (
          <>
            <Progress
              value={percent ?? 100}
              animated={percent === null}
              striped={percent === null}
              size="lg"
              aria-label="Import progress"
              transitionDuration={100}
            />
            <Group justify="space-between" fz="sm">
              <Text fz="sm" fw={600} role="status">
                {progress ? phaseLabel(progress.phase) : 'Starting'}
                {progress && progress.total !== null ? ` · ${f.count(progress.done)} of ${f.count(progress.total)} rows` : ''}
                {progress && progress.total === null && progress.done > 0 ? ` · ${f.count(progress.done)} rows` : ''}
              </Text>
              <Text fz="sm" c="dimmed">
                {timeLeft ?? ''}
              </Text>
            </Group>
          </>
        ) : (
          <Group gap="sm">
            <Loader size="sm" />
            <Text fz="sm">Saving…</Text>
          </Group>
        )}
        <Text fz="xs" c="dimmed">
          Everything is saved at once at the end: if you cancel, nothing from this file is kept.
        </Text>
      </Stack>
    </Paper>
  );
}
