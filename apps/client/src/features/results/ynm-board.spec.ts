import type { YnmItemResult, YnmResult } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { ynmBoard, ynmSegments } from './ynm-board';

const item = (id: string, yes: number, maybe: number, no: number, withheld = false): YnmItemResult => ({
  id,
  label: id,
  yes,
  maybe,
  no,
  pass: 0,
  answered: yes + maybe + no,
  withheld,
  group: null,
  polarisation: 0,
});

const result: YnmResult = {
  kind: 'ynm',
  items: [item('hugs', 4, 0, 0), item('spanking', 0, 1, 4), item('kissing', 2, 0, 2), item('rope', 1, 3, 0), item('late', 0, 0, 0, true)],
  consensus: ['spanking', 'hugs'],
  split: ['kissing'],
  mostMaybe: ['rope'],
};

describe('ynmBoard', () => {
  it('splits consensus into agreed yes and agreed no, keeping the server order of the other groups', () => {
    const board = ynmBoard(result);
    expect(board.groups.map((group) => [group.key, group.items.map((i) => i.id)])).toEqual([
      ['agreedYes', ['hugs']],
      ['agreedNo', ['spanking']],
      ['split', ['kissing']],
      ['mostMaybe', ['rope']],
    ]);
  });

  it('counts withheld items and never draws them, even if listed', () => {
    const board = ynmBoard({ ...result, consensus: [...result.consensus, 'late'] });
    expect(board.withheld).toBe(1);
    expect(board.groups.flatMap((group) => group.items.map((i) => i.id))).not.toContain('late');
  });
});

describe('ynmSegments', () => {
  it('gives yes, maybe and no as shares of those who answered, leaving out empty ones', () => {
    expect(ynmSegments(item('x', 1, 0, 3))).toEqual([
      { choice: 'yes', count: 1, share: 0.25 },
      { choice: 'no', count: 3, share: 0.75 },
    ]);
    expect(ynmSegments(item('none', 0, 0, 0))).toEqual([]);
  });
});
