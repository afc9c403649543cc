import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../lib/api-error';
import { navigate } from '../../lib/router';
import { useCustomerDetailStore } from '../../stores/customer-detail-store';
import { IconTrash } from '../common/icons';

export function DeleteCustomerButton({ name }: { name: string }) {
  const deleteCustomer = useCustomerDetailStore((s) => s.deleteCustomer);
  const [opened, setOpened] = useState(false);
  const [deleting, setDeleting] = useState(false);

  async function confirm() {
    setDeleting(true);
    try {
      await deleteCustomer();
      setOpened(false);
      notifications.show({ color: 'gray', title: 'Customer deleted', message: `${name} and their visits and feedback are gone.` });
      navigate({ page: 'customers' });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not delete', message: errorMessage(error) });
    } finally {
      setDeleting(false);
    }
  }

  return (
    <>
      <Button variant="subtle" color="red" c="#a61e1e" leftSection={<IconTrash size={18} />} onClick={() => setOpened(true)}>
        Delete customer
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`Delete ${name}?`}>
        <Stack>
          <Text fz="sm">
            This removes {name} together with all their visits and feedback. Your totals will go down accordingly. This cannot be
            undone.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)} data-autofocus>
              Keep customer
            </Button>
            <Button color="red.9" loading={deleting} onClick={() => void confirm()}>
              Delete for good
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
