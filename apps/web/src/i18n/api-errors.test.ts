import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '@fou/domain';
import { ApiCallError } from '../api/client.ts';
import { apiErrorText, codedMessage, fieldErrorText } from './api-errors.ts';
import { messages } from './messages-both.ts';

// Every code the API may send (the list its error helpers are typed with) must read in both languages.
describe('the API’s error codes in the web’s words', () => {
  for (const lang of ['sv', 'en'] as const) {
    it(`every code has a ${lang} text that is not the server's fallback`, () => {
      const missing = API_ERROR_CODES.filter((code) => codedMessage({ code, message: '\u0000fallback', params: { x: 1 } }, messages[lang]) === '\u0000fallback');
      expect(missing).toEqual([]);
    });
  }

  it('English never shows a Swedish word for a code, params or not', () => {
    const swedish = /\b(och|inte|får|måste|finns|välj|år|tecken|högst|minst|redan)\b|[åäö]/i;
    const params = { max: 200, min: 2, origin: 'string', year: 2018, date: '2018-03-14', name: 'X', framework: 'VP 2018', count: 3, total: 120, sum: 130, seconds: 30, kb: 256, planYear: 2017, goals: 'a, b', items: 'y', from: '2018-01-01' };
    const swedishTexts = API_ERROR_CODES.map((code) => [code, codedMessage({ code, message: '', params }, messages.en)] as const).filter(([, text]) => swedish.test(text));
    expect(swedishTexts).toEqual([]);
  });

  it('no text prints a missing value as "undefined"', () => {
    for (const lang of ['sv', 'en'] as const) {
      const broken = API_ERROR_CODES.filter((code) => codedMessage({ code, message: '', params: { unrelated: 1 } }, messages[lang]).includes('undefined'));
      expect(broken).toEqual([]);
    }
  });

  it('words a length check around the limit the API sent', () => {
    const f = { field: 'title', in: 'body' as const, code: 'too_big', message: 'Titeln får vara högst 200 tecken.', params: { max: 200, origin: 'string' } };
    expect(fieldErrorText(f, messages.en)).toBe('At most 200 characters.');
    expect(fieldErrorText(f, messages.sv)).toBe('Högst 200 tecken.');
  });

  it('a locked year (409) names the year in English; an unknown code falls back to the server’s message', () => {
    const locked = new ApiCallError(409, { statusCode: 409, error: 'Conflict', message: 'År 2018 är låst …', code: 'year_locked', params: { year: 2018 } });
    expect(apiErrorText(locked, messages.en)).toMatch(/^2018 is locked because its annual report has been adopted/);
    const unknown = new ApiCallError(409, { statusCode: 409, error: 'Conflict', message: 'Något nytt som servern säger.', code: 'brand_new_code' });
    expect(apiErrorText(unknown, messages.en)).toBe('Något nytt som servern säger.');
    const unknownField = { field: 'x', in: 'body' as const, code: 'brand_new_code', message: 'Serverns ord.' };
    expect(fieldErrorText(unknownField, messages.en)).toBe('Serverns ord.');
  });

  it('leaves a server failure to the page’s own words', () => {
    expect(apiErrorText(new ApiCallError(500, { statusCode: 500, error: 'Internal Server Error', message: 'Internt fel.' }), messages.en)).toBeUndefined();
  });
});
