/** Sizes the case list follows as its box resizes: the height left for the grid's rows, and its width. */
import { useEffect, useState } from 'react';
import { NARROW_WIDTH } from './columns';

export function useGridHeight(ref: React.RefObject<HTMLDivElement | null>, rowHeight: number): number {
  const [h, setH] = useState(400);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setH(Math.max(200, el.clientHeight - rowHeight)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, rowHeight]);
  return h;
}

/** Whether the element is narrower than `NARROW_WIDTH` (measured, so a narrow Teams pane counts too). */
export function useNarrow(ref: React.RefObject<HTMLDivElement | null>): boolean {
  const [narrow, setNarrow] = useState(() => window.innerWidth < NARROW_WIDTH);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setNarrow(el.clientWidth < NARROW_WIDTH));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return narrow;
}
