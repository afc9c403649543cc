import { SimpleGrid } from '@mantine/core';
import type { InsightsView } from '../../../../shared/ipc/contract';
import { useFormatters, useSettingsStore } from '../../stores/settings-store';
import { EXPLAIN } from './explanations';
import { FigureCard } from './FigureCard';

const pct = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value)}%`);

export function KeyFigures({ view }: { view: InsightsView }) {
  const f = useFormatters();
  const windowDays = useSettingsStore((s) => s.settings.activeWindowDays);
  const { shop, forecastTotal } = view;
  const money = (cents: number | null) => (cents === null ? 'n/a' : f.money(cents, { whole: true }));
  const nps = shop.npsScore === null ? 'n/a' : `${shop.npsScore > 0 ? '+' : ''}${Math.round(shop.npsScore)}`;
  return (
    <section aria-label="Key figures">
      <SimpleGrid cols={4} spacing="md">
        <FigureCard
          label="Active customers"
          value={f.count(shop.activeCustomers)}
          hint={`of ${f.count(shop.customersWithVisits)} who have visited`}
          explanation={EXPLAIN.activeCustomers(windowDays)}
        />
        <FigureCard
          label="Average visit"
          value={shop.averagePurchaseValueCents === null ? 'n/a' : f.money(shop.averagePurchaseValueCents)}
          hint={shop.purchaseFrequencyPerYear === null ? undefined : `${shop.purchaseFrequencyPerYear.toFixed(1)} visits a year per customer`}
          explanation={EXPLAIN.averagePurchase}
        />
        <FigureCard
          label="Customer lifetime value"
          value={money(shop.cltvCents)}
          hint={shop.customerLifespanYears === null ? shop.lifespanBasis : `over about ${shop.customerLifespanYears.toFixed(1)} years`}
          explanation={`${EXPLAIN.lifetimeValue} ${shop.lifespanBasis}`}
        />
        <FigureCard
          label="Next 12 months"
          value={f.money(forecastTotal.expectedRevenueCents, { whole: true })}
          hint="expected from existing customers"
          explanation={EXPLAIN.forecast}
        />
        <FigureCard label="Retention" value={pct(shop.retentionRatePct)} hint="still coming after a year" explanation={EXPLAIN.retention} />
        <FigureCard label="Came back" value={pct(shop.repeatRatePct)} hint="visited on more than one day" explanation={EXPLAIN.repeatRate} />
        <FigureCard label="Net Promoter Score" value={nps} hint="from −100 to +100" explanation={EXPLAIN.nps} />
        <FigureCard label="Satisfaction" value={pct(shop.csatPct)} hint="of star ratings were 4 or 5" explanation={EXPLAIN.csat} />
      </SimpleGrid>
    </section>
  );
}
