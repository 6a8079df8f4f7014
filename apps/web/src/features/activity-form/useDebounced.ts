import { useEffect, useState } from 'react';

/** The value once it has stood still for `ms` (a check that asks the API waits for a pause in the typing). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return settled;
}
