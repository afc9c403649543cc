import { Button, EmptyState, Group, Paper } from '@mantine/core';
import { navigate } from '../../lib/router';
import { useCustomersStore } from '../../stores/customers-store';
import { useQuickLogStore } from '../../stores/quick-log-store';
import { IconImport, IconPlus, IconSparkles } from '../common/icons';

/** A brand-new shop: say what to do first instead of showing a wall of zeros. */
export function NewShopWelcome() {
  const openAdd = useCustomersStore((s) => s.openAdd);
  const openQuickLog = useQuickLogStore((s) => s.open);
  return (
    <Paper withBorder p="xl">
      <EmptyState icon={<IconSparkles size={30} />} variant="light" size="md">
        <EmptyState.Title order={2}>Welcome to Regulars</EmptyState.Title>
        <EmptyState.Description maw={520}>
          Start with the people you already know: add your first customer, bring in a spreadsheet from your till or booking
          system, or simply log the next visit at the counter.
        </EmptyState.Description>
        <Group justify="center" mt="md">
          <Button leftSection={<IconPlus />} onClick={openAdd}>
            Add a customer
          </Button>
          <Button variant="default" leftSection={<IconImport />} onClick={() => navigate({ page: 'import' })}>
            Import a spreadsheet
          </Button>
          <Button variant="subtle" onClick={() => openQuickLog()}>
            Log a visit
          </Button>
        </Group>
      </EmptyState>
    </Paper>
  );
}
