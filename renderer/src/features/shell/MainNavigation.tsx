import type { ReactNode } from 'react';
import { Badge, NavLink, Stack, Text } from '@mantine/core';
import { routeHref, type PageName, type Route } from '../../lib/router';
import { IconCustomers, IconFeedback, IconImport, IconInsights, IconReports, IconSettings, IconToday } from '../common/icons';

interface NavItem {
  route: Route;
  label: string;
  icon: ReactNode;
  soon?: boolean;
  /** Pages that count as "inside" this item (a customer page is inside Customers). */
  activeFor: PageName[];
}

const NAV_ITEMS: NavItem[] = [
  { route: { page: 'today' }, label: 'Today', icon: <IconToday />, activeFor: ['today'] },
  { route: { page: 'customers' }, label: 'Customers', icon: <IconCustomers />, activeFor: ['customers', 'customer'] },
  { route: { page: 'feedback' }, label: 'Feedback', icon: <IconFeedback />, activeFor: ['feedback'] },
  { route: { page: 'insights' }, label: 'Insights', icon: <IconInsights />, activeFor: ['insights'] },
  { route: { page: 'import' }, label: 'Import', icon: <IconImport />, activeFor: ['import'] },
  { route: { page: 'reports' }, label: 'Reports', icon: <IconReports />, activeFor: ['reports'] },
  { route: { page: 'settings' }, label: 'Settings', icon: <IconSettings />, activeFor: ['settings'] },
];

export function MainNavigation({ current }: { current: PageName }) {
  return (
    <>
      <Stack gap={4}>
        {NAV_ITEMS.map((item) => {
          const active = item.activeFor.includes(current);
          return (
            <NavLink
              key={item.label}
              href={routeHref(item.route)}
              label={item.label}
              leftSection={item.icon}
              rightSection={
                item.soon ? (
                  <Badge size="xs" variant="outline" color={active ? 'white' : 'gray.7'}>
                    soon
                  </Badge>
                ) : undefined
              }
              active={active}
              aria-current={active ? 'page' : undefined}
              variant="filled"
              fw={600}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          );
        })}
      </Stack>
      <Text fz="xs" c="dimmed" mt="xl" px="sm">
        Everything stays on this computer.
      </Text>
    </>
  );
}
