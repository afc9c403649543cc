import { useId } from 'react';
import { Button, Group, Rating, Text } from '@mantine/core';

interface StarPickerProps {
  value: number | null;
  onChange(value: number | null): void;
  label?: string;
}

/** One to five stars, optional. */
export function StarPicker({ value, onChange, label = 'Rating (stars)' }: StarPickerProps) {
  const labelId = useId();
  return (
    <div>
      <Text id={labelId} fz="sm" fw={500} mb={6}>
        {label}
      </Text>
      <Group gap="xs" role="group" aria-labelledby={labelId} wrap="nowrap">
        <Rating value={value ?? 0} onChange={(stars) => onChange(stars === 0 ? null : stars)} size="md" count={5} name={labelId} />
        {value !== null && (
          <Button variant="subtle" size="compact-xs" color="gray.7" onClick={() => onChange(null)}>
            Clear
          </Button>
        )}
      </Group>
    </div>
  );
}
