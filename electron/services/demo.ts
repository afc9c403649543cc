/**
 * The demo shop: a believable neighbourhood bakery so a new owner (and every screenshot and test)
 * sees a living app. Daily regulars, weekend families, occasional visitors, customers who drifted
 * away, a few big cake orders, December peaks and quiet Augusts, and what people said.
 * Deterministic: the same seed and end date give the same shop.
 */
import { Faker, en_GB, en } from '@faker-js/faker';
import { addDays, fromDayNumber, toDayNumber } from '../../shared/domain/dates';
import { seededRandom } from '../../shared/domain/seeded-random';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { AppError } from '../../shared/ipc/result';
import { nowIso, today, type ServiceContext } from './context';
import { defaultFollowUp } from './feedback';
import type { FeedbackWrite } from '../db/repositories/feedback';
import type { VisitIn } from '../db/repositories/visit-loader';

export const DEMO_SHOP_NAME = 'The Corner Bakery';
/** About how many visits a demo customer gets over four years (for the bulk load's planning only). */
const VISITS_PER_CUSTOMER = 25;

export interface DemoOptions {
  customers: number;
  seed: number;
  years: number;
  /** Last day of the demo history (default: today). */
  until?: string;
  /** Allow filling a database that already has customers. */
  replace?: boolean;
}

export interface DemoSummary {
  customers: number;
  visits: number;
  feedback: number;
  firstDate: string;
  lastDate: string;
}

interface Archetype {
  name: string;
  share: number;
  /** Mean days between visits. */
  gapDays: number;
  /** Typical spend in cents (median of a log-normal). */
  spendCents: number;
  spendSpread: number;
  /** Stops coming some time before the end. */
  lapses: boolean;
  /** Joined in the last two months. */
  recent: boolean;
  items: readonly string[];
}

const BREAKFAST = ['Croissant and coffee', 'Pain au chocolat, flat white', 'Cappuccino', 'Cinnamon bun, latte', 'Almond croissant'];
const FAMILY = ['Sourdough loaf, 4 croissants', 'Baguette, rye loaf', 'Family brunch box', 'Seeded loaf, cookies', 'Focaccia, 6 rolls'];
const TREATS = ['Lemon tart', 'Carrot cake slice, tea', 'Sourdough loaf', 'Box of macarons', 'Brioche'];
const ORDERS = ['Birthday cake (12 portions)', 'Office breakfast platter', 'Wedding cake tasting', 'Catering: 40 pastries', 'Celebration gateau'];

const ARCHETYPES: readonly Archetype[] = [
  { name: 'daily', share: 0.03, gapDays: 3, spendCents: 650, spendSpread: 0.3, lapses: false, recent: false, items: BREAKFAST },
  { name: 'weekly', share: 0.12, gapDays: 10, spendCents: 2400, spendSpread: 0.35, lapses: false, recent: false, items: FAMILY },
  { name: 'monthly', share: 0.2, gapDays: 30, spendCents: 1400, spendSpread: 0.45, lapses: false, recent: false, items: TREATS },
  { name: 'occasional', share: 0.45, gapDays: 90, spendCents: 1100, spendSpread: 0.5, lapses: false, recent: false, items: TREATS },
  { name: 'lapsed', share: 0.1, gapDays: 12, spendCents: 1900, spendSpread: 0.4, lapses: true, recent: false, items: FAMILY },
  { name: 'big', share: 0.03, gapDays: 45, spendCents: 9500, spendSpread: 0.5, lapses: false, recent: false, items: ORDERS },
  { name: 'new', share: 0.07, gapDays: 12, spendCents: 1500, spendSpread: 0.4, lapses: false, recent: true, items: TREATS },
];

const STAFF = ['Maria', 'Tom', 'Aisha'];
const PAYMENT = ['card', 'card', 'contactless', 'contactless', 'cash'];

const PRAISE = [
  'Best sourdough in town, the crust is perfect.',
  'Lovely friendly staff, always a smile.',
  'The almond croissants are amazing.',
  'Great coffee and the cinnamon buns are delicious.',
  'Beautiful birthday cake, everyone loved it.',
  'Always fresh and tasty, worth the queue.',
  'Friendly service and great value.',
];
const NEUTRAL = ['Good bread, a bit pricey.', 'Nice pastries but the queue was long.', 'Coffee was fine.', 'Decent, will come again.'];
const COMPLAINTS = [
  'Waited 20 minutes, the queue was too slow.',
  'The croissants were stale today.',
  'Rude staff at the till this morning.',
  'Too expensive for the size of the loaf.',
  'My cake order was late and the icing was wrong.',
  'Sold out of sourdough again by 10am.',
];
const FOREIGN = ['Sehr leckeres Brot, danke!', 'Très bon accueil, merci beaucoup.', 'Muy buen pan, volveré.'];

/** Busier in December and at weekends, quieter in August. */
function demandFactor(day: number): number {
  const date = new Date(day * 86_400_000);
  const month = date.getUTCMonth();
  const weekday = date.getUTCDay();
  const season = month === 11 ? 1.35 : month === 7 ? 0.75 : month === 0 ? 0.85 : 1;
  const week = weekday === 6 ? 1.3 : weekday === 0 ? 1.1 : weekday === 1 ? 0.8 : 1;
  return season * week;
}

/**
 * A made-up UK mobile number from a random integer: 071–075 and 077–079, as real mobiles are (070 and
 * 076 are personal and pager numbers, which print in other groupings and would look odd on a list).
 */
function ukMobile(n: number): string {
  return `+447${'12345789'[n % 8]}${String(Math.floor(n / 8) % 1e8).padStart(8, '0')}`;
}

export function generateDemoShop(ctx: ServiceContext, options: DemoOptions): DemoSummary {
  const existing = ctx.repos.customers.count();
  if (existing > 0 && !options.replace) {
    throw new AppError(
      'CONFLICT',
      `This data file already holds ${existing} customers, so the demo shop was not added. Use a new file (--db demo.sqlite).`,
    );
  }
  const random = seededRandom(options.seed);
  const faker = new Faker({ locale: [en_GB, en] });
  faker.seed(options.seed);
  const until = options.until ?? today(ctx);
  const lastDay = toDayNumber(until);
  const firstDay = lastDay - Math.round(options.years * 365);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = nowIso(ctx);

  let visits = 0;
  // What people said, saved once every visit is in (a comment points at its visit, and the bulk load
  // holds visits back to write many at a time).
  const feedback: { fields: FeedbackWrite; doneNote: string | null }[] = [];
  ctx.db.transaction(() => {
    // A shop that has not been named yet becomes the demo bakery, in pounds like its phone numbers.
    if (ctx.repos.settings.get().shopName === DEFAULT_SETTINGS.shopName) {
      ctx.repos.settings.set({ shopName: DEMO_SHOP_NAME, currency: 'GBP', locale: 'en-GB' });
    }
    // A million visits one insert at a time, each moving its customer's totals and four indexes,
    // took most of a minute: loaded in bulk, it is a fraction of that.
    ctx.repos.visits.bulkLoad(now, options.customers * VISITS_PER_CUSTOMER, (loader) => {
      const saveVisit = (customerId: number, visit: VisitIn): number => {
        const id = loader.add(customerId, visit, null);
        if (id === null) throw new Error('a visit without a fingerprint is always saved');
        return id;
      };
      for (let i = 0; i < options.customers; i++) {
        let roll = random();
        const type = ARCHETYPES.find((a) => (roll -= a.share) < 0) ?? ARCHETYPES[3]!;
        const first = faker.person.firstName();
        const last = faker.person.lastName();
        const hasEmail = random() < 0.7;
        const customerId = ctx.repos.customers.insert(
          {
            name: `${first} ${last}`,
            phone: random() < 0.85 ? ukMobile(Math.floor(random() * 1e9)) : null,
            email: hasEmail ? `${first}.${last}${Math.floor(random() * 90 + 10)}@${pick(['gmail.com', 'outlook.com', 'icloud.com', 'yahoo.co.uk'])}`.toLowerCase().replace(/[^a-z0-9.@]/g, '') : null,
            birthday: random() < 0.55 ? fromDayNumber(toDayNumber('1950-01-01') + Math.floor(random() * 365 * 55)) : null,
            tags: type.name === 'big' ? ['orders'] : type.name === 'daily' ? ['regular'] : [],
            notes: type.name === 'big' ? 'Orders celebration cakes; likes to be called the day before.' : random() < 0.05 ? 'Gluten-free when possible.' : '',
            marketingConsent: random() < 0.5,
            externalRef: null,
          },
          now,
        );

        // When they discovered the shop, and (for lapsed customers) when they stopped coming.
        const start = type.recent
          ? lastDay - Math.floor(random() * 60)
          : firstDay + Math.floor(Math.pow(random(), 1.4) * (lastDay - firstDay - 30));
        const end = type.lapses ? lastDay - 60 - Math.floor(random() * 240) : lastDay;
        const gap = type.gapDays * (0.7 + random() * 0.6);
        const customerVisits: { day: number; id: number }[] = [];
        let day = start;
        while (day <= end) {
          if (random() < demandFactor(day) / 1.4) {
            const amount = Math.max(150, Math.round((type.spendCents * Math.exp(type.spendSpread * normal())) / 10) * 10);
            const refund = random() < 0.003;
            const id = saveVisit(customerId, {
              date: fromDayNumber(day),
              amountCents: refund ? -Math.round(amount / 2) : amount,
              items: refund ? 'Refund: ' + pick(type.items) : pick(type.items),
              staff: pick(STAFF),
              paymentMethod: pick(PAYMENT),
            });
            customerVisits.push({ day, id });
            visits++;
          }
          day += Math.max(1, Math.round(-Math.log(1 - random()) * gap));
          if (type.name === 'occasional' && customerVisits.length >= 2 + Math.floor(random() * 5)) break;
        }
        if (customerVisits.length === 0) {
          const id = saveVisit(customerId, {
            date: fromDayNumber(Math.min(start, lastDay)),
            amountCents: type.spendCents,
            items: pick(type.items),
            staff: pick(STAFF),
            paymentMethod: pick(PAYMENT),
          });
          customerVisits.push({ day: Math.min(start, lastDay), id });
          visits++;
        }

        // About one customer in four says something; lapsed customers are the unhappy ones more often.
        const says = random() < (type.name === 'daily' || type.name === 'big' ? 0.6 : 0.22);
        if (!says) continue;
        const times = 1 + Math.floor(random() * (type.name === 'daily' ? 3 : 2));
        for (let f = 0; f < times; f++) {
          const visit = pick(customerVisits);
          const unhappy = random() < (type.lapses ? 0.45 : 0.12);
          const nps = unhappy ? Math.floor(random() * 7) : random() < 0.25 ? 7 + Math.floor(random() * 2) : 9 + Math.floor(random() * 2);
          const rating = random() < 0.7 ? (unhappy ? 1 + Math.floor(random() * 3) : nps >= 9 ? 4 + Math.floor(random() * 2) : 3 + Math.floor(random() * 2)) : null;
          const comment =
            random() < 0.03 ? pick(FOREIGN) : random() < 0.75 ? (unhappy ? pick(COMPLAINTS) : nps >= 9 ? pick(PRAISE) : pick(NEUTRAL)) : '';
          const askedNps = random() < 0.85;
          const npsValue = askedNps ? nps : null;
          let followUp = defaultFollowUp(npsValue, rating);
          // Older complaints have mostly been dealt with already.
          if (followUp === 'open' && visit.day < lastDay - 45 && random() < 0.8) followUp = 'done';
          feedback.push({
            fields: { customerId, visitId: visit.id, date: fromDayNumber(visit.day), nps: npsValue, rating: npsValue === null && rating === null ? 4 : rating, comment, followUp, source: 'manual' },
            doneNote: followUp === 'done' ? pick(['Called, offered a free coffee.', 'Apologised in person.', 'Sent a voucher.']) : null,
          });
        }
      }
    });
    for (const { fields, doneNote } of feedback) {
      const feedbackId = ctx.repos.feedback.insert(fields, now);
      if (doneNote !== null) ctx.repos.feedback.setFollowUp(feedbackId, 'done', doneNote);
    }
  })();
  return { customers: options.customers, visits, feedback: feedback.length, firstDate: fromDayNumber(firstDay), lastDate: addDays(until, 0) };
}
