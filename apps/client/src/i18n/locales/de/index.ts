import type { Translation } from '../../translation';
import type { en } from '../en';
import { auth } from './auth';
import { common } from './common';
import { facilitator } from './facilitator';
import { decks } from './decks';
import { home } from './home';
import { homework } from './homework';
import { participant } from './participant';
import { results } from './results';
import { screen } from './screen';
import { blind } from './blind';
import { seatmove } from './seat-move';
import { solo } from './solo';

export const de: Translation<typeof en> = { common, home, auth, participant, facilitator, decks, results, screen, solo, homework, seatmove, blind };
