import type { Translation } from '../../translation';
import type { auth as en } from '../en/auth';

export const auth: Translation<typeof en> = {};
