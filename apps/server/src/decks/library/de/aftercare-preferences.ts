import type { DeckText } from '../translation.js';

// German for aftercare-preferences.ts, by prompt id. "Aftercare" stays: it is the usual word in German
// too (die Aftercare).
const TEXT_BODY =
  'Ein paar Worte genügen. Bitte lass Namen weg und alles, woran man erkennen könnte, wer du bist.';

export const aftercarePreferencesDe: DeckText = {
  title: 'Aftercare-Vorlieben',
  description:
    'Was dir hilft, dich nach Nähe oder Sex gut zu fühlen: körperliche, emotionale und praktische Aftercare, Aftercare für dich allein, was dir am wichtigsten ist und wie du gern um Fürsorge bittest.',
  contentNote:
    'Diese Fragen handeln davon, was nach Nähe oder Sex passiert, in allgemeinen Worten. Niemand sieht deine eigenen Antworten, außer eine Frage sagt es vorher, und du kannst jede Frage überspringen.',
  prompts: {
    'aftercare-yes-maybe-no': {
      title: 'Was ist für dich nach Nähe oder Sex ein Ja, ein Vielleicht oder ein Nein?',
      body: 'Aftercare ist, was dir hilft, dich danach sicher zu fühlen und wieder bei dir anzukommen. Sie kann von jemand anderem kommen oder von dir selbst. Jedes Bedürfnis ist okay, und „Nein“ ist eine gute Antwort. Du kannst jeden Punkt auslassen.',
      contentNote: 'Diese Liste handelt von der Zeit nach körperlicher oder sexueller Nähe.',
      categories: {
        Physical: 'Körperlich',
        Emotional: 'Emotional',
        Practical: 'Praktisch',
        Solo: 'Für mich allein',
      },
      labels: {
        'being-held': 'Gehalten werden',
        'gentle-touch': 'Sanfte Berührung, etwa eine Hand auf meinem Rücken oder Arm',
        'no-touch-for-a-while': 'Eine Weile keine Berührung',
        water: 'Ein Glas Wasser',
        'something-to-eat': 'Etwas zu essen',
        warmth: 'Eine Decke oder warme Kleidung',
        'shower-or-bath': 'Eine Dusche oder ein Bad',
        'rest-lying-down': 'Ausruhen oder mich hinlegen',

        'kind-words': 'Liebe oder beruhigende Worte hören',
        'someone-stays': 'Jemand bleibt bei mir, auch wenn wir nichts sagen',
        'talk-about-feelings': 'Darüber reden, wie es mir geht',
        'what-we-liked': 'Darüber reden, was uns gefallen hat und was wir ändern würden',
        'eye-contact': 'Blickkontakt',
        'laughing-together': 'Zusammen lachen oder herumalbern',
        'room-for-mixed-feelings': 'Raum, mich danach traurig oder seltsam zu fühlen, ohne es erklären zu müssen',

        'tidy-up-together': 'Zusammen aufräumen',
        'food-together': 'Zusammen etwas kochen oder Essen bestellen',
        'how-long-we-stay': 'Vorher absprechen, wie lange wir danach noch zusammenbleiben',
        'when-we-talk-next': 'Wissen, wann wir uns das nächste Mal sehen oder sprechen',
        'home-safely': 'Nachfragen, ob ich gut nach Hause gekommen bin',
        'calm-room': 'Gedämpftes Licht und weniger Geräusche',
        'taking-turns': 'Abwechseln, wer sich um wen kümmert',

        'time-on-my-own': 'Zeit für mich allein',
        sleep: 'Schlafen',
        'music-or-a-show': 'Musik, ein Podcast oder eine vertraute Serie',
        'fresh-air': 'Ein Spaziergang oder etwas frische Luft',
        'writing-it-down': 'Meine Gedanken aufschreiben',
        'own-routine': 'Ein kleines eigenes Ritual, etwa Tee kochen',
        'message-a-friend': 'Einem Menschen schreiben, dem ich vertraue',
      },
    },
    'what-matters-most': {
      title: 'Was ist dir danach am wichtigsten?',
      body: 'Setz das Wichtigste nach oben. Es gibt keine richtige Reihenfolge.',
      labels: {
        'physical-comfort': 'Körperliches Wohlgefühl: Wärme, Wasser, Ruhe',
        closeness: 'Nähe: gehalten werden oder jemanden bei mir haben',
        'kind-words': 'Liebe und beruhigende Worte',
        'talking-it-over': 'Darüber reden, wie es war',
        space: 'Raum und Zeit für mich allein',
        'practical-help': 'Praktische Hilfe: Essen, Aufräumen, Heimweg',
        'knowing-what-next': 'Wissen, wie es zwischen uns weitergeht',
      },
    },
    'asking-for-care': {
      title: 'Wie bittest du danach am liebsten um Fürsorge?',
      labels: {
        'say-in-the-moment': 'Ich sage es im Moment selbst',
        'agree-beforehand': 'Wir sprechen es vorher ab',
        'written-list': 'Mit einer Liste, die wir zusammen geschrieben haben',
        'agreed-word': 'Mit einem vereinbarten Wort oder Zeichen',
        'other-offers-first': 'Mir ist lieber, wenn die andere Person es zuerst anbietet',
        'message-later': 'Ich schreibe später eine Nachricht',
        'look-after-myself': 'Ich kümmere mich um mich selbst und sage das',
        'hard-to-ask': 'Es fällt mir schwer, darum zu bitten',
        'not-sure-yet': 'Ich weiß es noch nicht',
      },
    },
    'cared-for-afterwards': {
      title: 'Was hilft dir danach, dich umsorgt zu fühlen? Nenn eine Sache.',
      body: TEXT_BODY,
    },
  },
};
