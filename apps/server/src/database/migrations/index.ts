import { Initial1795803579727 } from './1795803579727-Initial.js';

// Every migration, oldest first. Landed migrations are never edited.
export const MIGRATIONS = [Initial1795803579727];
