/** Input pieces for the backup, export and privacy operations. */
import { z } from 'zod';

/** A folder on this computer (a USB stick, Documents…), as a full path. */
export const FolderPath = z
  .string({ message: 'Please choose a folder.' })
  .trim()
  .min(1, 'Please choose a folder.')
  .max(1000, 'That folder path is too long.');

/** A backup: its file name in the backups folder, or a full path to a file elsewhere. */
export const BackupFile = z
  .string({ message: 'Please choose a backup.' })
  .trim()
  .min(1, 'Please choose a backup.')
  .max(1000, 'That file path is too long.');

export const InactiveYears = z
  .number({ message: 'The number of years must be a number.' })
  .int('The number of years must be a whole number.')
  .min(1, 'Choose at least 1 year.')
  .max(50, 'Choose at most 50 years.');
