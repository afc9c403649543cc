import type { ReactNode } from 'react';
import { Paper, SimpleGrid, Text, ThemeIcon, Group } from '@mantine/core';
import type { ShopOverview } from '../../../../shared/ipc/contract';
import { useFormatters } from '../../stores/settings-store';
import { IconCalendar, IconCoin, IconCustomers, IconFeedback } from '../common/icons';

function StatCard({ label, value, hint, icon }: { label: string; value: string; hint: string; icon: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text fz="sm" c="gray.7" fw={600}>
            {label}
          </Text>
          <Text fz={28} fw={700} className="num" lh={1.3}>
            {value}
          </Text>
        </div>
        <ThemeIcon variant="light" size="lg" radius="md">
          {icon}
        </ThemeIcon>
      </Group>
      <Text fz="xs" c="dimmed" mt={4}>
        {hint}
      </Text>
    </Paper>
  );
}

export function ShopTotals({ overview }: { overview: ShopOverview }) {
  const f = useFormatters();
  const since = overview.firstVisit ? `since ${f.date(overview.firstVisit)}` : 'no visits yet';
  return (
    <section aria-label="Shop totals">
      <SimpleGrid cols={4} spacing="md">
        <StatCard label="Customers" value={f.count(overview.customers)} hint="people on your list" icon={<IconCustomers />} />
        <StatCard label="Visits" value={f.count(overview.visits)} hint={since} icon={<IconCalendar />} />
        <StatCard label="Takings" value={f.money(overview.revenueCents, { whole: true })} hint={since} icon={<IconCoin />} />
        <StatCard
          label="Open follow-ups"
          value={f.count(overview.openFollowUps)}
          hint={overview.openFollowUps === 0 ? 'nobody waiting for a call' : 'unhappy customers to call back'}
          icon={<IconFeedback />}
        />
      </SimpleGrid>
    </section>
  );
}
