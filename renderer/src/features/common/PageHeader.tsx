import { useEffect, useRef, type ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** Above the title, e.g. a "← Customers" link. */
  above?: ReactNode;
}

/**
 * The page's heading. On arrival the heading takes focus (and names the window), so keyboard and
 * screen-reader users start at the top of the new page instead of somewhere in the navigation.
 */
export function PageHeader({ title, description, actions, above }: PageHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Regulars`;
    const active = document.activeElement;
    const inDialog = active instanceof HTMLElement && active.closest('[role="dialog"]') !== null;
    if (!inDialog) heading.current?.focus({ preventScroll: true });
  }, [title]);

  return (
    <Group justify="space-between" align="flex-end" mb="lg" wrap="nowrap" gap="md">
      <Stack gap={4} style={{ minWidth: 0 }}>
        {above}
        <Title order={1} fz={26} ref={heading} tabIndex={-1} style={{ outline: 'none' }} className="truncate">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" fz="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && (
        <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
          {actions}
        </Group>
      )}
    </Group>
  );
}
