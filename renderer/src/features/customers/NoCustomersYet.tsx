import { Button, EmptyState, Group, Paper } from '@mantine/core';
import { navigate } from '../../lib/router';
import { useCustomersStore } from '../../stores/customers-store';
import { IconCustomers, IconImport, IconPlus } from '../common/icons';

export function NoCustomersYet() {
  const openAdd = useCustomersStore((s) => s.openAdd);
  return (
    <Paper withBorder p="xl">
      <EmptyState icon={<IconCustomers size={30} />} variant="light">
        <EmptyState.Title order={2}>No customers yet</EmptyState.Title>
        <EmptyState.Description maw={480}>
          Add the people you know by hand, or bring them all in at once from a spreadsheet your till or booking system exports.
        </EmptyState.Description>
        <Group justify="center" mt="md">
          <Button leftSection={<IconPlus />} onClick={openAdd}>
            Add customer
          </Button>
          <Button variant="default" leftSection={<IconImport />} onClick={() => navigate({ page: 'import' })}>
            Import a spreadsheet
          </Button>
        </Group>
      </EmptyState>
    </Paper>
  );
}
