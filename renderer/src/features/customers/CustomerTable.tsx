import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Skeleton, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { localDateOf } from '../../../../shared/domain/dates';
import type { CustomerRow } from '../../../../shared/domain/types';
import { navigate } from '../../lib/router';
import { customerRowAt, useCustomersStore } from '../../stores/customers-store';
import { useFormatters } from '../../stores/settings-store';
import { SortableColumnHeader } from './SortableColumnHeader';

const ROW_HEIGHT = 48;

interface CustomerTableProps {
  onNeedRows(first: number, last: number): void;
}

/**
 * The customer list as an ARIA table whose body is virtualized: only the rows in view exist in the
 * page, so 50,000 customers scroll as smoothly as 50. One row at a time is in the tab order; arrows,
 * Page Up/Down, Home and End move between rows and Enter opens the customer.
 */
export function CustomerTable({ onNeedRows }: CustomerTableProps) {
  const total = useCustomersStore((s) => s.total) ?? 0;
  const pages = useCustomersStore((s) => s.pages);
  const generation = useCustomersStore((s) => s.generation);
  const query = useCustomersStore((s) => s.pagesQuery);
  const sort = useCustomersStore((s) => s.sort);
  const direction = useCustomersStore((s) => s.direction);
  const scroller = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [focusRequest, setFocusRequest] = useState<number | null>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 960, height: 480 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    onNeedRows(first, last);
  }, [first, last, generation, onNeedRows]);

  // A new search or sort starts at the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    setActiveIndex(0);
  }, [query, sort, direction]);

  useEffect(() => {
    if (focusRequest === null) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${focusRequest}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      setFocusRequest(null);
    }
  });

  function moveTo(index: number) {
    if (total === 0) return;
    const target = Math.max(0, Math.min(total - 1, index));
    setActiveIndex(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    setFocusRequest(target);
  }

  function onRowKeyDown(event: KeyboardEvent<HTMLDivElement>, index: number, row: CustomerRow | undefined) {
    const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 480) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageRows,
      PageUp: index - pageRows,
      Home: 0,
      End: total - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if ((event.key === 'Enter' || event.key === ' ') && row) {
      event.preventDefault();
      navigate({ page: 'customer', id: row.id });
    }
  }

  const tabbableIndex = Math.min(activeIndex, Math.max(0, total - 1));

  return (
    <div className="customer-grid" role="table" aria-label="Customers" aria-rowcount={total + 1}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="customer-grid__row customer-grid__head">
          <SortableColumnHeader column="name" label="Name" />
          <SortableColumnHeader column="lastVisit" label="Last visit" />
          <SortableColumnHeader column="visits" label="Visits" alignRight />
          <SortableColumnHeader column="totalSpent" label="Total spent" alignRight />
        </div>
      </div>
      <div role="rowgroup" ref={scroller} className="customer-grid__body">
        {total === 0 ? (
          <Text c="dimmed" ta="center" py="xl" role="row">
            <span role="cell">{query === '' ? 'No customers yet.' : `Nobody matches “${query}”. Check the spelling, or try part of a phone number.`}</span>
          </Text>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = customerRowAt({ pages }, item.index);
              return (
                <CustomerTableRow
                  key={item.key}
                  index={item.index}
                  top={item.start}
                  row={row}
                  tabbable={item.index === tabbableIndex}
                  onFocus={() => setActiveIndex(item.index)}
                  onKeyDown={(event) => onRowKeyDown(event, item.index, row)}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

interface CustomerTableRowProps {
  index: number;
  top: number;
  row: CustomerRow | undefined;
  tabbable: boolean;
  onFocus(): void;
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
}

function CustomerTableRow({ index, top, row, tabbable, onFocus, onKeyDown }: CustomerTableRowProps) {
  const f = useFormatters();
  const today = localDateOf(new Date());
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      tabIndex={tabbable ? 0 : -1}
      className="customer-grid__row"
      style={{ transform: `translateY(${top}px)` }}
      onClick={row ? () => navigate({ page: 'customer', id: row.id }) : undefined}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
      aria-label={row ? undefined : 'Loading'}
    >
      {row ? (
        <>
          <div role="cell" className="truncate">
            <Text fw={600} fz="sm" className="truncate" component="span" display="block">
              {row.name}
            </Text>
            <Text fz="xs" c="dimmed" className="truncate" component="span" display="block">
              {[row.phone && f.phone(row.phone), row.email].filter(Boolean).join(' · ') || ' '}
            </Text>
          </div>
          <div role="cell">
            {row.lastVisit ? (
              <Text fz="sm" component="span" className="num">
                {f.date(row.lastVisit)}{' '}
                <Text component="span" fz="xs" c="dimmed">
                  {f.ago(row.lastVisit, today)}
                </Text>
              </Text>
            ) : (
              <Text fz="sm" c="dimmed" component="span">
                No visits yet
              </Text>
            )}
          </div>
          <div role="cell" className="num right" style={{ textAlign: 'right' }}>
            <Text fz="sm" component="span">
              {f.count(row.visits)}
            </Text>
          </div>
          <div role="cell" className="num right" style={{ textAlign: 'right' }}>
            <Text fz="sm" component="span" fw={500}>
              {f.money(row.totalSpentCents)}
            </Text>
          </div>
        </>
      ) : (
        <>
          <div role="cell">
            <Skeleton height={12} width="60%" />
          </div>
          <div role="cell">
            <Skeleton height={12} width="50%" />
          </div>
          <div role="cell">
            <Skeleton height={12} width="40%" ml="auto" />
          </div>
          <div role="cell">
            <Skeleton height={12} width="60%" ml="auto" />
          </div>
        </>
      )}
    </div>
  );
}
