/**
 * The Insights charts (recharts). Data arrives already shaped by shared/metrics/reports.ts; here it
 * is only labelled for people. Animations are off: the numbers should simply be there.
 */
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { InsightsView } from '../../../../shared/ipc/contract';
import { recentMonths } from '../../../../shared/metrics/reports';
import { useFormatters, useSettingsStore } from '../../stores/settings-store';
import { ChartCard } from './ChartCard';
import { EXPLAIN } from './explanations';
import { monthLabel } from './month-label';

const HEIGHT = 220;
const MONTHS_SHOWN = 24;
const AXIS_TICK = { fontSize: 12, fill: '#5f6770' };
const COLORS = { primary: '#c2410c', secondary: '#fdba74', teal: '#0f766e', grid: '#e9ecef' };
const noAnimation = { isAnimationActive: false } as const;

function useMoney() {
  const f = useFormatters();
  return (value: unknown) => f.money(Number(value), { whole: true });
}

export function RevenueSplitChart({ view }: { view: InsightsView }) {
  const money = useMoney();
  const locale = useSettingsStore((s) => s.settings.locale);
  const data = recentMonths(view.revenueSplit, MONTHS_SHOWN).map((r) => ({
    label: `${monthLabel(r.month, locale)}${r.partial ? ' (so far)' : ''}`,
    returning: r.returningRevenueCents,
    new: r.newRevenueCents,
  }));
  return (
    <ChartCard
      id="revenue-split"
      title="Takings: new vs returning customers"
      subtitle="Per month; returning customers are the ones who had been before."
      explanation={EXPLAIN.revenueSplit}
      empty={data.length === 0 ? 'No visits yet.' : null}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={data} margin={{ top: 4, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid vertical={false} stroke={COLORS.grid} />
          <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={12} />
          <YAxis tick={AXIS_TICK} tickFormatter={money} width={72} />
          <Tooltip formatter={money} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="returning" name="Returning customers" stackId="takings" fill={COLORS.primary} {...noAnimation} />
          <Bar dataKey="new" name="New customers" stackId="takings" fill={COLORS.secondary} {...noAnimation} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function RetentionChart({ view }: { view: InsightsView }) {
  const locale = useSettingsStore((s) => s.settings.locale);
  const data = recentMonths(view.retention, MONTHS_SHOWN).map((r) => ({
    label: `${monthLabel(r.month, locale)}${r.partial ? ' (so far)' : ''}`,
    retention: r.retentionRatePct === null ? null : Math.round(r.retentionRatePct * 10) / 10,
    active: r.activeCustomers,
  }));
  const hasAny = data.some((d) => d.retention !== null);
  return (
    <ChartCard
      id="retention"
      title="Retention month by month"
      subtitle="Share of active customers at the start of a month still active at its end."
      explanation={EXPLAIN.retentionTrend}
      empty={hasAny ? null : 'Not enough history yet: retention needs customers who were active before.'}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <LineChart data={data} margin={{ top: 4, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid vertical={false} stroke={COLORS.grid} />
          <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={12} />
          {/* Customers coming back after a break can push a month above 100%. */}
          <YAxis tick={AXIS_TICK} domain={[0, (max: number) => Math.max(100, Math.ceil(max / 10) * 10)]} tickFormatter={(v: number) => `${Math.round(v)}%`} width={52} />
          <Tooltip formatter={(value, name) => (name === 'Retention' ? `${String(value)}%` : String(value))} />
          <Line type="monotone" dataKey="retention" name="Retention" stroke={COLORS.primary} strokeWidth={2} dot={false} connectNulls={false} {...noAnimation} />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function ClvChart({ view }: { view: InsightsView }) {
  const f = useFormatters();
  const data = view.clvHistogram.map((b) => ({
    label: `${f.money(b.fromCents, { whole: true })}–${f.money(b.toCents, { whole: true })}`,
    customers: b.customers,
  }));
  return (
    <ChartCard
      id="clv"
      title="What customers are worth (next 12 months)"
      subtitle="Number of customers by their predicted value."
      explanation={EXPLAIN.clvHistogram}
      empty={data.length === 0 ? 'No predictions yet: log some visits first.' : null}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={data} margin={{ top: 4, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid vertical={false} stroke={COLORS.grid} />
          <XAxis dataKey="label" tick={AXIS_TICK} interval="preserveStartEnd" minTickGap={8} />
          <YAxis tick={AXIS_TICK} allowDecimals={false} width={48} />
          <Tooltip formatter={(value) => [`${f.count(Number(value))} customers`, 'Customers']} />
          <Bar dataKey="customers" name="Customers" fill={COLORS.primary} {...noAnimation} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function FeedbackTrendChart({ view }: { view: InsightsView }) {
  const locale = useSettingsStore((s) => s.settings.locale);
  const data = recentMonths(view.feedbackTrend, MONTHS_SHOWN).map((r) => ({
    label: monthLabel(r.month, locale),
    nps: r.npsScore === null ? null : Math.round(r.npsScore),
    csat: r.csatPct === null ? null : Math.round(r.csatPct),
  }));
  return (
    <ChartCard
      id="feedback-trend"
      title="Recommendation and satisfaction"
      subtitle="Net Promoter Score (left axis) and % of 4–5 star ratings (right axis), per month."
      explanation={EXPLAIN.feedbackTrend}
      empty={data.length === 0 ? 'No feedback yet. Scores and star ratings you log appear here.' : null}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <LineChart data={data} margin={{ top: 4, right: 0, left: 0, bottom: 0 }}>
          <CartesianGrid vertical={false} stroke={COLORS.grid} />
          <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={12} />
          <YAxis yAxisId="nps" tick={AXIS_TICK} domain={[-100, 100]} width={44} />
          <YAxis yAxisId="csat" orientation="right" tick={AXIS_TICK} domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} width={44} />
          <Tooltip formatter={(value, name) => (name === 'Satisfaction' ? `${String(value)}%` : String(value))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line yAxisId="nps" type="monotone" dataKey="nps" name="Net Promoter Score" stroke={COLORS.primary} strokeWidth={2} dot={{ r: 2 }} {...noAnimation} />
          <Line yAxisId="csat" type="monotone" dataKey="csat" name="Satisfaction" stroke={COLORS.teal} strokeWidth={2} dot={{ r: 2 }} {...noAnimation} />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function ForecastChart({ view }: { view: InsightsView }) {
  const money = useMoney();
  const f = useFormatters();
  const locale = useSettingsStore((s) => s.settings.locale);
  const data = view.forecast.map((r) => ({ label: monthLabel(r.month, locale), revenue: r.expectedRevenueCents }));
  const total = view.forecastTotal.expectedRevenueCents;
  return (
    <ChartCard
      id="forecast"
      title="Expected takings from existing customers"
      subtitle={`About ${f.money(total, { whole: true })} over the next 12 months, before any new customers.`}
      explanation={EXPLAIN.forecastChart}
      empty={view.shop.customersWithVisits === 0 ? 'No visits yet: nothing to predict.' : null}
    >
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={data} margin={{ top: 4, right: 8, left: 0, bottom: 0 }}>
          <CartesianGrid vertical={false} stroke={COLORS.grid} />
          <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={8} />
          <YAxis tick={AXIS_TICK} tickFormatter={money} width={72} />
          <Tooltip formatter={(value) => [money(value), 'Expected takings']} />
          <Bar dataKey="revenue" name="Expected takings" fill={COLORS.teal} {...noAnimation} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
