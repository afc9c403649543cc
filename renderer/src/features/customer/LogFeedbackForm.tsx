import { useState, type FormEvent } from 'react';
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { localDateOf } from '../../../../shared/domain/dates';
import { errorMessage, fieldErrors } from '../../lib/api-error';
import { useCustomerDetailStore } from '../../stores/customer-detail-store';
import { NpsPicker } from '../common/NpsPicker';
import { StarPicker } from '../common/StarPicker';

export function LogFeedbackForm() {
  const logFeedback = useCustomerDetailStore((s) => s.logFeedback);
  const name = useCustomerDetailStore((s) => s.detail?.customer.name ?? '');
  const [date, setDate] = useState(() => localDateOf(new Date()));
  const [nps, setNps] = useState<number | null>(null);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (nps === null && rating === null && comment.trim() === '') {
      setErrors({ comment: 'Give a score, some stars or a comment.' });
      return;
    }
    setSaving(true);
    try {
      await logFeedback({ date, nps, rating, comment });
      notifications.show({ color: 'teal', title: 'Feedback saved', message: `Thank you — ${name}’s feedback is recorded.` });
      setNps(null);
      setRating(null);
      setComment('');
      setErrors({});
    } catch (error) {
      const issues = fieldErrors(error);
      setErrors(Object.keys(issues).length > 0 ? issues : { comment: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Log feedback">
      <Stack gap="sm">
        <Group align="flex-start" gap="lg" wrap="wrap">
          <NpsPicker value={nps} onChange={setNps} error={errors.nps} />
          <StarPicker value={rating} onChange={setRating} />
        </Group>
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <TextInput label="Date" type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.date} w={150} />
          <Textarea
            label="What they said (optional)"
            autosize
            minRows={1}
            maxRows={4}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={errors.comment}
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={saving} mt={25}>
            Save feedback
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
