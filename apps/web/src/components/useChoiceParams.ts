import { useSearchParams, type SetURLSearchParams } from 'react-router-dom';

/**
 * The address's query as a page's choices (a year, a rounding, a filter), for controlled radios and selects drawn
 * from it. The router changes the address in a transition, which on a busy phone commits tasks later; until then
 * React puts the controlled input back to the old choice, so a tap seemed not to take. Every change made through
 * this setter is drawn in the same event (flushSync); the figures follow as they arrive.
 */
export function useChoiceParams(): [URLSearchParams, SetURLSearchParams] {
  const [sp, setSp] = useSearchParams();
  const set: SetURLSearchParams = (next, options) => setSp(next, { ...options, flushSync: true });
  return [sp, set];
}
