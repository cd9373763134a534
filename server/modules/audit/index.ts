/** Audit: the append-only record of every write — who, when, what, before and after. */

export { auditRoutes } from './audit.routes';
export { type AuditRecord, exportAudit, listAudit, recordAudit } from './audit.service';
export { auditLog } from './audit.table';
