/** Reading the audit trail: newest first, a page at a time by id. It is written by each change (auditRepository.record). */
import type { UnitScope } from '../../db/unit-scope.ts';
import { auditRepository } from './audit.repository.ts';
import type { AuditQuery } from './audit.schemas.ts';

export function listAudit(scope: UnitScope, q: AuditQuery) {
  const rows = scope.repo(auditRepository).page(q);
  const items = rows.slice(0, q.limit).map((r) => ({ ...r, before: r.before ?? null, after: r.after ?? null }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? String(last.id) : null };
}
