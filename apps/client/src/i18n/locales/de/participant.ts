import type { Translation } from '../../translation';
import type { participant as en } from '../en/participant';

export const participant: Translation<typeof en> = {};
