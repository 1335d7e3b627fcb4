// Pure helpers behind the answer forms, kept apart so that they can be tested without a browser.

// Every integer of a scale, from min to max.
export function scaleValues(min: number, max: number): number[] {
  const values: number[] = [];
  for (let value = min; value <= max; value += 1) values.push(value);
  return values;
}

// Ticks or unticks one option; null when ticking it would go past maxPicks (the UI refuses it).
export function togglePick(picked: readonly string[], optionId: string, maxPicks: number): string[] | null {
  if (picked.includes(optionId)) return picked.filter((id) => id !== optionId);
  if (picked.length >= maxPicks) return null;
  return [...picked, optionId];
}

// Moves one entry to another index; returns the same array when nothing moves.
export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length || to < 0 || to >= list.length) return list;
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

// A saved ranking, if it still ranks exactly the prompt's options; otherwise the order the prompt gives.
export function startingOrder(optionIds: readonly string[], saved: readonly string[] | null): string[] {
  if (saved && saved.length === optionIds.length && sameSet(saved, optionIds)) return [...saved];
  return [...optionIds];
}

export function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((value) => set.has(value));
}
