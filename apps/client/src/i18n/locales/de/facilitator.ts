import type { Translation } from '../../translation';
import type { facilitator as en } from '../en/facilitator';

export const facilitator: Translation<typeof en> = {};
