import { describe, expect, it } from 'vitest';
import {
  canEditEvaluation, canReadEvaluationComments, combineFigures, evaluationState, evaluationTargetGroups,
  figuresFromAggregate, figuresFromAnswers, responseRate, type AnswerFigures,
} from './evaluations.ts';
import { can } from './permissions.ts';
import { STANDARD_TARGET_GROUPS } from './target-groups.ts';

describe('who may change an evaluation and read its comments', () => {
  it('lets the chief and the staff on the activity change it, nobody else', () => {
    expect(canEditEvaluation({ role: 'chef', staffId: null }, [1])).toBe(true);
    expect(canEditEvaluation({ role: 'medarbetare', staffId: 1 }, [1, 2])).toBe(true);
    expect(canEditEvaluation({ role: 'medarbetare', staffId: 3 }, [1, 2])).toBe(false);
    expect(canEditEvaluation({ role: 'medarbetare', staffId: null }, [1])).toBe(false);
    for (const role of ['rad', 'admin', 'installation', 'region'] as const) expect(canEditEvaluation({ role, staffId: 1 }, [1])).toBe(false);
  });
  it('never shows comments to the council or the account administrator', () => {
    expect(canReadEvaluationComments({ role: 'rad', staffId: 1 }, [1])).toBe(false);
    expect(canReadEvaluationComments({ role: 'admin', staffId: 1 }, [1])).toBe(false);
    expect(canReadEvaluationComments({ role: 'medarbetare', staffId: 1 }, [1])).toBe(true);
    expect(canReadEvaluationComments({ role: 'chef', staffId: null }, [])).toBe(true);
  });
  it('leaves removing answers to the chief', () => {
    expect(can('chef', 'evaluation:moderate')).toBe(true);
    for (const role of ['medarbetare', 'rad', 'admin', 'installation', 'region'] as const) expect(can(role, 'evaluation:moderate')).toBe(false);
  });
});

describe('evaluationState', () => {
  it('is open on both end dates and closed after', () => {
    expect(evaluationState('2023-09-01', '2023-09-14', '2023-08-31')).toBe('not_open');
    expect(evaluationState('2023-09-01', '2023-09-14', '2023-09-01')).toBe('open');
    expect(evaluationState('2023-09-01', '2023-09-14', '2023-09-14')).toBe('open');
    expect(evaluationState('2023-09-01', '2023-09-14', '2023-09-15')).toBe('closed');
  });
});

describe('figures', () => {
  it('counts means and shares over those who answered each question', () => {
    const answers: AnswerFigures[] = [
      { rating: 8, useful: 'helt', affects: 'ja' },
      { rating: 7, useful: 'hog', affects: 'delvis' },
      { rating: 6, useful: 'delvis', affects: null },
      { rating: null, useful: 'inte', affects: 'nej' },
    ];
    const f = figuresFromAnswers(answers);
    expect(f.answers).toBe(4);
    expect(f.ratingMean).toBe(7); // (8 + 7 + 6) / 3
    expect(f.ratingCounts).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 0, 0]);
    expect(f.useful).toEqual({ helt: 25, hog: 25, delvis: 25, inte: 25 });
    expect(f.usefulFullyOrHigh).toBe(50);
    expect(f.affects).toEqual({ ja: 33.3, delvis: 33.3, nej: 33.3 }); // 1 of 3 each
    expect(f.affectsYesOrPartly).toBe(66.7);
  });
  it('gives null, not zero, for a question nobody answered', () => {
    const f = figuresFromAnswers([]);
    expect(f.ratingMean).toBeNull();
    expect(f.usefulFullyOrHigh).toBeNull();
  });
  it('takes an aggregate as typed, adding the parts of a combined share when both are known', () => {
    const f = figuresFromAggregate({
      answers: 50, ratingMean: 7.3, usefulFullyOrHigh: 41,
      useful: { helt: null, hog: null, delvis: 47, inte: null },
      affects: { ja: 45, delvis: 41, nej: 14 }, affectsYesOrPartly: null,
    });
    expect(f.source).toBe('aggregate');
    expect(f.usefulFullyOrHigh).toBe(41);
    expect(f.affectsYesOrPartly).toBe(86);
    // The tool's own combined share wins over the sum of its rounded parts.
    const g = figuresFromAggregate({ answers: 30, ratingMean: null, usefulFullyOrHigh: null, useful: { helt: null, hog: null, delvis: null, inte: null }, affects: { ja: 14, delvis: 60, nej: 26 }, affectsYesOrPartly: 73 });
    expect(g.affectsYesOrPartly).toBe(73);
  });
  it('weights combined figures by answers', () => {
    const a = figuresFromAnswers([{ rating: 10, useful: 'helt', affects: 'ja' }]);
    const b = figuresFromAggregate({ answers: 3, ratingMean: 6, usefulFullyOrHigh: null, useful: { helt: 0, hog: 0, delvis: 100, inte: 0 }, affects: { ja: null, delvis: null, nej: null }, affectsYesOrPartly: null });
    const c = combineFigures([a, b]);
    expect(c.answers).toBe(4);
    expect(c.ratingMean).toBe(7); // (10·1 + 6·3) / 4
    expect(c.usefulFullyOrHigh).toBe(25); // (100·1 + 0·3) / 4
    expect(c.affects.ja).toBe(100); // only a has it
  });
  it('gives the response rate of attendees', () => {
    expect(responseRate(45, 90)).toBe(50);
    expect(responseRate(1, 3)).toBe(33.3);
    expect(responseRate(5, null)).toBeNull();
  });
  it('offers the standard target groups by their stable keys', () => {
    expect(evaluationTargetGroups().map((g) => g.key)).toEqual(STANDARD_TARGET_GROUPS.map((g) => g.key));
    expect(evaluationTargetGroups([]).map((g) => g.name)).toEqual(STANDARD_TARGET_GROUPS.map((g) => g.sv));
  });
  it("offers the unit's register when it has one: renamed standard groups keep their keys, added ones get grupp-<id>", () => {
    const register = [{ id: 3, key: 'politiker', name: 'Förtroendevalda' }, { id: 9, key: null, name: 'Skolpersonal' }];
    expect(evaluationTargetGroups(register)).toEqual([{ key: 'politiker', name: 'Förtroendevalda' }, { key: 'grupp-9', name: 'Skolpersonal' }]);
  });
});
