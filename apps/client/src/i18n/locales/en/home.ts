// English text for the home pages. Keys are grouped by component; German mirrors this file key by key.
export const home = {} as const;
