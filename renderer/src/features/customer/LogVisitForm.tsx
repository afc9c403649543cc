import { useState, type FormEvent } from 'react';
import { Button, Group, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { localDateOf } from '../../../../shared/domain/dates';
import { parseAmountInput } from '../../../../shared/domain/money';
import { errorMessage, fieldErrors } from '../../lib/api-error';
import { useCustomerDetailStore } from '../../stores/customer-detail-store';
import { useFormatters } from '../../stores/settings-store';

export function LogVisitForm() {
  const logVisit = useCustomerDetailStore((s) => s.logVisit);
  const name = useCustomerDetailStore((s) => s.detail?.customer.name ?? '');
  const f = useFormatters();
  const [date, setDate] = useState(() => localDateOf(new Date()));
  const [amount, setAmount] = useState('');
  const [items, setItems] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const amountCents = parseAmountInput(amount);
    if (amountCents === null) {
      setErrors({ amount: amount.trim() === '' ? 'Type the amount they paid.' : 'Type the amount like 12.50 or 12,50.' });
      return;
    }
    setSaving(true);
    try {
      await logVisit({ date, amountCents, items });
      notifications.show({ color: 'teal', title: 'Visit logged', message: `${name} — ${f.money(amountCents)} on ${f.date(date)}` });
      setAmount('');
      setItems('');
      setErrors({});
    } catch (error) {
      const issues = fieldErrors(error);
      setErrors(Object.keys(issues).length > 0 ? { ...issues, amount: issues.amountCents ?? issues.amount ?? '' } : { amount: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Log a visit">
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <TextInput label="Date" type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.date} w={150} />
        <TextInput
          label="Amount"
          inputMode="decimal"
          placeholder="12.50"
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={errors.amount || undefined}
          w={120}
          classNames={{ input: 'num' }}
          autoComplete="off"
        />
        <TextInput
          label="What they had"
          placeholder="optional"
          value={items}
          onChange={(e) => setItems(e.currentTarget.value)}
          error={errors.items}
          style={{ flex: 1 }}
          autoComplete="off"
        />
        <Button type="submit" loading={saving} mt={25}>
          Log visit
        </Button>
      </Group>
    </form>
  );
}
