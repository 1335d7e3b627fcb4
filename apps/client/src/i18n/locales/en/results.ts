// English text for the results pages. Keys are grouped by component; German mirrors this file key by key.
export const results = {} as const;
