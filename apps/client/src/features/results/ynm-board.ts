import type { YnmItemResult, YnmResult } from '@candor/shared';

// The discussion groups as a room reads them: the server's consensus split by what was agreed on, then
// split and most maybe, in the server's order. Pure, so the sorting is tested apart from the drawing.

export type YnmGroupKey = 'agreedYes' | 'agreedNo' | 'split' | 'mostMaybe';

export type YnmBoard = {
  groups: { key: YnmGroupKey; items: YnmItemResult[] }[];
  // Items with fewer than k answers: counted, never drawn.
  withheld: number;
};

export const YNM_GROUP_KEYS: readonly YnmGroupKey[] = ['agreedYes', 'agreedNo', 'split', 'mostMaybe'];

export function ynmBoard(result: YnmResult): YnmBoard {
  const byId = new Map(result.items.map((item) => [item.id, item]));
  const pick = (ids: readonly string[]) => ids.map((id) => byId.get(id)).filter((item): item is YnmItemResult => !!item && !item.withheld);
  const consensus = pick(result.consensus);
  // A consensus item reached the threshold with yes or with no (never maybe); a tie cannot reach it.
  const lists: Record<YnmGroupKey, YnmItemResult[]> = {
    agreedYes: consensus.filter((item) => item.yes >= item.no),
    agreedNo: consensus.filter((item) => item.no > item.yes),
    split: pick(result.split),
    mostMaybe: pick(result.mostMaybe),
  };
  return {
    groups: YNM_GROUP_KEYS.map((key) => ({ key, items: lists[key] })),
    withheld: result.items.filter((item) => item.withheld).length,
  };
}

export type YnmSegment = { choice: 'yes' | 'maybe' | 'no'; count: number; share: number };

// The three segments of an item's bar, as shares of those who answered yes, maybe or no (passes apart),
// in the fixed order yes, maybe, no; empty segments are left out.
export function ynmSegments(item: Pick<YnmItemResult, 'yes' | 'maybe' | 'no' | 'answered'>): YnmSegment[] {
  if (item.answered <= 0) return [];
  return (['yes', 'maybe', 'no'] as const)
    .map((choice) => ({ choice, count: item[choice], share: item[choice] / item.answered }))
    .filter((segment) => segment.count > 0);
}
