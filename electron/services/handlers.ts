import type { OpName, Out, Parsed } from '../../shared/ipc/contract';
import type { ServiceContext } from './context';
import { createCustomer, deleteCustomer, getCustomer, listCustomers, searchCustomers, updateCustomer } from './customers';
import { deleteFeedback, listFeedback, logFeedback, setFollowUp } from './feedback';
import { quickLog } from './quick-log';
import { computeMetrics, customerInsight, getInsights, getToday, markCallDone, segmentMembers } from './metrics';
import { getSettings, shopOverview, updateSettings } from './settings';
import { deleteVisit, logVisit, updateVisit } from './visits';
import { createBackupNow, inspectBackup, listBackups, restoreBackup } from './backups';
import { checkData, dataStatus } from './data-check';
import { exportAllData, exportCustomer } from './export';
import { eraseCustomer, eraseInactiveCustomers } from './privacy';
import { noFolderDialog } from './folder-dialog';
import { getReport, runScheduledReport, saveReportHtml, saveReportPdf } from './report';
import { cancelImport, stageImport } from './import/stage';
import { previewImport } from './import/preview';
import { commitImport } from './import/commit';
import { listImports, undoImportOperation } from './import/history';

export type Handler<K extends OpName> = (ctx: ServiceContext, input: Parsed<K>) => Out<K> | Promise<Out<K>>;
export type HandlerTable = { [K in OpName]: Handler<K> };

/** The one table from operation name to service function; every caller goes through it. */
export const handlers: HandlerTable = {
  'customers:create': createCustomer,
  'customers:update': updateCustomer,
  'customers:delete': deleteCustomer,
  'customers:get': getCustomer,
  'customers:list': listCustomers,
  'customers:search': searchCustomers,
  'visits:log': logVisit,
  'visits:update': updateVisit,
  'visits:delete': deleteVisit,
  'visits:quickLog': quickLog,
  'feedback:log': logFeedback,
  'feedback:list': listFeedback,
  'feedback:setFollowUp': setFollowUp,
  'feedback:delete': deleteFeedback,
  'settings:get': getSettings,
  'settings:update': updateSettings,
  'shop:overview': shopOverview,
  'metrics:compute': computeMetrics,
  'insights:get': getInsights,
  'insights:members': segmentMembers,
  'customers:insight': customerInsight,
  'today:get': getToday,
  'today:done': markCallDone,
  'backups:list': listBackups,
  'backups:create': createBackupNow,
  'backups:inspect': inspectBackup,
  'backups:restore': restoreBackup,
  'data:export': exportAllData,
  'data:check': checkData,
  'data:status': dataStatus,
  'customers:export': exportCustomer,
  'customers:erase': eraseCustomer,
  'customers:eraseInactive': eraseInactiveCustomers,
  'system:chooseFolder': noFolderDialog,
  'report:get': getReport,
  'report:saveHtml': saveReportHtml,
  'report:savePdf': saveReportPdf,
  'report:scheduled': runScheduledReport,
  'import:stage': stageImport,
  'import:preview': previewImport,
  'import:commit': commitImport,
  'import:cancel': cancelImport,
  'imports:list': listImports,
  'imports:undo': undoImportOperation,
};
