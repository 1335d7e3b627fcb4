// English text for the auth pages. Keys are grouped by component; German mirrors this file key by key.
export const auth = {} as const;
