/** Entity types and actions the server writes today; the filters offer these. */
export const auditEntityTypes = [
  'project',
  'programme',
  'field_of_action',
  'user',
  'session',
  'api_token',
  'import_run',
] as const;
export const auditActions = [
  'create',
  'update',
  'status_change',
  'sign_in',
  'sign_out',
  'sign_out_everywhere',
  'revoke',
  'change_password',
  'request_password_reset',
  'reset_password',
  'export_personal_data',
  'erase_person',
  'link_oidc',
  'import',
] as const;

/** The audit log's filters and page, kept in the URL; the CSV export uses the same filters. */
export interface AuditSearch {
  entityType?: string;
  entityId?: string;
  actorUserId?: number;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
}

export const auditPageSize = 25;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed || undefined;
}

function positiveInt(value: unknown): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/** Reads the URL leniently: anything malformed is dropped rather than failing the page. */
export function parseAuditSearch(raw: Record<string, unknown>): AuditSearch {
  const from = text(raw.from, 10);
  const to = text(raw.to, 10);
  const page = positiveInt(raw.page);
  const search: AuditSearch = {
    entityType: text(raw.entityType, 50),
    entityId: text(raw.entityId, 50),
    actorUserId: positiveInt(raw.actorUserId),
    action: text(raw.action, 50),
    from: from && isoDate.test(from) ? from : undefined,
    to: to && isoDate.test(to) ? to : undefined,
    page: page && page > 1 ? page : undefined,
  };
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as AuditSearch;
}

/** The filters without the page: what the CSV export takes. */
export function auditFilters(search: AuditSearch): Omit<AuditSearch, 'page'> {
  const { page: _page, ...filters } = search;
  return filters;
}
