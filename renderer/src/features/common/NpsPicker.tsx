import { useId, useRef, type KeyboardEvent } from 'react';
import { Group, Text, UnstyledButton } from '@mantine/core';
import { npsGroup } from '../../lib/format';

interface NpsPickerProps {
  value: number | null;
  onChange(value: number | null): void;
  label?: string;
  error?: string | undefined;
}

const SCORES = Array.from({ length: 11 }, (_, i) => i);
const GROUP_COLOR = { detractor: 'red-9', passive: 'gray-7', promoter: 'teal-9' } as const;

/**
 * "How likely are you to recommend us?" 0–10 as a radio group: one Tab stop, arrows to move,
 * clicking the chosen score again (or Delete) clears it because the answer is optional.
 */
export function NpsPicker({ value, onChange, label = 'Would recommend us (0–10)', error }: NpsPickerProps) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const labelId = useId();

  function choose(score: number) {
    onChange(score);
    buttons.current[score]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, score: number) {
    if (event.key === 'ArrowRight' || event.key === 'ArrowUp') {
      event.preventDefault();
      choose(Math.min(10, score + 1));
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowDown') {
      event.preventDefault();
      choose(Math.max(0, score - 1));
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onChange(null);
    }
  }

  const tabStop = value ?? 0;
  return (
    <div>
      <Text id={labelId} fz="sm" fw={500} mb={6}>
        {label}
      </Text>
      <Group gap={3} role="radiogroup" aria-labelledby={labelId} wrap="nowrap">
        {SCORES.map((score) => {
          const selected = value === score;
          const color = GROUP_COLOR[npsGroup(score)];
          return (
            <UnstyledButton
              key={score}
              ref={(el) => {
                buttons.current[score] = el;
              }}
              role="radio"
              aria-checked={selected}
              tabIndex={score === tabStop ? 0 : -1}
              onClick={() => onChange(selected ? null : score)}
              onKeyDown={(e) => onKeyDown(e, score)}
              className="num focusable"
              style={{
                width: 30,
                height: 32,
                borderRadius: 'var(--mantine-radius-sm)',
                textAlign: 'center',
                fontWeight: 600,
                fontSize: 14,
                border: `1px solid ${selected ? `var(--mantine-color-${color})` : 'var(--mantine-color-gray-4)'}`,
                background: selected ? `var(--mantine-color-${color})` : 'white',
                color: selected ? 'white' : 'var(--mantine-color-gray-8)',
              }}
            >
              {score}
            </UnstyledButton>
          );
        })}
      </Group>
      {error && (
        <Text c="red.8" fz="xs" mt={4}>
          {error}
        </Text>
      )}
    </div>
  );
}
