import { useEffect, useLayoutEffect, useRef, useState } from 'react';

// How many entries of a list fit in a box that must not scroll (the projector): starts at `max` and, before
// the browser paints, takes one away while the box's content is taller than the box. Starts again when the
// data or the window size changes. `enabled` false always gives `max`.
export function useFittingCount<T extends HTMLElement>(max: number, enabled: boolean, dataKey: string) {
  const ref = useRef<T>(null);
  const [state, setState] = useState({ count: max, key: dataKey, max });

  let current = state;
  if (state.key !== dataKey || state.max !== max) {
    current = { count: max, key: dataKey, max };
    setState(current);
  }

  useLayoutEffect(() => {
    const box = ref.current;
    if (!enabled || !box || current.count <= 1) return;
    if (box.scrollHeight > box.clientHeight + 1) setState((previous) => ({ ...previous, count: previous.count - 1 }));
  });

  useEffect(() => {
    if (!enabled) return;
    const restart = () => setState((previous) => ({ ...previous, count: previous.max }));
    window.addEventListener('resize', restart);
    return () => window.removeEventListener('resize', restart);
  }, [enabled]);

  return { ref, count: enabled ? current.count : max };
}
