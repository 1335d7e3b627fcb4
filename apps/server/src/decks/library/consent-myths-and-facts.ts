import type { ChoiceOption, Deck, SingleChoicePrompt } from '@candor/shared';

// Written for Candor. A short anonymous poll for classes: each prompt states a common myth or a
// fact about consent. The prompt body gives nothing away; the facilitator discusses the answers
// after releasing the results. The statements stay close to what consent education broadly
// agrees on. Answer key:
//   myths: silence-means-yes, relationship-means-consent, yes-to-one-thing, clothes-show-consent,
//          yes-last-time
//   facts: consent-can-be-taken-back, very-drunk, freeze-response
const options = (): ChoiceOption[] => [
  { id: 'myth', label: 'Myth' },
  { id: 'fact', label: 'Fact' },
  { id: 'not-sure', label: 'Not sure' },
];

const BODY =
  'Myth or fact? Pick what you think. There is no score, and nobody sees your own answer. The facilitator will talk about it after the results are shown.';

const statement = (id: string, title: string, contentNote?: string): SingleChoicePrompt => ({
  id,
  kind: 'single',
  title,
  body: BODY,
  ...(contentNote === undefined ? {} : { contentNote }),
  options: options(),
});

export const consentMythsAndFacts: Deck = {
  id: 'consent-myths-and-facts',
  title: 'Consent: myth or fact?',
  language: 'en',
  description:
    'A short anonymous class poll: eight statements about consent, each answered with "Myth", "Fact" or "Not sure". ' +
    'Answer key for the facilitator: facts are 2 (consent can be taken back), 4 (very drunk) and 7 (freezing); the other five are myths.',
  contentNote:
    'These statements are about consent in intimate and sexual situations, in general words. One mentions alcohol, and one mentions how people can react to something unwanted. Nobody sees your own answers unless a question says so first, and you can pass any question.',
  prompts: [
    statement('silence-means-yes', 'If someone does not say no, that means yes.'),
    statement('consent-can-be-taken-back', 'A person can take back their consent at any time, even in the middle of something.'),
    statement('relationship-means-consent', 'If two people are in a relationship, consent is already given in advance.'),
    statement('very-drunk', 'Someone who is very drunk cannot give consent.', 'This statement mentions alcohol.'),
    statement('yes-to-one-thing', 'A yes to one thing is also a yes to other things.'),
    statement('clothes-show-consent', 'What someone wears can show that they consent.'),
    statement(
      'freeze-response',
      'When something unwanted happens, some people freeze: they cannot move or speak.',
      'This statement mentions unwanted experiences and how people can react to them.',
    ),
    statement('yes-last-time', 'If someone said yes last time, it is a yes this time too.'),
  ],
};
