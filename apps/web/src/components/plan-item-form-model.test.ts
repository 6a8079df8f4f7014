import { describe, expect, it } from 'vitest';
import { emptyPlanItemForm, planErrorsFromApi, plannedLines, toPlanItemInput, validatePlanItem } from './plan-item-form-model.ts';
import { messages } from '../i18n/messages-both.ts';

const texts = { required: 'R', chooseOne: 'C', targetCount: 'T' };

describe('plan item form model', () => {
  it('keeps one planned line per non-empty line, trimmed', () => {
    expect(plannedLines('  Kurs i mars \n\n\t\nKurs i oktober\n')).toEqual(['Kurs i mars', 'Kurs i oktober']);
    expect(plannedLines('')).toEqual([]);
  });

  it('asks for a title, a goal and an area, and a whole-number target if any', () => {
    expect(validatePlanItem(emptyPlanItemForm(), texts)).toEqual({ title: 'R', goalId: 'C', areaId: 'C' });
    const filled = { ...emptyPlanItemForm(), title: 'Fältkurs', goalId: 1, areaId: 2 };
    expect(validatePlanItem(filled, texts)).toEqual({});
    expect(validatePlanItem({ ...filled, targetCount: '2,5' }, texts)).toEqual({ targetCount: 'T' });
    expect(validatePlanItem({ ...filled, targetCount: '-1' }, texts)).toEqual({ targetCount: 'T' });
    expect(validatePlanItem({ ...filled, targetCount: ' 0 ' }, texts)).toEqual({});
  });

  it('sends an empty target and outcome as null, and the sort order only when given', () => {
    const f = { ...emptyPlanItemForm(), title: ' Fältkurs ', goalId: 1, areaId: 2, targetCount: ' ', outcome: '  ' };
    expect(toPlanItemInput(f, 2019)).toEqual({
      year: 2019, title: 'Fältkurs', goalId: 1, areaId: 2, planned: [], staffIds: [], assignmentId: null, targetCount: null, status: 'planerad', outcome: null,
    });
    expect(toPlanItemInput({ ...f, targetCount: '4' }, 2019, 7)).toMatchObject({ targetCount: 4, sortOrder: 7 });
  });

  it('puts each server error beside the control of its first path segment, the rest on the form', () => {
    const at = (field: string, message: string) => ({ field, in: 'body' as const, code: 'x', message });
    expect(planErrorsFromApi([at('planned.2', 'För lång.'), at('planned.3', 'Tom.'), at('year', 'Låst.')])).toEqual({ planned: 'För lång. Tom.', form: 'Låst.' });
  });
  it('words a refused text by its code in the UI language', () => {
    const pnr = [{ field: 'planned.0', in: 'body' as const, code: 'personal_identity_number', message: 'server' }];
    expect(planErrorsFromApi(pnr, messages.sv).planned).toMatch(/^Texten innehåller ett personnummer eller samordningsnummer\. Klientuppgifter får inte registreras\./);
    expect(planErrorsFromApi(pnr, messages.en).planned).toMatch(/^The text contains a personal identity number/);
  });
});
