import type { Translation } from '../../translation';
import type { home as en } from '../en/home';

export const home: Translation<typeof en> = {};
