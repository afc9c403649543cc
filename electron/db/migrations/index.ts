import type { Migration } from '../migration-types';
import { initial } from './0001-initial';
import { callList } from './0002-call-list';
import { importMappings } from './0003-import-mappings';

/** Every schema step, in order. Append only: a released step is never edited. */
export const migrations: readonly Migration[] = [initial, callList, importMappings];

export const LATEST_VERSION = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
