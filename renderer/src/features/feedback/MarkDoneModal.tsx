import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FeedbackRow } from '../../../../shared/domain/types';
import { errorMessage } from '../../lib/api-error';
import { useFeedbackStore } from '../../stores/feedback-store';

export function MarkDoneModal({ row, onClose }: { row: FeedbackRow | null; onClose(): void }) {
  const setFollowUp = useFeedbackStore((s) => s.setFollowUp);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setNote('');
    setError(null);
  }, [row]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!row) return;
    setSaving(true);
    try {
      await setFollowUp(row.id, true, note);
      notifications.show({ color: 'teal', message: `Follow-up with ${row.customerName ?? 'the customer'} marked done.` });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={row !== null} onClose={onClose} title="Mark follow-up done">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <Text fz="sm">
            Did you get in touch with {row?.customerName ?? 'the customer'}? A short note helps you remember what was said.
          </Text>
          <Textarea
            label="Note (optional)"
            placeholder="e.g. Called her, apologised, offered a free coffee next time"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Mark done
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
