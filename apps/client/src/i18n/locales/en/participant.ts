// English text for the participant pages. Keys are grouped by component; German mirrors this file key by key.
export const participant = {} as const;
