import type { Translation } from '../../translation';
import type { results as en } from '../en/results';

export const results: Translation<typeof en> = {};
