/**
 * On a customer's page: "Erase this customer…" (a person asked to be forgotten) and "Export their
 * data" (a person asked what the shop holds about them). Self-contained; give it the id and name.
 */
import { useState } from 'react';
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { describeError, useBackupsStore } from '../../stores/backups-store';

interface EraseCustomerButtonProps {
  customerId: number;
  name: string;
  /** Already erased customers get no erase button (there is nothing left to erase). */
  erased?: boolean;
  /** Called after a successful erase, e.g. to reload the page. */
  onErased?: () => void;
}

export function EraseCustomerButton({ customerId, name, erased = false, onErased }: EraseCustomerButtonProps) {
  const eraseCustomer = useBackupsStore((s) => s.eraseCustomer);
  const exportCustomer = useBackupsStore((s) => s.exportCustomer);
  const busy = useBackupsStore((s) => s.busy);
  const [opened, setOpened] = useState(false);

  async function erase() {
    try {
      const result = await eraseCustomer(customerId);
      setOpened(false);
      notifications.show({ color: 'gray', title: 'Customer erased', message: result.message, autoClose: 20_000 });
      onErased?.();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Nothing was erased', message: describeError(error) });
    }
  }

  async function exportData() {
    try {
      const result = await exportCustomer(customerId);
      notifications.show({ color: 'teal', title: 'Their data is exported', message: `The files are in ${result.folder}.`, autoClose: 15_000 });
    } catch (error) {
      notifications.show({ color: 'red', title: 'The export failed', message: describeError(error) });
    }
  }

  return (
    <>
      <Group gap="xs">
        <Button variant="subtle" onClick={() => void exportData()} loading={busy === 'export'}>
          Export their data
        </Button>
        {!erased && (
          <Button variant="subtle" color="red" c="#a61e1e" onClick={() => setOpened(true)}>
            Erase this customer…
          </Button>
        )}
      </Group>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`Erase ${name}?`}>
        <Stack>
          <Text fz="sm">For when a customer asks to be forgotten. This removes for good:</Text>
          <List fz="sm" spacing={2}>
            <List.Item>name, phone, email, birthday, notes, tags and reference;</List.Item>
            <List.Item>the comments in their feedback.</List.Item>
          </List>
          <Text fz="sm">
            Their visits and amounts stay, as “Erased customer #{customerId}”, so your totals do not change. The backups you
            already have still hold the details until they are rotated away.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)} data-autofocus>
              Keep customer
            </Button>
            <Button color="red.9" loading={busy === 'erase'} onClick={() => void erase()}>
              Erase details
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
