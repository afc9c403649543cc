/**
 * The integrator: from the shop's customers, visits and feedback to every number the app shows.
 * `computeShopMetrics` returns exactly what `regulars metrics --json` prints; `computeInsights`
 * adds the chart data of the Insights screen. Pure: no I/O, no clock (the as-of date is an input).
 */
import { fromDayNumber, toDayNumber, addMonths, monthOf, type LocalDate, type YearMonth } from '../domain/dates';
import { buildVisitIndex, customerTotals, type CustomerTotals, type VisitColumns, type VisitIndex } from './visitIndex';
import { averagePurchaseValue, cltv, lifespanFromChurn, profitCltv, purchaseFrequency, repeatPurchaseRate, retentionRate } from './seed';
import { periodCounts, monthlyActivity, type MonthActivity } from './activity';
import { rfmScores, segmentOf, type SegmentId } from './rfm';
import { valueBands, valueTier, DEFAULT_TIER_CUTS, type TierCuts, type TierId, type ValueBand } from './tiers';
import { ago, cadenceJudge, shopTypicalGapDays, DEFAULT_OVERDUE_RULE, MIN_VISIT_DAYS_FOR_OWN_CADENCE, type OverdueRule } from './cadence';
import { compressRf } from './bgnbd';
import { fitModels, predictVisitRows, discountedClvOf, expectedSpend, DAYS_PER_MONTH } from './models';
import { csat, nps, feedbackTrend, type FeedbackInput, type FeedbackMonth } from './feedback';
import { feedbackThemes, type FeedbackThemes } from './themes';
import { cohortTable, type CohortRow } from './cohorts';
import { moneyFormatter } from './money-text';

/** A customer as the metrics need them. */
export interface MetricsCustomer {
  id: number;
  externalRef: string | null;
  name: string;
  birthday?: LocalDate | null;
}

/** Everything the metrics are computed from. Visits are columns (see {@link VisitColumns}). */
export interface ShopMetricsInput {
  customers: readonly MetricsCustomer[];
  visits: VisitColumns;
  feedback: readonly FeedbackInput[];
}

/** Settings of a metrics run. Only `asOf` is required. */
export interface ShopMetricsOptions {
  /** The report date; visits after it are ignored. */
  asOf: LocalDate;
  /** Days ahead for `expectedVisits` (default 90). */
  horizonDays?: number;
  /** Months ahead for predicted CLV (default 12). */
  clvMonths?: number;
  /** Monthly discount rate for predicted CLV, as a fraction (default 0.01 = 1% a month). */
  discountMonthly?: number;
  /** Profit margin in percent for profit CLTV (default 30). */
  marginPct?: number;
  /** Customer lifespan in years for CLTV; null/undefined = estimate from the shop's data. */
  lifespanYears?: number | null;
  /** A customer is active if they visited within this many days (default 90). */
  activeWindowDays?: number;
  tierCuts?: TierCuts;
  overdueRule?: OverdueRule;
  /** For the money amounts inside the explanations (default EUR, en-GB). */
  currency?: string;
  locale?: string;
}

/** Model block of the output. */
export interface ModelSummary {
  bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number; timeUnit: 'weeks' } | null;
  gammaGamma: { p: number; q: number; gamma: number } | null;
  fallbackReason: string | null;
}

/** Shop-wide numbers. Money in cents; rates in percent; null = "n/a". */
export interface ShopSummary {
  /** All customer records. */
  customers: number;
  /** Visit rows on or before the as-of date. */
  visits: number;
  revenueCents: number;
  /** Revenue ÷ visits. */
  averagePurchaseValueCents: number | null;
  /** Visits per customer per year, over the last 365 days (scaled up when the history is shorter). */
  purchaseFrequencyPerYear: number | null;
  /** Given, or 1 ÷ the churn of the last 365 days, or the mean span of repeat customers (see shop.ts). */
  customerLifespanYears: number | null;
  /** APV × frequency per year × lifespan in years. */
  cltvCents: number | null;
  /** CLTV × margin. */
  profitCltvCents: number | null;
  /** ((EC − NC) ÷ SC) × 100 over the last 365 days with the active window. */
  retentionRatePct: number | null;
  /** Customers with 2+ visit days ÷ customers with visits × 100. */
  repeatRatePct: number | null;
  npsScore: number | null;
  csatPct: number | null;
  /** Extra: customers with at least one visit, and active ones (visited within the active window). */
  customersWithVisits: number;
  activeCustomers: number;
  /** Extra: how the lifespan was found, in words. */
  lifespanBasis: string;
}

/** One customer's row of the output; null where a value does not apply (e.g. no visits yet). */
export interface CustomerMetrics {
  id: number;
  externalRef: string | null;
  name: string;
  visits: number;
  visitDays: number;
  firstVisit: LocalDate | null;
  lastVisit: LocalDate | null;
  revenueCents: number;
  recencyDays: number | null;
  recencyScore: number | null;
  frequencyScore: number | null;
  monetaryScore: number | null;
  segment: SegmentId | null;
  valueTier: TierId | null;
  overdue: boolean | null;
  /** Probability (0–1) the customer still comes; null without the model. */
  pAlive: number | null;
  /** Expected visit days in the next `horizonDays`. */
  expectedVisits: number | null;
  /** Expected spend per future visit, cents. */
  expectedSpendCents: number | null;
  /** Discounted expected revenue over the next `clvMonths`, cents. */
  predictedClvCents: number | null;
  // Extras for the UI: reasons in words.
  segmentLabel: string | null;
  segmentAdvice: string | null;
  segmentReason: string | null;
  valueBand: ValueBand | null;
  tierReason: string | null;
  usualGapDays: number | null;
  cadenceReason: string | null;
  pAliveReason: string | null;
  predictionReason: string | null;
}

/** The JSON of `regulars metrics --json`. */
export interface ShopMetrics {
  asOf: LocalDate;
  shop: ShopSummary;
  model: ModelSummary;
  customers: CustomerMetrics[];
}

/** Predicted revenue from today's customers in one coming month (undiscounted). */
export interface ForecastMonth {
  month: YearMonth;
  expectedVisits: number;
  expectedRevenueCents: number;
}

/** Chart data of the Insights screen, besides the metrics themselves. */
export interface ShopInsights {
  months: MonthActivity[];
  cohorts: CohortRow[];
  feedbackTrend: FeedbackMonth[];
  feedbackThemes: FeedbackThemes;
  forecast: ForecastMonth[];
}

const round = (v: number, decimals: number): number => Math.round(v * 10 ** decimals) / 10 ** decimals;
const roundOrNull = (v: number | null, decimals: number): number | null => (v === null || !Number.isFinite(v) ? null : round(v, decimals));

interface Analysis {
  metrics: ShopMetrics;
  index: VisitIndex;
  totals: CustomerTotals;
  forecast: ForecastMonth[];
}

/**
 * Usual gap (median gap between distinct visit days) per customer, NaN with fewer than 3 visit days.
 * One reusable buffer, so no arrays per customer.
 */
function usualGaps(index: VisitIndex, totals: CustomerTotals): Float64Array {
  const n = index.customerIds.length;
  const out = new Float64Array(n).fill(NaN);
  let buffer = new Float64Array(64);
  for (let k = 0; k < n; k++) {
    const vd = totals.visitDays[k] as number;
    if (vd < MIN_VISIT_DAYS_FOR_OWN_CADENCE) continue;
    if (buffer.length < vd) buffer = new Float64Array(vd * 2);
    let g = 0;
    const from = index.start[k] as number;
    const to = index.start[k + 1] as number;
    for (let i = from + 1; i < to; i++) {
      const gap = (index.day[i] as number) - (index.day[i - 1] as number);
      if (gap > 0) buffer[g++] = gap;
    }
    const h = (g - 1) * 0.5;
    const lo = Math.floor(h);
    // The two middle values, as a full sort would place them (same numbers, so the same median).
    const low = selectKth(buffer, g, lo);
    let high = low;
    if (lo + 1 < g) {
      high = buffer[lo + 1] as number;
      for (let i = lo + 2; i < g; i++) if ((buffer[i] as number) < high) high = buffer[i] as number;
    }
    out[k] = low + (h - lo) * (high - low);
  }
  return out;
}

/**
 * The k-th smallest of buffer[0, count), moved to buffer[k] with everything smaller before it and
 * everything larger after it (quickselect: a median needs no full sort of a customer's gaps).
 */
function selectKth(buffer: Float64Array, count: number, k: number): number {
  let left = 0;
  let right = count - 1;
  while (right > left) {
    const pivot = buffer[(left + right) >> 1] as number;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((buffer[i] as number) < pivot) i++;
      while ((buffer[j] as number) > pivot) j--;
      if (i <= j) {
        const t = buffer[i] as number;
        buffer[i] = buffer[j] as number;
        buffer[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break; // buffer[k] equals the pivot and sits between the two parts
  }
  return buffer[k] as number;
}

/** fromDayNumber with a cache: customers share first and last days. */
function dayFormatter(): (day: number) => LocalDate {
  const cache = new Map<number, LocalDate>();
  return (day) => {
    let text = cache.get(day);
    if (text === undefined) {
      text = fromDayNumber(day);
      cache.set(day, text);
    }
    return text;
  };
}

const P_ALIVE_TEXTS = [
  '% likely to come again: with a single visit there is no sign yet that they have stopped.',
  '% likely still a customer: they came back recently for their rhythm.',
  '% likely still a customer: it has been a while compared with how often they used to come.',
  '% likely still a customer: they used to come regularly but have been away much longer than usual.',
];

/**
 * The P(alive) explanation. There are only 4 × 101 different ones, so each is built once per run
 * (`made` holds them by percentage and text) instead of once per customer.
 */
function pAliveReason(p: number, visitDays: number, made: (string | undefined)[]): string {
  const pct = Math.round(p * 100);
  const text = visitDays <= 1 ? 0 : p >= 0.8 ? 1 : p >= 0.4 ? 2 : 3;
  const slot = pct * 4 + text; // unique for every whole pct, even outside 0–100
  return (made[slot] ??= `${pct}${P_ALIVE_TEXTS[text] as string}`);
}

/**
 * The RFM explanation, "Recency r/5 (last visit … days ago), frequency f/5 (… visit days) compared
 * with your other customers: …", from two halves made once per run and shared: the first depends on
 * (r, days since), the second on (r, f, visit days). A customer's text is then one join of two
 * shared strings instead of a fresh chain of nine pieces — fewer objects for the garbage collector,
 * the same text.
 */
function segmentReasons(): (r: number, since: number, f: number, visitDays: number, description: string) => string {
  const recencyParts = new Map<number, string>();
  const frequencyParts = new Map<number, string>();
  return (r, since, f, visitDays, description) => {
    // r and f are 1–5, so 8 apart keeps every key unique; the segment follows from (r, f).
    const recencyKey = since * 8 + r;
    let head = recencyParts.get(recencyKey);
    if (head === undefined) {
      head = `Recency ${r}/5 (last visit ${ago(since)}), frequency `;
      recencyParts.set(recencyKey, head);
    }
    const frequencyKey = (visitDays * 8 + f) * 8 + r;
    let tail = frequencyParts.get(frequencyKey);
    if (tail === undefined) {
      tail = `${f}/5 (${visitDays === 1 ? '1 visit day' : `${visitDays} visit days`}) compared with your other customers: ${description}`;
      frequencyParts.set(frequencyKey, tail);
    }
    return head + tail;
  };
}

/**
 * The prediction explanation, "Expected about N visits in the next M months at about €S each; worth
 * €V today (discounted D% a month).": the end is the same for everyone and the start depends only on
 * N rounded to tenths, so both are made once per run; only the two amounts are the customer's own
 * (and the money formatter keeps the text of each amount it made).
 */
function predictionReasons(clvMonths: number, discount: number, money: (cents: number) => string): (visits: number, spend: number, valueCents: number) => string {
  const end = ` today (discounted ${round(discount * 100, 2)}% a month).`;
  const starts = new Map<number, string>();
  return (visits, spend, valueCents) => {
    const tenths = Math.round(visits * 10); // round(visits, 1) is tenths ÷ 10
    let start = starts.get(tenths);
    if (start === undefined) {
      start = `Expected about ${round(visits, 1)} visits in the next ${clvMonths} months at about `;
      starts.set(tenths, start);
    }
    // Joined into one flat string: a template would leave a chain of four joins per customer for the
    // garbage collector to copy around until the result is printed.
    return [start, money(spend), ' each; worth ', money(valueCents), end].join('');
  };
}

/** The row of a customer with no visits (yet): everything that needs a visit is null. */
function withoutVisits(c: MetricsCustomer): CustomerMetrics {
  return {
    id: c.id,
    externalRef: c.externalRef,
    name: c.name,
    visits: 0,
    visitDays: 0,
    firstVisit: null,
    lastVisit: null,
    revenueCents: 0,
    recencyDays: null,
    recencyScore: null,
    frequencyScore: null,
    monetaryScore: null,
    segment: null,
    valueTier: null,
    overdue: null,
    pAlive: null,
    expectedVisits: null,
    expectedSpendCents: null,
    predictedClvCents: null,
    segmentLabel: null,
    segmentAdvice: null,
    segmentReason: null,
    valueBand: null,
    tierReason: null,
    usualGapDays: null,
    cadenceReason: null,
    pAliveReason: null,
    predictionReason: null,
  };
}

function analyse(input: ShopMetricsInput, options: ShopMetricsOptions): Analysis {
  const asOfDay = toDayNumber(options.asOf);
  const horizonDays = options.horizonDays ?? 90;
  const clvMonths = options.clvMonths ?? 12;
  const discount = options.discountMonthly ?? 0.01;
  const margin = (options.marginPct ?? 30) / 100;
  const windowDays = options.activeWindowDays ?? 90;
  const currency = options.currency ?? 'EUR';
  const locale = options.locale ?? 'en-GB';
  const money = moneyFormatter(currency, locale);
  const dateOf = dayFormatter();

  const ids = Int32Array.from(input.customers, (c) => c.id);
  const index = buildVisitIndex(ids, input.visits, asOfDay);
  const totals = customerTotals(index);
  const n = ids.length;

  // Customers with visits, as positions into the customer list.
  const seen: number[] = [];
  let visits = 0;
  let revenue = 0;
  let repeaters = 0;
  let active = 0;
  let firstDayOverall = Infinity;
  for (let k = 0; k < n; k++) {
    const v = totals.visits[k] as number;
    if (v === 0) continue;
    seen.push(k);
    visits += v;
    revenue += totals.revenueCents[k] as number;
    if ((totals.visitDays[k] as number) >= 2) repeaters++;
    if (asOfDay - (totals.lastDay[k] as number) < windowDays) active++;
    firstDayOverall = Math.min(firstDayOverall, totals.firstDay[k] as number);
  }
  const m = seen.length;

  // --- Shop-level simple formulas -------------------------------------------------------------
  // Frequency over the trailing year; a younger shop's rate is scaled up to a year.
  const yearStart = asOfDay - 364;
  let yearVisits = 0;
  let yearCustomers = 0;
  for (const k of seen) {
    // A customer's visits are in day order: count back from the last one while inside the year.
    const from = index.start[k] as number;
    let i = (index.start[k + 1] as number) - 1;
    while (i >= from && (index.day[i] as number) >= yearStart) i--;
    const inYear = (index.start[k + 1] as number) - 1 - i;
    yearVisits += inYear;
    if (inYear > 0) yearCustomers++;
  }
  const historyDays = m > 0 ? Math.min(365, asOfDay - firstDayOverall + 1) : 0;
  const freqInPeriod = purchaseFrequency(yearVisits, yearCustomers);
  const frequencyPerYear = freqInPeriod === null ? null : freqInPeriod * (365 / Math.max(historyDays, 30));
  const apv = averagePurchaseValue(revenue, visits);
  const yearCounts = periodCounts(index, totals, yearStart, asOfDay, windowDays);
  const retention = retentionRate(yearCounts.start, yearCounts.new, yearCounts.end);
  let lifespanYears: number | null;
  let lifespanBasis: string;
  if (options.lifespanYears !== undefined && options.lifespanYears !== null && options.lifespanYears > 0) {
    lifespanYears = options.lifespanYears;
    lifespanBasis = 'Set in Settings.';
  } else {
    // Geometric lifetime: 1 ÷ the share of last year's active customers lost during the year,
    // capped at 10 years; with no one lost yet, the mean first-to-last visit span of repeat customers.
    const churn = yearCounts.start > 0 ? yearCounts.lost / yearCounts.start : 0;
    const fromChurn = lifespanFromChurn(churn);
    if (fromChurn !== null) {
      lifespanYears = Math.min(10, fromChurn);
      lifespanBasis = `Estimated as 1 ÷ yearly churn (${Math.round(churn * 100)}% of last year's active customers stopped coming).`;
    } else {
      let span = 0;
      for (const k of seen) if ((totals.visitDays[k] as number) >= 2) span += (totals.lastDay[k] as number) - (totals.firstDay[k] as number);
      lifespanYears = repeaters > 0 ? Math.max(span / repeaters / 365.25, 1 / 12) : null;
      lifespanBasis =
        lifespanYears === null
          ? 'Not known yet: no customer has come back.'
          : 'Estimated as the average time between first and last visit of returning customers (no churn measured yet).';
    }
  }
  const shopCltv = apv !== null && frequencyPerYear !== null && lifespanYears !== null ? cltv(apv, frequencyPerYear, lifespanYears) : null;
  const shopProfitCltv = apv !== null && frequencyPerYear !== null && lifespanYears !== null ? profitCltv(apv, frequencyPerYear, lifespanYears, margin) : null;
  const npsResult = nps(input.feedback.map((f) => f.nps));

  // --- RFM, cadence, tiers -----------------------------------------------------------------------
  const recency = new Float64Array(m);
  const frequency = new Float64Array(m);
  const monetary = new Float64Array(m);
  seen.forEach((k, j) => {
    recency[j] = asOfDay - (totals.lastDay[k] as number);
    frequency[j] = totals.visitDays[k] as number;
    monetary[j] = totals.revenueCents[k] as number;
  });
  const scores = rfmScores(recency, frequency, monetary);
  const bands = valueBands(monetary, options.tierCuts ?? DEFAULT_TIER_CUTS);
  const gaps = usualGaps(index, totals);
  const ownGaps: number[] = [];
  for (const k of seen) if (!Number.isNaN(gaps[k] as number)) ownGaps.push(gaps[k] as number);
  const shopGap = shopTypicalGapDays(ownGaps);

  // --- Prediction models -------------------------------------------------------------------------
  const rf = { x: new Float64Array(m), tx: new Float64Array(m), T: new Float64Array(m) };
  const zbar = new Float64Array(m);
  seen.forEach((k, j) => {
    const first = totals.firstDay[k] as number;
    rf.x[j] = (totals.visitDays[k] as number) - 1;
    rf.tx[j] = ((totals.lastDay[k] as number) - first) / 7;
    rf.T[j] = (asOfDay - first) / 7;
    zbar[j] = totals.repeatDayMeanCents[k] as number;
  });
  const compressed = compressRf(rf);
  const models = m > 0 ? fitModels(compressed, { x: rf.x, zbar }) : { bgnbd: null, gammaGamma: null, fallbackReason: 'No visits yet — nothing to predict.' };
  const predictions = models.bgnbd ? predictVisitRows(models.bgnbd.params, compressed, horizonDays, clvMonths) : null;
  const spendParams = models.gammaGamma?.params ?? null;
  const forecastVisits = new Float64Array(clvMonths);
  const forecastRevenue = new Float64Array(clvMonths);
  const pAliveReasons: (string | undefined)[] = [];
  const segmentReason = segmentReasons();
  const predictionReason = predictionReasons(clvMonths, discount, money);
  const judge = cadenceJudge(shopGap, options.overdueRule ?? DEFAULT_OVERDUE_RULE);

  // Each row is made whole in one go (not made empty and filled in later): half the writes, and every
  // row keeps one shape.
  const rows = new Array<CustomerMetrics>(n);
  for (let k = 0, j = 0; k < n; k++) {
    const customer = input.customers[k] as MetricsCustomer;
    if ((totals.visits[k] as number) === 0) {
      rows[k] = withoutVisits(customer);
      continue;
    }
    // Customers with visits are `seen` in the same order, so j counts along with them.
    const visitDays = totals.visitDays[k] as number;
    const since = recency[j] as number;
    const r = scores.recency[j] as number;
    const f = scores.frequency[j] as number;
    const segment = segmentOf(r, f);
    const ownGap = gaps[k] as number;
    const cadence = judge(Number.isNaN(ownGap) ? null : ownGap, visitDays, since);
    const band = bands[j] as ValueBand;
    const tier = valueTier({ band, isNew: asOfDay - (totals.firstDay[k] as number) < windowDays, overdue: cadence.overdue, segment: segment.id, activeWindowDays: windowDays });
    const ownAverage = (totals.revenueCents[k] as number) / visitDays;

    let spend: number;
    let pAlive: number | null = null;
    let aliveReason: string | null = null;
    let expectedVisits: number;
    let predictedClvCents: number;
    let reason: string;
    if (predictions !== null) {
      const g = predictions.rowOf[j] as number;
      const from = g * clvMonths;
      spend = expectedSpend(spendParams, rf.x[j] as number, zbar[j] as number, ownAverage);
      pAlive = round(predictions.pAlive[g] as number, 4);
      aliveReason = pAliveReason(predictions.pAlive[g] as number, visitDays, pAliveReasons);
      expectedVisits = round(predictions.expectedVisits[g] as number, 4);
      predictedClvCents = Math.round(discountedClvOf(predictions.visitsByMonth, from, clvMonths, spend, discount));
      let total = 0;
      for (let i = 0; i < clvMonths; i++) {
        const v = predictions.visitsByMonth[from + i] as number;
        total += v;
        forecastVisits[i] = (forecastVisits[i] as number) + v;
        forecastRevenue[i] = (forecastRevenue[i] as number) + v * spend;
      }
      reason = predictionReason(total, spend, predictedClvCents);
    } else {
      // Simple formula: own average spend × own visits per month × months ahead, for customers still
      // active; someone outside the active window is assumed not to come back.
      const isActive = since < windowDays;
      const tenureMonths = Math.max(1, (asOfDay - (totals.firstDay[k] as number) + 1) / DAYS_PER_MONTH);
      const perMonth = isActive ? visitDays / tenureMonths : 0;
      spend = ownAverage;
      expectedVisits = round((perMonth * horizonDays) / DAYS_PER_MONTH, 4);
      predictedClvCents = Math.round(cltv(spend, perMonth, clvMonths));
      reason = isActive
        ? `Simple estimate: ${money(spend)} per visit × ${round(perMonth, 2)} visits a month × ${clvMonths} months.`
        : `Not seen for ${since} days (more than ${windowDays}), so no future visits are counted.`;
      for (let i = 0; i < clvMonths; i++) {
        forecastVisits[i] = (forecastVisits[i] as number) + perMonth;
        forecastRevenue[i] = (forecastRevenue[i] as number) + perMonth * spend;
      }
    }

    // The same fields in the same order as withoutVisits: the JSON prints them in this order.
    rows[k] = {
      id: customer.id,
      externalRef: customer.externalRef,
      name: customer.name,
      visits: totals.visits[k] as number,
      visitDays,
      firstVisit: dateOf(totals.firstDay[k] as number),
      lastVisit: dateOf(totals.lastDay[k] as number),
      revenueCents: totals.revenueCents[k] as number,
      recencyDays: since,
      recencyScore: r,
      frequencyScore: f,
      monetaryScore: scores.monetary[j] as number,
      segment: segment.id,
      valueTier: tier.tier,
      overdue: cadence.overdue,
      pAlive,
      expectedVisits,
      expectedSpendCents: Math.round(spend),
      predictedClvCents,
      segmentLabel: segment.label,
      segmentAdvice: segment.advice,
      segmentReason: segmentReason(r, since, f, visitDays, segment.description),
      valueBand: band,
      tierReason: tier.reason,
      usualGapDays: cadence.usualGapDays,
      cadenceReason: cadence.reason,
      pAliveReason: aliveReason,
      predictionReason: reason,
    };
    j++;
  }

  const asOfMonth = monthOf(options.asOf);
  const forecast: ForecastMonth[] = Array.from({ length: clvMonths }, (_, i) => ({
    month: addMonths(asOfMonth, i + 1),
    expectedVisits: round(forecastVisits[i] as number, 2),
    expectedRevenueCents: Math.round(forecastRevenue[i] as number),
  }));

  const metrics: ShopMetrics = {
    asOf: options.asOf,
    shop: {
      customers: n,
      visits,
      revenueCents: revenue,
      averagePurchaseValueCents: apv === null ? null : Math.round(apv),
      purchaseFrequencyPerYear: roundOrNull(frequencyPerYear, 2),
      customerLifespanYears: roundOrNull(lifespanYears, 2),
      cltvCents: shopCltv === null ? null : Math.round(shopCltv),
      profitCltvCents: shopProfitCltv === null ? null : Math.round(shopProfitCltv),
      retentionRatePct: roundOrNull(retention, 2),
      repeatRatePct: roundOrNull(repeatPurchaseRate(repeaters, m), 2),
      npsScore: npsResult === null ? null : round(npsResult.score, 1),
      csatPct: roundOrNull(csat(input.feedback.map((f) => f.rating)), 2),
      customersWithVisits: m,
      activeCustomers: active,
      lifespanBasis,
    },
    model: {
      bgnbd: models.bgnbd
        ? {
            r: models.bgnbd.params.r,
            alpha: models.bgnbd.params.alpha,
            a: models.bgnbd.params.a,
            b: models.bgnbd.params.b,
            logLikelihood: models.bgnbd.logLikelihood,
            timeUnit: 'weeks',
          }
        : null,
      gammaGamma: models.gammaGamma ? { p: models.gammaGamma.params.p, q: models.gammaGamma.params.q, gamma: models.gammaGamma.params.gamma } : null,
      fallbackReason: models.fallbackReason,
    },
    customers: rows,
  };
  return { metrics, index, totals, forecast };
}

/**
 * All metrics of a shop as of a date: shop-wide simple formulas, RFM segment, value tier, cadence
 * and model predictions per customer. Only visits on or before `asOf` count. Never throws on odd
 * data (the prediction model falls back to the simple formula and says so); throws only on a
 * malformed `asOf`. Cost is a few passes over the visit columns plus the model fits.
 */
export function computeShopMetrics(input: ShopMetricsInput, options: ShopMetricsOptions): ShopMetrics {
  return analyse(input, options).metrics;
}

/**
 * {@link computeShopMetrics} plus the visit index and per-customer totals it was computed from, for
 * callers that derive more figures from the same visits (the monthly summary) without indexing again.
 */
export function computeShopMetricsWithIndex(input: ShopMetricsInput, options: ShopMetricsOptions): { metrics: ShopMetrics; index: VisitIndex; totals: CustomerTotals } {
  const { metrics, index, totals } = analyse(input, options);
  return { metrics, index, totals };
}

/** {@link computeShopMetrics} plus the chart data of the Insights screen, from one pass over the data. */
export function computeInsights(input: ShopMetricsInput, options: ShopMetricsOptions): { metrics: ShopMetrics; insights: ShopInsights } {
  const { metrics, index, totals, forecast } = analyse(input, options);
  return {
    metrics,
    insights: {
      months: monthlyActivity(index, totals, options.activeWindowDays ?? 90),
      cohorts: cohortTable(index, totals),
      feedbackTrend: feedbackTrend(input.feedback),
      feedbackThemes: feedbackThemes(input.feedback),
      forecast,
    },
  };
}
