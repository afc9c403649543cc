import { Group, Paper, Text, ThemeIcon } from '@mantine/core';
import type { ModelSummary } from '../../../../shared/metrics/shop';
import { modelStatus } from '../../../../shared/metrics/reports';
import { IconAlert, IconSparkles } from '../common/icons';

/** Whether predictions come from the fitted model or simple estimates, and why — in words. */
export function ModelStatusNote({ model }: { model: ModelSummary }) {
  const status = modelStatus(model);
  const fitted = status.state !== 'fallback';
  return (
    <Paper withBorder p="sm" component="section" aria-label="How predictions are made" bg={fitted ? undefined : 'gray.0'}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color={fitted ? 'teal' : 'gray'} radius="xl" size="md">
          {fitted ? <IconSparkles size={16} /> : <IconAlert size={16} />}
        </ThemeIcon>
        <div>
          <Text fw={600} fz="sm" data-testid="model-status">
            {status.headline}
          </Text>
          <Text fz="sm" c="dimmed">
            {status.detail}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}
