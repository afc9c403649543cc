import { useId, type KeyboardEvent } from 'react';
import { Paper, Text, TextInput, UnstyledButton } from '@mantine/core';
import { localDateOf } from '../../../../shared/domain/dates';
import type { CustomerRow } from '../../../../shared/domain/types';
import type { Formatters } from '../../lib/format';
import { quickLogOptions, useQuickLogStore, type QuickLogChoice } from '../../stores/quick-log-store';
import { useFormatters } from '../../stores/settings-store';
import { IconPlus, IconSearch } from '../common/icons';

/**
 * The name box of Quick log: a combobox. Typing searches; arrows move through the matches; Enter
 * picks the highlighted one (or "New customer: …") and moves on to the amount.
 */
export function CustomerPicker({ onPicked }: { onPicked(): void }) {
  const text = useQuickLogStore((s) => s.text);
  const results = useQuickLogStore((s) => s.results);
  const resultsFor = useQuickLogStore((s) => s.resultsFor);
  const highlighted = useQuickLogStore((s) => s.highlighted);
  const choice = useQuickLogStore((s) => s.choice);
  const error = useQuickLogStore((s) => s.errors.customer || s.errors.name || s.errors.customerId || undefined);
  const setText = useQuickLogStore((s) => s.setText);
  const move = useQuickLogStore((s) => s.move);
  const highlight = useQuickLogStore((s) => s.highlight);
  const pick = useQuickLogStore((s) => s.pick);
  const pickHighlighted = useQuickLogStore((s) => s.pickHighlighted);
  const f = useFormatters();
  const listId = useId();
  const today = localDateOf(new Date());

  const options = choice === null && text.trim() !== '' && resultsFor === text ? quickLogOptions(text, results) : [];
  const open = options.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  async function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (choice !== null || (await pickHighlighted())) onPicked();
    }
  }

  function choose(option: QuickLogChoice) {
    pick(option);
    onPicked();
  }

  return (
    <div style={{ position: 'relative' }}>
      <TextInput
        label="Customer"
        description={<ChoiceHint choice={choice} f={f} today={today} />}
        placeholder="Type a name or phone number"
        leftSection={<IconSearch size={18} />}
        size="md"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => void onKeyDown(e)}
        error={error}
        autoComplete="off"
        spellCheck={false}
        data-autofocus
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(highlighted) : undefined}
      />
      <Paper
        id={listId}
        role="listbox"
        aria-label="Matching customers"
        shadow="md"
        withBorder
        p={4}
        style={{ display: open ? 'block' : 'none', position: 'absolute', left: 0, right: 0, top: '100%', marginTop: 4, zIndex: 10, maxHeight: 320, overflowY: 'auto' }}
      >
        {options.map((option, index) => (
          <UnstyledButton
            key={option.kind === 'existing' ? option.customer.id : 'new'}
            id={optionId(index)}
            role="option"
            aria-selected={index === highlighted}
            data-highlighted={index === highlighted}
            tabIndex={-1}
            className="quick-log-option"
            onMouseEnter={() => highlight(index)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(option)}
            style={{ display: 'flex', width: '100%', padding: '8px 10px', borderRadius: 6, alignItems: 'center', gap: 8 }}
          >
            {option.kind === 'existing' ? (
              <>
                <Text fw={600} fz="sm" className="truncate" style={{ flex: 1 }}>
                  {option.customer.name}
                </Text>
                <Text fz="xs" c="dimmed" className="num" style={{ flexShrink: 0 }}>
                  {[option.customer.phone && f.phone(option.customer.phone), describeVisits(option.customer, f, today)].filter(Boolean).join(' · ')}
                </Text>
              </>
            ) : (
              <>
                <IconPlus size={16} />
                <Text fz="sm" fw={600}>
                  New customer: {option.name}
                </Text>
              </>
            )}
          </UnstyledButton>
        ))}
      </Paper>
    </div>
  );
}

function describeVisits(row: Pick<CustomerRow, 'visits' | 'lastVisit'>, f: Formatters, today: string): string {
  if (row.visits === 0) return 'no visits yet';
  return `${f.count(row.visits)} ${row.visits === 1 ? 'visit' : 'visits'}, last ${f.ago(row.lastVisit, today)}`;
}

function ChoiceHint({ choice, f, today }: { choice: QuickLogChoice | null; f: Formatters; today: string }) {
  if (choice === null) return <>Pick with ↑ ↓ and Enter, or type a new name</>;
  if (choice.kind === 'new') return <>A new customer will be added: {choice.name}</>;
  return <>On your list · {describeVisits(choice.customer, f, today)}</>;
}
