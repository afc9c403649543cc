/**
 * Validates an operation's input against the contract and turns zod's issues into sentences an
 * owner can act on ("Email: That email address does not look right…").
 */
import type { z } from 'zod';
import { contract, isOpName, type OpName, type Parsed } from './contract';
import { AppError } from './result';

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  birthday: 'Birthday',
  amountCents: 'Amount',
  amount: 'Amount',
  nps: 'Recommend score',
  rating: 'Rating',
  comment: 'Comment',
  date: 'Date',
  customerId: 'Customer',
  customer: 'Customer',
  shopName: 'Shop name',
  currency: 'Currency',
  locale: 'Locale',
  marginPct: 'Margin',
  activeWindowDays: 'Active window',
  query: 'Search',
};

function labelFor(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  return (typeof last === 'string' && FIELD_LABELS[last]) || (typeof last === 'string' ? last : 'Input');
}

/** Turns a zod error into an AppError('BAD_INPUT') with one sentence per problem. */
export function badInputFrom(error: z.ZodError): AppError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.code === 'unrecognized_keys' ? `Unexpected field(s): ${issue.keys.join(', ')}.` : issue.message,
  }));
  const sentences = error.issues.map((issue, i) => `${labelFor(issue.path)}: ${issues[i]?.message ?? issue.message}`);
  return new AppError('BAD_INPUT', [...new Set(sentences)].join(' '), issues);
}

/** Parses an operation's raw input; throws AppError('BAD_INPUT') with readable messages. */
export function parseInput<K extends OpName>(op: K, raw: unknown): Parsed<K> {
  const parsed = contract[op].input.safeParse(raw ?? {});
  if (!parsed.success) throw badInputFrom(parsed.error);
  return parsed.data as Parsed<K>;
}

/** Checks that an operation name is in the contract. */
export function assertOpName(name: unknown): OpName {
  if (!isOpName(name)) throw new AppError('BAD_INPUT', `Unknown operation: ${String(name).slice(0, 80)}.`);
  return name;
}
