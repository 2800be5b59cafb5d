/** The height left for the grid's rows in its box, followed as the box resizes. */
import { useEffect, useState } from 'react';

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
