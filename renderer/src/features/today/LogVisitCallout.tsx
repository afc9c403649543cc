import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuickLogStore } from '../../stores/quick-log-store';
import { quickLogShortcutLabel } from '../../lib/platform';
import { IconPlus } from '../common/icons';

export function LogVisitCallout() {
  const openQuickLog = useQuickLogStore((s) => s.open);
  return (
    <Paper withBorder p="lg" bg="terracotta.0" style={{ borderColor: 'var(--mantine-color-terracotta-2)' }}>
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2}>
          <Text fw={650} fz="lg">
            Someone at the counter?
          </Text>
          <Text fz="sm" c="gray.8">
            Log their visit in a few seconds: name, amount, Enter. Press {quickLogShortcutLabel()} from anywhere.
          </Text>
        </Stack>
        <Button size="lg" onClick={() => openQuickLog()} leftSection={<IconPlus />}>
          Log a visit
        </Button>
      </Group>
    </Paper>
  );
}
