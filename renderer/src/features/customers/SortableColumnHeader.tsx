import { UnstyledButton } from '@mantine/core';
import type { CustomerSort } from '../../../../shared/ipc/schemas';
import { useCustomersStore } from '../../stores/customers-store';
import { IconArrowDown, IconArrowUp, IconSelector } from '../common/icons';

interface SortableColumnHeaderProps {
  column: CustomerSort;
  label: string;
  alignRight?: boolean;
}

/** A column title that sorts the list: a real button (Tab, Enter, Space) and aria-sort on the header. */
export function SortableColumnHeader({ column, label, alignRight = false }: SortableColumnHeaderProps) {
  const sort = useCustomersStore((s) => s.sort);
  const direction = useCustomersStore((s) => s.direction);
  const setSort = useCustomersStore((s) => s.setSort);
  const active = sort === column;
  const ariaSort = active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none';
  const icon = !active ? <IconSelector size={14} /> : direction === 'asc' ? <IconArrowUp size={14} /> : <IconArrowDown size={14} />;
  return (
    <div role="columnheader" aria-sort={ariaSort} style={alignRight ? { textAlign: 'right' } : undefined}>
      <UnstyledButton className="sort-button" onClick={() => setSort(column)} style={{ flexDirection: alignRight ? 'row-reverse' : 'row' }}>
        {label}
        <span style={{ opacity: active ? 1 : 0.45, display: 'inline-flex' }}>{icon}</span>
      </UnstyledButton>
    </div>
  );
}
