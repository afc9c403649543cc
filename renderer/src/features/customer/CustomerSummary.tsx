import { Paper, SimpleGrid, Text } from '@mantine/core';
import { localDateOf } from '../../../../shared/domain/dates';
import type { CustomerDetail } from '../../../../shared/domain/types';
import { useFormatters } from '../../stores/settings-store';

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div>
      <Text fz="xs" c="gray.7" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text fz="lg" fw={700} className="num" style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
      {hint && (
        <Text fz="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </div>
  );
}

export function CustomerSummary({ stats }: { stats: CustomerDetail['stats'] }) {
  const f = useFormatters();
  const today = localDateOf(new Date());
  const average = stats.visits > 0 ? f.money(Math.round(stats.totalSpentCents / stats.visits)) : '—';
  return (
    <Paper withBorder p="md" component="section" aria-label="Summary">
      <SimpleGrid cols={4} spacing="sm">
        <Figure label="Visits" value={f.count(stats.visits)} />
        <Figure label="Total spent" value={f.money(stats.totalSpentCents)} hint={stats.visits > 0 ? `${average} a visit` : undefined} />
        <Figure label="First visit" value={f.date(stats.firstVisit)} />
        <Figure label="Last visit" value={f.date(stats.lastVisit)} hint={f.ago(stats.lastVisit, today) || undefined} />
      </SimpleGrid>
    </Paper>
  );
}
