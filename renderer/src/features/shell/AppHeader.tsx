import { Button, Group, Kbd, Text } from '@mantine/core';
import { useSettingsStore } from '../../stores/settings-store';
import { useQuickLogStore } from '../../stores/quick-log-store';
import { quickLogShortcutLabel } from '../../lib/platform';
import { IconPlus } from '../common/icons';

export function AppHeader() {
  const shopName = useSettingsStore((s) => s.settings.shopName);
  const loaded = useSettingsStore((s) => s.loaded);
  const openQuickLog = useQuickLogStore((s) => s.open);
  return (
    <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Text component="span" fw={800} fz="xl" c="terracotta.7" style={{ letterSpacing: '-0.02em' }}>
          Regulars
        </Text>
        {loaded && (
          <Text component="span" c="dimmed" fz="sm" className="truncate" maw={360}>
            {shopName}
          </Text>
        )}
      </Group>
      <Button
        onClick={() => openQuickLog()}
        leftSection={<IconPlus size={18} />}
        rightSection={
          <Kbd size="xs" aria-hidden="true">
            {quickLogShortcutLabel()}
          </Kbd>
        }
        aria-keyshortcuts="Control+K Meta+K"
      >
        Log a visit
      </Button>
    </Group>
  );
}
