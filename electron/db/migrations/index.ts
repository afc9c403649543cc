import type { Migration } from '../migration-types';
import { initial } from './0001-initial';
import { callList } from './0002-call-list';
import { importMappings } from './0003-import-mappings';
import { visitsFingerprintIndex } from './0004-visits-fingerprint-index';
import { dataRevision } from './0005-data-revision';
import { mappingDateOrders } from './0006-mapping-date-orders';

/** Every schema step, in order. Append only: a released step is never edited. */
export const migrations: readonly Migration[] = [initial, callList, importMappings, visitsFingerprintIndex, dataRevision, mappingDateOrders];

export const LATEST_VERSION = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
