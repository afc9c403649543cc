import { call } from '../../services/dispatch';
import type { CliCommand } from '../command';
import { UsageError } from '../io';

function numberOption(value: string | boolean | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, not "${String(value)}".`);
  return n;
}

export const metricsCommand: CliCommand = {
  name: 'metrics',
  usage:
    'metrics [--as-of YYYY-MM-DD] [--horizon-days N] [--clv-months 12] [--discount-monthly 0.01] [--margin-pct P] [--lifespan-years Y]   shop KPIs, value, segments, predictions',
  options: {
    'as-of': { type: 'string' },
    'horizon-days': { type: 'string' },
    'clv-months': { type: 'string' },
    'discount-monthly': { type: 'string' },
    'margin-pct': { type: 'string' },
    'lifespan-years': { type: 'string' },
  },
  async run({ ctx, values, out }) {
    const input = Object.fromEntries(
      Object.entries({
        asOf: typeof values['as-of'] === 'string' ? values['as-of'] : undefined,
        horizonDays: numberOption(values['horizon-days'], 'horizon-days'),
        clvMonths: numberOption(values['clv-months'], 'clv-months'),
        discountMonthly: numberOption(values['discount-monthly'], 'discount-monthly'),
        marginPct: numberOption(values['margin-pct'], 'margin-pct'),
        lifespanYears: numberOption(values['lifespan-years'], 'lifespan-years'),
      }).filter(([, v]) => v !== undefined),
    );
    const m = await call(ctx, 'metrics:compute', input);
    const money = (c: number | null) => (c === null ? 'n/a' : (c / 100).toFixed(2));
    const pct = (p: number | null) => (p === null ? 'n/a' : `${p.toFixed(1)}%`);
    const bySegment = new Map<string, number>();
    for (const c of m.customers) if (c.segmentLabel) bySegment.set(c.segmentLabel, (bySegment.get(c.segmentLabel) ?? 0) + 1);
    const human = [
      `As of ${m.asOf}: ${m.shop.customers} customers, ${m.shop.visits} visits, revenue ${money(m.shop.revenueCents)}`,
      `Average purchase ${money(m.shop.averagePurchaseValueCents)}, ${m.shop.purchaseFrequencyPerYear?.toFixed(2) ?? 'n/a'} visits per customer per year, lifespan ${m.shop.customerLifespanYears?.toFixed(2) ?? 'n/a'} years`,
      `CLTV ${money(m.shop.cltvCents)} (profit ${money(m.shop.profitCltvCents)}); retention ${pct(m.shop.retentionRatePct)}; repeat ${pct(m.shop.repeatRatePct)}; NPS ${m.shop.npsScore ?? 'n/a'}; CSAT ${pct(m.shop.csatPct)}`,
      m.model.bgnbd
        ? `Prediction model: BG/NBD r=${m.model.bgnbd.r.toFixed(3)} α=${m.model.bgnbd.alpha.toFixed(3)} a=${m.model.bgnbd.a.toFixed(3)} b=${m.model.bgnbd.b.toFixed(3)}`
        : `Prediction model: not fitted — ${m.model.fallbackReason ?? ''}`,
      `Segments: ${[...bySegment].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    ].join('\n');
    out.print(human, m);
  },
};
