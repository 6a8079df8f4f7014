/**
 * Newest first for ISO dates ('YYYY-MM-DD'), whose text order is their time order. Plain comparison rather than
 * localeCompare: that builds an ICU collator, whose data a browser tab loads on first use inside the render.
 */
export function byValidFromDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
