// English text for the solo pages. Keys are grouped by component; German mirrors this file key by key.
export const solo = {} as const;
