/**
 * Timing check (not a test): computeShopMetrics on a synthetic shop of 50,000 customers and
 * 1,000,000 visits over three years, generated deterministically. Target: under ~1.5 s in Node 22.
 * Run: npx esbuild test/bench/metrics-1m.ts --bundle --platform=node --outfile=/tmp/metrics-1m.cjs && npx node /tmp/metrics-1m.cjs
 */
import { computeInsights, computeShopMetrics, type ShopMetricsInput } from '../../shared/metrics';
import { toDayNumber } from '../../shared/domain/dates';

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gamma(shape, 1) variate for shape ≥ 1 (Marsaglia & Tsang), from two uniforms per try. */
function gammaVariate(random: () => number, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    // Box–Muller normal.
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * A shop whose customers behave roughly like BG/NBD: purchase rate per day λ ~ Gamma(2, 12)
 * (one visit every ~6 days on average, bakery regulars to monthly visitors), dropout after each
 * visit with p ~ Beta(2, 30), first visits spread over three years; spend per customer varies.
 * Visits are cut or topped up to exactly `visits`.
 */
export function syntheticShop(customers: number, visits: number, seed = 42): ShopMetricsInput {
  const random = rng(seed);
  const start = toDayNumber('2023-01-01');
  const end = toDayNumber('2025-12-31');
  const span = end - start;
  const customerId = new Int32Array(visits);
  const day = new Int32Array(visits);
  const amountCents = new Float64Array(visits);
  const firstDays = new Int32Array(customers);
  let v = 0;
  for (let c = 0; c < customers && v < visits; c++) {
    const lambda = gammaVariate(random, 2) / 12;
    const g1 = gammaVariate(random, 2);
    const p = g1 / (g1 + gammaVariate(random, 30));
    const spend = 200 + 2000 * gammaVariate(random, 2) / 2;
    let d = start + Math.floor(random() * span);
    firstDays[c] = d;
    while (d <= end && v < visits) {
      customerId[v] = c + 1;
      day[v] = d;
      amountCents[v] = Math.round(spend * (0.5 + random()));
      v++;
      if (random() < p) break;
      d += Math.max(1, Math.round(-Math.log(1 - random()) / lambda));
    }
  }
  if (process.env.DEBUG_BENCH) console.log('organic visits', v);
  while (v < visits) {
    // Top up with extra visits of random customers after their first day.
    const c = Math.floor(random() * customers);
    const first = firstDays[c] as number;
    customerId[v] = c + 1;
    day[v] = first + Math.floor(random() * (end - first + 1));
    amountCents[v] = 500 + Math.floor(random() * 2000);
    v++;
  }
  return {
    customers: Array.from({ length: customers }, (_, i) => ({ id: i + 1, externalRef: null, name: `Customer ${i + 1}` })),
    visits: { customerId, day, amountCents },
    feedback: [],
  };
}

const input = syntheticShop(50_000, 1_000_000);
const options = { asOf: '2025-12-31' };
for (let run = 0; run < (process.env.DEBUG_BENCH ? 1 : 3); run++) {
  const t0 = performance.now();
  const result = computeShopMetrics(input, options);
  const ms = performance.now() - t0;
  console.log(
    `computeShopMetrics 50k customers / 1M visits: ${ms.toFixed(0)} ms (model: ${result.model.bgnbd ? 'BG/NBD fitted' : 'fallback'}, ` +
      `${result.model.gammaGamma ? 'Gamma-Gamma fitted' : 'no spend model'}; ${result.model.fallbackReason ?? ''})`,
  );
}
const t1 = performance.now();
computeInsights(input, options);
console.log(`computeInsights: ${(performance.now() - t1).toFixed(0)} ms`);
