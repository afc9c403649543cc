// Tiny hand-built shops for tests whose expected values are worked out by hand in the test files.
import { toDayNumber } from '../../../shared/domain/dates';
import type { ShopMetricsInput } from '../../../shared/metrics/shop';

/** [customerId, 'YYYY-MM-DD', amountCents] rows → columnar input with customers 1…n. */
export function shop(visits: [number, string, number][], customerCount: number, feedback: ShopMetricsInput['feedback'] = []): ShopMetricsInput {
  return {
    customers: Array.from({ length: customerCount }, (_, i) => ({ id: i + 1, externalRef: `ext-${i + 1}`, name: `Customer ${i + 1}` })),
    visits: {
      customerId: Int32Array.from(visits, (v) => v[0]),
      day: Int32Array.from(visits, (v) => toDayNumber(v[1])),
      amountCents: Float64Array.from(visits, (v) => v[2]),
    },
    feedback,
  };
}

/**
 * Four customers, Jan–Mar 2024 (worked by hand with a 30-day active window in activity.test.ts):
 * C1 visits 5 Jan, 10 Feb, 20 Mar (€10 each); C2 20 Jan (€5); C3 5 Feb, 25 Feb (€7 each); C4 15 Mar (€20).
 */
export const FOUR_CUSTOMERS: [number, string, number][] = [
  [1, '2024-03-20', 1000], // deliberately out of order: the index sorts
  [1, '2024-01-05', 1000],
  [1, '2024-02-10', 1000],
  [2, '2024-01-20', 500],
  [3, '2024-02-05', 700],
  [3, '2024-02-25', 700],
  [4, '2024-03-15', 2000],
];
