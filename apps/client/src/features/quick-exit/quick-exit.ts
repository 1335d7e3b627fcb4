import { QUICK_EXIT_PAGES } from '@candor/shared/rules';
import { closeAllSockets } from '../../lib/socket';

// Leaving quickly: every trace of Candor this page can reach goes, then the page is replaced (not left,
// so Back does not return to it) by a plain notes page with no script. Storage and the socket only:
// the seat stays as it is on the server, since a withdrawal would show on the partner's phone.

// Every key Candor keeps: seat tokens (candor:token:*), presenter tokens (candor:presenter:*), answers
// kept in solo mode (candor:solo:*) and the language choice (candor.language).
const CANDOR_KEY = /^candor[:.]/;

export function clearCandorStorage(): void {
  for (const area of ['localStorage', 'sessionStorage'] as const) {
    try {
      const storage = window[area];
      const keys: string[] = [];
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i);
        if (key !== null && CANDOR_KEY.test(key)) keys.push(key);
      }
      for (const key of keys) storage.removeItem(key);
    } catch {
      // Storage is off (some private modes): nothing was kept in it.
    }
  }
}

export function quickExit(): void {
  const page = document.documentElement.lang === 'de' ? QUICK_EXIT_PAGES.de : QUICK_EXIT_PAGES.en;
  clearCandorStorage();
  closeAllSockets();
  window.location.replace(page);
}

// Esc pressed twice within this time leaves too.
export const ESC_WINDOW_MS = 1000;

// A keydown handler that leaves on the second Escape within ESC_WINDOW_MS of the first.
export function escTwice(leave: () => void, now: () => number = Date.now): (event: KeyboardEvent) => void {
  let last = -Infinity;
  return (event) => {
    if (event.key !== 'Escape') return;
    const at = now();
    if (at - last <= ESC_WINDOW_MS) {
      last = -Infinity;
      leave();
    } else last = at;
  };
}
