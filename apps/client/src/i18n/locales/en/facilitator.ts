// English text for the facilitator console pages. Keys are grouped by component; German mirrors this file key by key.
export const facilitator = {} as const;
