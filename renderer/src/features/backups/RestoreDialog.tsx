import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { DataSnapshot } from '../../../../shared/domain/backups';
import { describeError, useBackupsStore } from '../../stores/backups-store';
import { useFormatters, useSettingsStore } from '../../stores/settings-store';
import { formatMoment } from './backup-labels';

type Row = readonly [label: string, value: (s: DataSnapshot) => string];

/** "Restore this backup?" with what the backup holds beside what is there now. */
export function RestoreDialog() {
  const pending = useBackupsStore((s) => s.pendingRestore);
  const busy = useBackupsStore((s) => s.busy);
  const cancel = useBackupsStore((s) => s.cancelRestore);
  const confirm = useBackupsStore((s) => s.confirmRestore);
  const locale = useSettingsStore((s) => s.settings.locale);
  const format = useFormatters();

  const rows: Row[] = [
    ['Saved', (s) => formatMoment(s.createdAt, locale)],
    ['Customers', (s) => format.count(s.customers)],
    ['Visits', (s) => format.count(s.visits)],
    ['Feedback', (s) => format.count(s.feedback)],
    ['Last visit', (s) => format.date(s.lastVisit)],
    ['Data version', (s) => String(s.schemaVersion)],
  ];

  async function restore() {
    try {
      const outcome = await confirm();
      notifications.show({ color: 'teal', title: 'Backup restored', message: outcome.message, autoClose: 12_000 });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Nothing was restored', message: describeError(error) });
    }
  }

  return (
    <Modal opened={pending !== null} onClose={cancel} title="Restore this backup?" size="lg">
      {pending && (
        <Stack>
          {pending.backup.problem ? (
            <Alert color="red" title="This backup cannot be restored">
              {pending.backup.problem}
            </Alert>
          ) : (
            <Text fz="sm">
              Your data will be replaced by the backup. What you have now is backed up first, so you can undo this by restoring
              that copy.
            </Text>
          )}
          <Table withTableBorder aria-label="Backup compared with your current data">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" />
                <Table.Th scope="col">In the backup</Table.Th>
                <Table.Th scope="col">Now</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row">{label}</Table.Th>
                  <Table.Td>{value(pending.backup)}</Table.Td>
                  <Table.Td>{pending.current ? value(pending.current) : 'Cannot be opened'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel} data-autofocus>
              Cancel
            </Button>
            <Button color="red.9" disabled={!pending.restorable} loading={busy === 'restore'} onClick={() => void restore()}>
              Restore this backup
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
