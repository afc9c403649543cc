/**
 * What each figure on the Insights screen means, in plain words for a shop owner. Kept in one place
 * so the wording stays consistent between the figures, the tables and the charts.
 */
import type { TierId } from '../../../../shared/metrics/tiers';

export const EXPLAIN = {
  activeCustomers: (windowDays: number) =>
    `Customers who visited in the last ${windowDays} days (you can change this window in Settings). The smaller number is everyone who has visited at least once.`,
  averagePurchase: 'Your takings divided by the number of visits: what a customer spends on a typical visit.',
  lifetimeValue:
    'What a typical customer is worth over the whole time they keep coming: average spend per visit × visits per year × years they stay.',
  forecast:
    'What your existing customers are expected to spend in the next 12 months if they keep their habits. New customers you win come on top.',
  retention:
    'Of the customers who were active a year ago, the share still active today (new customers who joined during the year are not counted). Higher is better.',
  repeatRate: 'The share of your customers who came back at least once after their first visit (on another day).',
  nps: 'Net Promoter Score: the % who would recommend you (9–10) minus the % who would not (0–6), from −100 to +100. Above 0 means more fans than critics.',
  csat: 'Customer satisfaction: the share of star ratings that were 4 or 5 stars.',
  segments:
    'Every customer with a visit is put in one group by how recently they came and how often they come, compared with your other customers. Click a group to see who is in it.',
  segmentCustomers: 'How many customers are in this group, and what share of all your customers with a visit that is.',
  segmentRevenue: 'The share of all your takings so far that came from this group.',
  segmentAverage: 'What a customer in this group has spent with you so far, on average.',
  tiers:
    'Customers by what they have spent so far: the top 20% are High value, the next 30% Medium, the rest Low. New customers (first visit recently) and valuable customers who are slipping away (At risk) are shown apart.',
  clvHistogram:
    'How many customers are expected to bring in how much over the next 12 months (today’s money). A few customers usually bring most of it.',
  revenueSplit:
    'Takings per month, split between customers in their first month (new) and customers who had been before (returning). The current month is not over yet.',
  retentionTrend:
    'For each month, the share of customers who were active at its start and still active at its end. “Active” means a visit in the active window.',
  cohorts:
    'Customers grouped by the month of their first visit (one row each). Each cell shows the share of that group who visited again that many months later. Darker = more of them came back.',
  feedbackTrend: 'Net Promoter Score (−100 to +100) and satisfaction (% of 4–5 star ratings) month by month. Months without feedback are left out.',
  forecastChart: 'Expected takings from the customers you already have, month by month for the next 12 months.',
  themes:
    'The words and short phrases that come up most in comments, counted once per comment. Praise is from happy comments, complaints from unhappy ones.',
} as const;

export const TIER_EXPLAIN: Record<TierId, string> = {
  high: 'The top 20% of customers by what they have spent so far.',
  medium: 'The next 30% of customers by what they have spent so far.',
  low: 'The remaining half of customers by what they have spent so far.',
  new: 'First visit recently (within the active window): too early to tell what they are worth.',
  'at-risk': 'High or medium value customers who are overdue for their usual visit or have not been back for a while.',
};
