import type { ShopMetrics } from '../../../shared/metrics/shop';
import { call } from '../../services/dispatch';
import type { CliCommand } from '../command';
import { UsageError } from '../io';
import { AppError } from '../../../shared/ipc/result';

function numberOption(value: string | boolean | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, not "${String(value)}".`);
  return n;
}

/** The command's options: the input field each fills and, for error messages, what it accepts. */
const OPTIONS: Record<string, { key: string; kind: 'date' | 'number'; accepts: string }> = {
  'as-of': { key: 'asOf', kind: 'date', accepts: 'a date written YYYY-MM-DD, for example 2026-06-30' },
  'horizon-days': { key: 'horizonDays', kind: 'number', accepts: 'a whole number of days from 1 to 3650' },
  'clv-months': { key: 'clvMonths', kind: 'number', accepts: 'a whole number of months from 1 to 120' },
  'discount-monthly': { key: 'discountMonthly', kind: 'number', accepts: 'a fraction from 0 to 0.5 (0.01 means 1% a month)' },
  'margin-pct': { key: 'marginPct', kind: 'number', accepts: 'a percentage from 0 to 100' },
  'lifespan-years': { key: 'lifespanYears', kind: 'number', accepts: 'a number of years above 0 and up to 100' },
};

/**
 * The documented JSON of `regulars metrics --json`: exactly the fields listed in the issue, in that
 * order. The app's own extras (reasons in words, labels) stay out so scripts can rely on the shape.
 */
export function metricsJson(m: ShopMetrics) {
  const { shop, model } = m;
  return {
    asOf: m.asOf,
    shop: {
      customers: shop.customers,
      visits: shop.visits,
      revenueCents: shop.revenueCents,
      averagePurchaseValueCents: shop.averagePurchaseValueCents,
      purchaseFrequencyPerYear: shop.purchaseFrequencyPerYear,
      customerLifespanYears: shop.customerLifespanYears,
      cltvCents: shop.cltvCents,
      profitCltvCents: shop.profitCltvCents,
      retentionRatePct: shop.retentionRatePct,
      repeatRatePct: shop.repeatRatePct,
      npsScore: shop.npsScore,
      csatPct: shop.csatPct,
    },
    model: {
      bgnbd: model.bgnbd && { r: model.bgnbd.r, alpha: model.bgnbd.alpha, a: model.bgnbd.a, b: model.bgnbd.b, logLikelihood: model.bgnbd.logLikelihood, timeUnit: model.bgnbd.timeUnit },
      gammaGamma: model.gammaGamma && { p: model.gammaGamma.p, q: model.gammaGamma.q, gamma: model.gammaGamma.gamma },
      fallbackReason: model.fallbackReason,
    },
    customers: m.customers.map((c) => ({
      id: c.id,
      externalRef: c.externalRef,
      name: c.name,
      visits: c.visits,
      visitDays: c.visitDays,
      firstVisit: c.firstVisit,
      lastVisit: c.lastVisit,
      revenueCents: c.revenueCents,
      recencyDays: c.recencyDays,
      recencyScore: c.recencyScore,
      frequencyScore: c.frequencyScore,
      monetaryScore: c.monetaryScore,
      segment: c.segment,
      valueTier: c.valueTier,
      overdue: c.overdue,
      pAlive: c.pAlive,
      expectedVisits: c.expectedVisits,
      expectedSpendCents: c.expectedSpendCents,
      predictedClvCents: c.predictedClvCents,
    })),
  };
}

export const metricsCommand: CliCommand = {
  name: 'metrics',
  usage:
    'metrics [--as-of YYYY-MM-DD] [--horizon-days N] [--clv-months 12] [--discount-monthly 0.01] [--margin-pct P] [--lifespan-years Y]   shop KPIs, value, segments, predictions',
  options: Object.fromEntries(Object.keys(OPTIONS).map((flag) => [flag, { type: 'string' as const }])),
  async run({ ctx, values, out }) {
    const input: Record<string, string | number> = {};
    for (const [flag, option] of Object.entries(OPTIONS)) {
      const value = option.kind === 'date' ? (typeof values[flag] === 'string' ? values[flag] : undefined) : numberOption(values[flag], flag);
      if (value !== undefined) input[option.key] = value;
    }
    let m: ShopMetrics;
    try {
      m = await call(ctx, 'metrics:compute', input);
    } catch (error) {
      // Name the option the owner typed and what it accepts, not the field inside the app.
      const issue = error instanceof AppError && error.code === 'BAD_INPUT' ? error.issues?.[0] : undefined;
      const flag = issue && Object.entries(OPTIONS).find(([, o]) => o.key === issue.path)?.[0];
      if (flag) throw new UsageError(`--${flag} must be ${OPTIONS[flag]!.accepts}, not "${String(values[flag])}".`);
      throw error;
    }
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
    out.print(human, metricsJson(m));
  },
};
