import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../api/client.ts';
import { messages } from '../i18n/messages-both.ts';
import { codeFromName, errorsFromApi, validateValues, wholeOrNull, type FieldSpec } from './register-form-model.ts';

const sv = messages.sv.registers.errors;
const m = { ...sv, wholeNumber: (min: number, max: number) => sv.wholeNumber(String(min), String(max)) };
const fields: FieldSpec[] = [
  { key: 'name', label: 'Namn', kind: 'text', required: true, maxLength: 10 },
  { key: 'population', label: 'Befolkning', kind: 'whole', required: false, min: 0, max: 50_000_000 },
  { key: 'startYear', label: 'Startår', kind: 'year', required: false },
];

describe('register form checks', () => {
  it('asks for what is required and accepts empty optional fields', () => {
    expect(validateValues(fields, { name: '  ', population: '', startYear: '' }, m)).toEqual({ name: 'Fyll i fältet.' });
    expect(validateValues(fields, { name: 'Eva', population: '', startYear: '' }, m)).toEqual({});
  });

  it('counts the trimmed length against the limit', () => {
    expect(validateValues(fields, { name: ' 0123456789 ' }, m)).toEqual({});
    expect(validateValues(fields, { name: '01234567890' }, m)).toEqual({ name: 'Skriv högst 10 tecken.' });
  });

  it('takes whole numbers written with Swedish digit grouping, and nothing else', () => {
    expect(validateValues(fields, { name: 'x', population: '27 211' }, m)).toEqual({});
    expect(validateValues(fields, { name: 'x', population: '27\u00a0211' }, m)).toEqual({});
    expect(wholeOrNull('27 211')).toBe(27211);
    for (const bad of ['27,5', '-3', 'många', '50000001']) {
      expect(validateValues(fields, { name: 'x', population: bad }, m)).toEqual({ population: 'Skriv ett heltal från 0 till 50000000.' });
    }
  });

  it('wants a year with four digits', () => {
    expect(validateValues(fields, { name: 'x', startYear: '2018' }, m)).toEqual({});
    expect(validateValues(fields, { name: 'x', startYear: '18' }, m)).toEqual({ startYear: m.year });
  });
});

describe('API errors in the form', () => {
  const keys = ['name', 'title'];
  it('puts a 400’s fields beside the form’s fields, by the first part of the path', () => {
    const err = new ApiCallError(400, {
      statusCode: 400, error: 'Bad Request', message: 'Ogiltig indata',
      fields: [{ field: 'title', in: 'body', code: 'too_big', message: 'Högst 100 tecken.' }, { field: 'code', in: 'body', code: 'invalid', message: 'Ogiltig kod.' }],
    });
    expect(errorsFromApi(err, keys, 'fel')).toEqual({ title: 'Högst 100 tecken.', form: 'Ogiltig kod.' });
  });

  it('gives a 409 its own words for the whole form, and a server failure the fallback', () => {
    expect(errorsFromApi(new ApiCallError(409, { statusCode: 409, error: 'Conflict', message: 'Aktivitetstypen Seminarium finns redan.' }), keys, 'fel'))
      .toEqual({ form: 'Aktivitetstypen Seminarium finns redan.' });
    expect(errorsFromApi(new ApiCallError(500, { statusCode: 500, error: 'Internal', message: 'boom' }), keys, 'fel')).toEqual({ form: 'fel' });
    expect(errorsFromApi(new TypeError('Failed to fetch'), keys, 'fel')).toEqual({ form: 'fel' });
  });
});

describe('a municipality’s code from its name', () => {
  it('makes the codes the seed uses for the eight owners', () => {
    expect(['Ekerö', 'Järfälla', 'Upplands-Bro', 'Upplands Väsby', 'Sundbyberg'].map(codeFromName)).toEqual(['ekero', 'jarfalla', 'upplands-bro', 'upplands-vasby', 'sundbyberg']);
  });

  it('keeps within the API’s pattern: no leading or trailing dash, at most 40 characters', () => {
    const code = codeFromName(' – Österåker & Vaxholm (gemensam nämnd) för individ- och familjeomsorg – ');
    expect(code).toMatch(/^[a-z0-9][a-z0-9-]{0,39}$/);
    expect(code.endsWith('-')).toBe(false);
    expect(codeFromName('!!!')).toBe('');
  });
});
