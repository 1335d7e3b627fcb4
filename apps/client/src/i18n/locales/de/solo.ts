import type { Translation } from '../../translation';
import type { solo as en } from '../en/solo';

export const solo: Translation<typeof en> = {};
