// English text for the screen pages. Keys are grouped by component; German mirrors this file key by key.
export const screen = {} as const;
