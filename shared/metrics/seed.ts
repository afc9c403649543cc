/**
 * The simple customer-value formulas a shop owner meets in blog posts and spreadsheets ("seed"
 * formulas). Money is in whatever unit goes in (the app passes cents); rates are per the period the
 * caller counted over. Where a ratio has no meaning (nothing to divide by) the result is null, which
 * the screens show as "n/a".
 */

/** Average purchase value = revenue ÷ number of transactions (money per transaction). $100,000 ÷ 5,000 = $20. */
export function averagePurchaseValue(revenue: number, transactions: number): number | null {
  return transactions > 0 ? revenue / transactions : null;
}

/** Purchase frequency = transactions ÷ unique customers, over one period (transactions per customer per period). 5,000 ÷ 1,000 = 5. */
export function purchaseFrequency(transactions: number, uniqueCustomers: number): number | null {
  return uniqueCustomers > 0 ? transactions / uniqueCustomers : null;
}

/**
 * Customer lifespan from a churn rate: 1 ÷ churn per period (periods). A shop losing 25% of its
 * customers a year keeps a customer 4 years on average (geometric lifetime). Null when churn is 0 or
 * unknown: nobody has left yet, so the data cannot say how long people stay.
 */
export function lifespanFromChurn(churnRatePerPeriod: number): number | null {
  return churnRatePerPeriod > 0 && churnRatePerPeriod <= 1 ? 1 / churnRatePerPeriod : null;
}

/**
 * Customer lifetime value (revenue) = average purchase value × purchase frequency × customer lifespan,
 * with frequency and lifespan in the same time unit. $50 × 2/month × 36 months = $3,600.
 */
export function cltv(averagePurchaseValue: number, frequencyPerPeriod: number, lifespanPeriods: number): number {
  return averagePurchaseValue * frequencyPerPeriod * lifespanPeriods;
}

/** Profit CLTV = APV × frequency × lifespan × profit margin (margin as a fraction 0–1). $20 × 5 × 3 × 0.20 = $60. */
export function profitCltv(averagePurchaseValue: number, frequencyPerPeriod: number, lifespanPeriods: number, margin: number): number {
  return cltv(averagePurchaseValue, frequencyPerPeriod, lifespanPeriods) * margin;
}

/** Customer acquisition cost = marketing spend ÷ new customers won with it (money per new customer). $1,000 ÷ 50 = $20. */
export function cac(marketingSpend: number, newCustomers: number): number | null {
  return newCustomers > 0 ? marketingSpend / newCustomers : null;
}

/** CLTV : CAC ratio (dimensionless; 3 or more is the usual rule of thumb for healthy marketing). */
export function cltvToCac(cltvValue: number, cacValue: number | null): number | null {
  return cacValue !== null && cacValue > 0 ? cltvValue / cacValue : null;
}

/**
 * Retention rate = ((EC − NC) ÷ SC) × 100 (percent), with SC customers active at the start of the
 * period, NC new customers won during it and EC customers active at its end. 100, 20, 110 → 90%.
 * Null when SC = 0 ("n/a": nobody to retain), never a division error.
 */
export function retentionRate(startCustomers: number, newCustomers: number, endCustomers: number): number | null {
  return startCustomers > 0 ? ((endCustomers - newCustomers) / startCustomers) * 100 : null;
}

/**
 * Churn rate = customers active at the start who are no longer active at the end ÷ SC × 100
 * (percent). Unlike 100 − retention it ignores customers who lapsed earlier and came back. Null when SC = 0.
 */
export function churnRate(startCustomers: number, lostCustomers: number): number | null {
  return startCustomers > 0 ? (lostCustomers / startCustomers) * 100 : null;
}

/** Repeat purchase rate = customers with 2+ visit days ÷ customers with any visit × 100 (percent); null with no customers. */
export function repeatPurchaseRate(repeatCustomers: number, customersWithVisits: number): number | null {
  return customersWithVisits > 0 ? (repeatCustomers / customersWithVisits) * 100 : null;
}

/** Average visits per customer = visits ÷ customers who visited (visits per customer); null with no customers. */
export function averageVisitsPerCustomer(visits: number, customersWithVisits: number): number | null {
  return customersWithVisits > 0 ? visits / customersWithVisits : null;
}
