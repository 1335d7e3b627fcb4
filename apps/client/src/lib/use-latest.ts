import { useLayoutEffect, useRef, type MutableRefObject } from 'react';

// A ref that always holds the value of the newest render, for listeners registered once (a key press, a socket
// event). It is set in a layout effect, in the same task as the DOM update: a key pressed on a button that has
// just been enabled runs with that render's values. (A passive effect runs later, after paint, and a key pressed
// in between ran the render before, whose control was still off.)
export function useLatest<T>(value: T): MutableRefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
