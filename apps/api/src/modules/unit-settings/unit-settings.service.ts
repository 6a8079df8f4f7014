/**
 * The unit's own settings, kept by its chief. Sharing in the regional comparison is the unit's choice and is
 * recorded in the unit's audit trail: who turned it on or off, and when, is a question the council may ask.
 */
import type { UnitScope } from '../../db/unit-scope.ts';
import type { Principal } from '../../lib/access.ts';
import { notFound } from '../../lib/errors.ts';
import { auditRepository } from '../audit/audit.repository.ts';
import { unitSettingsRepository } from './unit-settings.repository.ts';
import type { UnitSettings, UnitSettingsUpdate } from './unit-settings.schemas.ts';

export function getUnitSettings(scope: UnitScope): UnitSettings {
  const unit = scope.repo(unitSettingsRepository).get();
  if (!unit) throw notFound('Enheten');
  return unit;
}

export async function updateUnitSettings(scope: UnitScope, actor: Principal, body: UnitSettingsUpdate): Promise<UnitSettings> {
  const repo = scope.repo(unitSettingsRepository);
  return scope.write(() => {
    const before = repo.get();
    if (!before) throw notFound('Enheten');
    // Saving the same choice again changes nothing and writes no line in the trail.
    if (before.sharesComparison === body.sharesComparison) return before;
    repo.setSharesComparison(body.sharesComparison);
    scope.repo(auditRepository).record({
      actor, action: 'update', entity: 'unit', entityId: before.id,
      before: { sharesComparison: before.sharesComparison }, after: { sharesComparison: body.sharesComparison },
    });
    return repo.get()!;
  });
}
