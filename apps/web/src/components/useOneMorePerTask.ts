import { startTransition, useEffect, useState } from 'react';

/**
 * How many of `count` parts of a page to draw: none until `ready`, then one more per task. Drawn in one go, a
 * page's long lists and tables were one long task on a phone (Lighthouse's blocking time); one per task, each is
 * a short one and the browser can answer a tap between them. Parts are only ever added below those drawn, so
 * nothing moves. Once all are drawn, later changes (another year, a filter) draw at once.
 */
export function useOneMorePerTask(count: number, ready: boolean): number {
  const [drawn, setDrawn] = useState(0);
  useEffect(() => {
    if (!ready || drawn >= count) return;
    const id = setTimeout(() => startTransition(() => setDrawn(drawn + 1)), 0);
    return () => clearTimeout(id);
  }, [ready, drawn, count]);
  return ready ? drawn : 0;
}
