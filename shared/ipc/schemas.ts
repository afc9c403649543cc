/**
 * Input schemas for the contract. Messages are written for a shop owner: they say what is wrong and
 * what to type instead.
 */
import { z } from 'zod';
import { isLocalDate } from '../domain/dates';

export const Id = z
  .number({ message: 'An id must be a number.' })
  .int('An id must be a whole number.')
  .positive('An id must be a positive number.');

export const LocalDateInput = z
  .string({ message: 'Please enter a date.' })
  .refine(isLocalDate, { message: 'That is not a valid date; use the form YYYY-MM-DD, for example 2024-03-31.' });

export const AmountCents = z
  .number({ message: 'The amount must be a number, for example 12.50.' })
  .int('The amount must be in whole cents.')
  .min(-100_000_000, 'The amount is too small.')
  .max(100_000_000, 'The amount is too large (over 1,000,000).');

export const Nps = z
  .number({ message: 'The recommend score must be a number from 0 to 10.' })
  .int('The recommend score must be a whole number from 0 to 10.')
  .min(0, 'The recommend score must be from 0 to 10.')
  .max(10, 'The recommend score must be from 0 to 10.');

export const Rating = z
  .number({ message: 'The rating must be a number of stars from 1 to 5.' })
  .int('The rating must be a whole number of stars from 1 to 5.')
  .min(1, 'The rating must be from 1 to 5 stars.')
  .max(5, 'The rating must be from 1 to 5 stars.');

const Name = z
  .string({ message: 'Please enter a name.' })
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'Please enter a name.').max(200, 'Keep the name under 200 characters.'));

const OptionalText = (label: string, max: number) =>
  z
    .string()
    .max(max, `${label} is too long (at most ${max} characters).`)
    .transform((s) => s.trim());

const Email = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(s), {
    message: 'That email address does not look right; it should look like name@example.com.',
  })
  .transform((s) => (s === '' ? null : s));

const Phone = z
  .string()
  .max(40, 'That phone number is too long.')
  .transform((s) => s.trim())
  .refine((s) => s === '' || /^[+()\d\s./-]{3,}$/.test(s), {
    message: 'A phone number may only hold digits, spaces and + ( ) - . /',
  })
  .transform((s) => (s === '' ? null : s));

const OptionalDate = z
  .union([z.literal(''), z.null(), LocalDateInput])
  .transform((s) => (s === '' ? null : s));

export const CustomerFields = z.object({
  name: Name,
  phone: Phone.nullable().optional(),
  email: Email.nullable().optional(),
  birthday: OptionalDate.optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20, 'At most 20 tags.').optional(),
  notes: OptionalText('The note', 5000).optional(),
  marketingConsent: z.boolean().optional(),
  externalRef: z
    .string()
    .max(100)
    .transform((s) => s.trim() || null)
    .nullable()
    .optional(),
});
export type CustomerFieldsInput = z.input<typeof CustomerFields>;
export type CustomerFieldsValue = z.output<typeof CustomerFields>;

export const CUSTOMER_SORTS = ['name', 'lastVisit', 'visits', 'totalSpent'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export const VisitFields = z.object({
  customerId: Id,
  date: LocalDateInput,
  amountCents: AmountCents,
  items: OptionalText('The description', 1000).optional(),
  staff: OptionalText('Staff', 100).nullable().optional(),
  paymentMethod: OptionalText('Payment method', 50).nullable().optional(),
});

export const FeedbackFields = z
  .object({
    customerId: Id.nullable().optional(),
    visitId: Id.nullable().optional(),
    date: LocalDateInput,
    nps: Nps.nullable().optional(),
    rating: Rating.nullable().optional(),
    comment: OptionalText('The comment', 5000).optional(),
    /** Open a follow-up. Defaults to yes for unhappy answers (NPS 0–6 or 1–2 stars). */
    followUp: z.boolean().optional(),
  })
  .refine((f) => f.nps != null || f.rating != null || (f.comment ?? '').length > 0, {
    message: 'Feedback needs a recommend score, a rating or a comment.',
    path: ['comment'],
  });

export const FEEDBACK_FILTERS = ['all', 'open', 'detractors', 'lowRatings'] as const;
export type FeedbackFilter = (typeof FEEDBACK_FILTERS)[number];

export const Paging = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
};
