import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import type { Visit } from '../../../../shared/domain/types';
import { parseAmountInput } from '../../../../shared/domain/money';
import { errorMessage, fieldErrors } from '../../lib/api-error';
import { centsToInput } from '../../lib/format';
import { useCustomerDetailStore } from '../../stores/customer-detail-store';

export function EditVisitModal({ visit, onClose }: { visit: Visit | null; onClose(): void }) {
  const updateVisit = useCustomerDetailStore((s) => s.updateVisit);
  const [date, setDate] = useState('');
  const [amount, setAmount] = useState('');
  const [items, setItems] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (visit) {
      setDate(visit.date);
      setAmount(centsToInput(visit.amountCents));
      setItems(visit.items);
      setErrors({});
      setFormError(null);
    }
  }, [visit]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!visit) return;
    const amountCents = parseAmountInput(amount);
    if (amountCents === null) {
      setErrors({ amount: 'Type the amount like 12.50 or 12,50.' });
      return;
    }
    setSaving(true);
    try {
      await updateVisit(visit.id, { date, amountCents, items });
      onClose();
    } catch (error) {
      const issues = fieldErrors(error);
      setErrors({ ...issues, amount: issues.amountCents ?? '' });
      setFormError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={visit !== null} onClose={onClose} title="Edit visit">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          {formError && <Alert color="red">{formError}</Alert>}
          <TextInput label="Date" type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.date} data-autofocus />
          <TextInput
            label="Amount"
            description="Use a minus sign for a refund, e.g. -5.00"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={errors.amount || undefined}
            classNames={{ input: 'num' }}
          />
          <TextInput label="What they had" value={items} onChange={(e) => setItems(e.currentTarget.value)} error={errors.items} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Save visit
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
