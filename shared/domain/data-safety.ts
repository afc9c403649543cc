/** Results of the data-safety operations: export, privacy erase, and the health check. */
import type { BackupInfo } from './backups';
import type { Customer, Feedback, Visit } from './types';

export interface ExportResult {
  folder: string;
  /** Absolute paths of the files written. */
  files: string[];
  customers: number;
  visits: number;
  feedback: number;
}

/** Everything the shop holds about one person (a data-access request). */
export interface CustomerDataExport {
  exportedAt: string;
  shopName: string;
  customer: Customer & { visits: number; totalSpentCents: number; firstVisit: string | null; lastVisit: string | null };
  visits: Visit[];
  feedback: Feedback[];
}

export interface CustomerExportResult {
  folder: string;
  files: string[];
  data: CustomerDataExport;
}

export interface EraseResult {
  customer: Customer;
  /** Backups made before the erase, which still hold the details until rotation removes them. */
  backupsStillHolding: number;
  message: string;
}

export interface EraseInactiveResult {
  /** Customers whose last visit is before this date were (or, with dryRun, would be) erased. */
  cutoff: string;
  ids: number[];
  dryRun: boolean;
  backupsStillHolding: number;
  message: string;
}

export interface DataCheckReport {
  /** True when the data file is healthy and usable. */
  ok: boolean;
  file: string;
  /** What is wrong, one sentence each; empty when ok. */
  problems: string[];
  /** What to do about it, in one sentence; null when ok. */
  advice: string | null;
  /** SQLite's own findings, for the details section. */
  integrity: string[];
  foreignKeys: string[];
  schemaVersion: number | null;
  latestVersion: number;
  sizeBytes: number;
  /** Free space on the disk holding the data file, when it can be read. */
  freeBytes: number | null;
  writable: boolean;
  latestBackup: BackupInfo | null;
}

/** Whether the app could open its data file, for the "cannot open your data" screen. */
export interface DataStatus {
  file: string;
  open: boolean;
  problem: string | null;
  /** Open, but only for reading (a read-only folder): the sentence to show, else null. */
  readOnly: string | null;
  latestBackup: BackupInfo | null;
}
