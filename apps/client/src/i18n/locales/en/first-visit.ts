import { auth } from './auth';
import { common } from './common';
import { home } from './home';
import { participant } from './participant';
import { results } from './results';
import { screen } from './screen';
import { solo } from './solo';

// The English a phone needs on its first visit. The facilitator's namespaces (facilitator, decks) come
// with the facilitator's pages (facilitator-texts.ts), so that a join link does not download them.
export const enFirstVisit = { common, home, auth, participant, results, screen, solo };
