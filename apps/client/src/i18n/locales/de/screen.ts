import type { Translation } from '../../translation';
import type { screen as en } from '../en/screen';

export const screen: Translation<typeof en> = {};
