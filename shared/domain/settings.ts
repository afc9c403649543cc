import { z } from 'zod';

/** How the owner wants dates shown and, for imports, read when a column is ambiguous. */
export const DATE_FORMATS = ['auto', 'dmy', 'mdy', 'ymd'] as const;

/**
 * The shop's settings. Every field has a default so a brand-new shop works before the owner
 * opens Settings.
 */
export const SettingsSchema = z.object({
  shopName: z.string().trim().min(1, 'Please give the shop a name.').max(100, 'Keep the shop name under 100 characters.'),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, 'Currency must be a three-letter code such as EUR, GBP or USD.'),
  locale: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Locale must look like en-GB, de-DE or fr-FR.'),
  dateFormat: z.enum(DATE_FORMATS, { message: 'Date format must be auto, dmy, mdy or ymd.' }),
  /** Profit margin in percent (0–100), used for profit CLTV. */
  marginPct: z.number({ message: 'Margin must be a number.' }).min(0, 'Margin cannot be below 0%.').max(100, 'Margin cannot be above 100%.'),
  /** A customer counts as active if they visited within this many days. */
  activeWindowDays: z
    .number({ message: 'Active window must be a number of days.' })
    .int('Active window must be a whole number of days.')
    .min(7, 'Active window must be at least 7 days.')
    .max(730, 'Active window must be at most 730 days.'),
  /** Marketing spend per month in cents, for CAC. */
  marketingSpendMonthlyCents: z.number().int().min(0, 'Marketing spend cannot be negative.'),
  /** A second folder (e.g. a USB stick) that receives backups when present. */
  backupFolder: z.string().max(1000).nullable(),
  /** When set, last month's summary is saved there as a PDF at the first start of each month. */
  monthlyReportFolder: z.string().trim().max(1000, 'That folder path is too long.').nullable(),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  shopName: 'My shop',
  currency: 'EUR',
  locale: 'en-GB',
  dateFormat: 'auto',
  marginPct: 30,
  activeWindowDays: 90,
  marketingSpendMonthlyCents: 0,
  backupFolder: null,
  monthlyReportFolder: null,
};
