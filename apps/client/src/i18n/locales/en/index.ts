import { decks } from './decks';
import { facilitator } from './facilitator';
import { enFirstVisit } from './first-visit';
import { homework } from './homework';
import { blind } from './blind';
import { seatmove } from './seat-move';

// Every English text: the type that keys are checked against, and the other languages' model.
export const en = { ...enFirstVisit, facilitator, decks, homework, seatmove, blind };
