import { Paper, SimpleGrid, Text, Title, UnstyledButton } from '@mantine/core';
import type { TierSummaryRow } from '../../../../shared/metrics/reports';
import { useInsightsStore } from '../../stores/insights-store';
import { useFormatters } from '../../stores/settings-store';
import { InfoTip } from '../common/InfoTip';
import { EXPLAIN, TIER_EXPLAIN } from './explanations';

const TIER_COLOR: Record<TierSummaryRow['tier'], string> = {
  high: 'var(--mantine-color-terracotta-6)',
  medium: 'var(--mantine-color-orange-4)',
  low: 'var(--mantine-color-gray-4)',
  new: 'var(--mantine-color-teal-6)',
  'at-risk': 'var(--mantine-color-red-7)',
};

/** The value tiers side by side; each card opens the list of its customers. */
export function TierCards({ rows }: { rows: TierSummaryRow[] }) {
  const f = useFormatters();
  const openMembers = useInsightsStore((s) => s.openMembers);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="tiers-title">
      <Title order={2} fz="lg" id="tiers-title" mb="sm">
        <InfoTip explanation={EXPLAIN.tiers}>Value tiers</InfoTip>
      </Title>
      <SimpleGrid cols={5} spacing="sm">
        {rows.map((row) => (
          <UnstyledButton
            key={row.tier}
            onClick={() => void openMembers({ kind: 'tier', id: row.tier })}
            disabled={row.customers === 0}
            aria-description={`${TIER_EXPLAIN[row.tier]} Opens the list of these customers.`}
            title={TIER_EXPLAIN[row.tier]}
            p="sm"
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderTop: `4px solid ${TIER_COLOR[row.tier]}`, borderRadius: 'var(--mantine-radius-md)' }}
            className="tier-card"
          >
            <Text fw={650} fz="sm">
              {row.label}
            </Text>
            <Text fz={22} fw={700} className="num" lh={1.3}>
              {f.count(row.customers)}
            </Text>
            <Text fz="xs" c="dimmed">
              {Math.round(row.revenueSharePct)}% of takings
            </Text>
            <Text fz="xs" c="dimmed">
              {row.averageRevenueCents === null ? 'nobody yet' : `${f.money(row.averageRevenueCents, { whole: true })} each on average`}
            </Text>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
