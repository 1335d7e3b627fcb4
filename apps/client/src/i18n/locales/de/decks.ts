import type { Translation } from '../../translation';
import type { decks as en } from '../en/decks';

export const decks: Translation<typeof en> = {};
