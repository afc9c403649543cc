import { useRef, type FormEvent } from 'react';
import { Alert, Button, Group, Kbd, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QuickLogResult } from '../../../../shared/ipc/contract';
import { useQuickLogStore } from '../../stores/quick-log-store';
import { useFormatters } from '../../stores/settings-store';
import type { Formatters } from '../../lib/format';
import { NpsPicker } from '../common/NpsPicker';
import { StarPicker } from '../common/StarPicker';
import { CustomerPicker } from './CustomerPicker';

/** The notification text after a quick log, e.g. "Visit logged for Anna Smith — €12.50". */
export function quickLogMessage(result: QuickLogResult, f: Formatters): string {
  const who = result.customer.name;
  if (result.visit) return `Visit logged for ${who} — ${f.money(result.visit.amountCents)}`;
  return `Feedback saved for ${who}`;
}

export function QuickLogModal() {
  const opened = useQuickLogStore((s) => s.opened);
  const mode = useQuickLogStore((s) => s.mode);
  const close = useQuickLogStore((s) => s.close);
  const amountText = useQuickLogStore((s) => s.amountText);
  const setAmountText = useQuickLogStore((s) => s.setAmountText);
  const nps = useQuickLogStore((s) => s.nps);
  const setNps = useQuickLogStore((s) => s.setNps);
  const rating = useQuickLogStore((s) => s.rating);
  const setRating = useQuickLogStore((s) => s.setRating);
  const comment = useQuickLogStore((s) => s.comment);
  const setComment = useQuickLogStore((s) => s.setComment);
  const date = useQuickLogStore((s) => s.date);
  const setDate = useQuickLogStore((s) => s.setDate);
  const errors = useQuickLogStore((s) => s.errors);
  const formError = useQuickLogStore((s) => s.formError);
  const submitting = useQuickLogStore((s) => s.submitting);
  const submit = useQuickLogStore((s) => s.submit);
  const f = useFormatters();
  const amountInput = useRef<HTMLInputElement>(null);
  const commentInput = useRef<HTMLInputElement>(null);
  const title = mode === 'feedback' ? 'Log feedback' : 'Log a visit';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await submit();
    if (result) {
      notifications.show({
        color: 'teal',
        title: result.createdCustomer ? 'New customer added' : 'Saved',
        message: quickLogMessage(result, f),
      });
    }
  }

  const amountError = errors.amount || errors.amountCents || undefined;

  return (
    <Modal opened={opened} onClose={close} title={title} size="lg" returnFocus>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={title}>
        <Stack gap="md">
          {formError && <Alert color="red">{formError}</Alert>}
          <CustomerPicker onPicked={() => (mode === 'feedback' ? commentInput : amountInput).current?.focus()} />
          <SimpleGrid cols={2} spacing="md">
            {mode === 'visit' && (
              <TextInput
                ref={amountInput}
                label="Amount"
                description="What they paid, e.g. 12.50"
                inputMode="decimal"
                autoComplete="off"
                value={amountText}
                onChange={(e) => setAmountText(e.currentTarget.value)}
                error={amountError}
                classNames={{ input: 'num' }}
                size="md"
              />
            )}
            <TextInput
              label="Date"
              description="Today unless you change it"
              type="date"
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={errors.date || undefined}
              size="md"
            />
          </SimpleGrid>
          <Group align="flex-start" gap="xl" wrap="nowrap">
            <NpsPicker value={nps} onChange={setNps} label={mode === 'feedback' ? 'Would recommend us' : 'Would recommend us (optional)'} error={errors.nps} />
            <StarPicker value={rating} onChange={setRating} label={mode === 'feedback' ? 'Stars' : 'Stars (optional)'} />
          </Group>
          <TextInput
            ref={commentInput}
            label={mode === 'feedback' ? 'What they said' : 'What they said (optional)'}
            description={mode === 'feedback' ? 'A score, some stars or a comment: any one of them is enough.' : undefined}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={errors.comment || undefined}
            autoComplete="off"
          />
          <Group justify="space-between" mt="xs">
            <Text fz="xs" c="dimmed">
              <Kbd size="xs">Enter</Kbd> saves · <Kbd size="xs">Esc</Kbd> closes
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={submitting}>
                {mode === 'feedback' ? 'Save feedback' : 'Log visit'}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
