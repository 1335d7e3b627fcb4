import type { DeckText } from '../translation.js';

// German for consent-and-boundaries.ts, by prompt id. Informal "du"; "Nein" and "Überspringen" are
// good answers here too.
const ASKING = 'Fragen und Nachfragen';
const TOUCH = 'Berührung und Nähe';
const PACE = 'Tempo und Grenzen';
const TALKING = 'Reden, während wir uns nah sind';
const SAFER_SEX = 'Safer Sex und Praktisches';
const AFTERWARDS = 'Fürsorge danach';

export const consentAndBoundariesDe: DeckText = {
  title: 'Konsens und Grenzen',
  description:
    'Eine Ja-/Vielleicht-/Nein-Liste zu Fragen und Nachfragen, Berührung, Tempo, Reden in Momenten der Nähe, Safer Sex und Fürsorge danach, gefolgt von einer Frage dazu, wie du gern gefragt wirst.',
  contentNote:
    'Diese Fragen handeln von Nähe, Berührung und Intimität, in allgemeinen Worten. Niemand sieht deine eigenen Antworten, außer eine Frage sagt es vorher, und du kannst jede Frage überspringen.',
  prompts: {
    'yes-maybe-no': {
      title: 'Was ist für dich ein Ja, ein Vielleicht oder ein Nein?',
      body: 'Antworte für dich, so wie es heute für dich ist. „Nein“ ist eine gute Antwort. „Vielleicht“ ist auch eine gute Antwort: Oft heißt es „Lass uns erst darüber reden“. Du kannst jeden Punkt auslassen.',
      contentNote: 'Diese Liste erwähnt körperliche und sexuelle Nähe sowie Safer Sex, in allgemeinen Worten.',
      categories: {
        'Asking and checking in': ASKING,
        'Touch and closeness': TOUCH,
        'Pace and boundaries': PACE,
        'Talking while close': TALKING,
        'Safer sex and practicalities': SAFER_SEX,
        'Care afterwards': AFTERWARDS,
      },
      labels: {
        'asked-before-touch': 'Gefragt werden, bevor mich jemand berührt',
        'talk-before': 'Vorher über Wünsche und Grenzen reden',
        'asking-again': 'Jedes Mal neu gefragt werden, nicht nur beim ersten Mal',
        'asked-in-words': 'Mit Worten gefragt werden, nicht nur mit Blicken oder Gesten',
        'stop-word': 'Ein Wort oder Zeichen vereinbaren, das „Stopp“ bedeutet',
        'own-yes-check': 'Mir einen Moment nehmen, um zu prüfen, ob mein eigenes Ja wirklich ein Ja ist',

        hugs: 'Umarmungen',
        'holding-hands': 'Händchenhalten',
        cuddling: 'Kuscheln',
        kissing: 'Küssen',
        massage: 'Massage',
        'face-hair-touch': 'Wenn jemand mein Gesicht oder meine Haare berührt',
        'touch-in-public': 'Zärtlichkeit, wo andere es sehen können',
        'touch-without-warning': 'Berührung ohne Vorwarnung, zum Beispiel von hinten',

        'slow-pace': 'Es langsam angehen, Schritt für Schritt',
        'change-mind': 'Mittendrin meine Meinung ändern – und das ist in Ordnung',
        'pause-and-decide': 'Eine Pause machen und dann gemeinsam entscheiden, ob es weitergeht',
        'stop-without-reason': 'Aufhören, ohne einen Grund nennen zu müssen',
        'not-now': '„Jetzt nicht“ sagen und an einem anderen Tag darauf zurückkommen',
        'trying-new': 'Gemeinsam etwas Neues ausprobieren',
        substances: 'Nähe, wenn jemand von uns Alkohol getrunken hat',
        'lights-on': 'Das Licht anlassen',

        'check-in-during': 'Kurzes Nachfragen, während wir uns nah sind, etwa „Noch okay?“',
        'colour-system': 'Farbwörter: Grün für „gut“, Gelb für „langsamer“, Rot für „Stopp“',
        'signal-without-words': 'Ein Zeichen ohne Worte, falls Reden schwerfällt (etwa zweimal kurz antippen)',
        'nonverbal-signals': 'Auf Körpersprache achten, nicht nur auf Worte',
        'saying-what-i-like': 'Laut sagen, was mir gefällt',
        'hearing-what-they-like': 'Von der anderen Person hören, was ihr gefällt',
        'kind-words-during': 'Liebe Worte und Komplimente hören',
        'closeness-in-quiet': 'Nähe ohne viele Worte',

        'safer-sex-talk': 'Über Safer Sex reden, bevor wir uns nahekommen',
        'health-tests-talk': 'Über aktuelle Tests auf sexuell übertragbare Infektionen reden',
        'contraception-talk': 'Über Verhütung reden, falls das für uns ein Thema ist',
        'protection-ready': 'Kondome oder anderen Schutz schon vorher bereithalten',
        'privacy-and-time': 'Wissen, dass wir ungestört sind und genug Zeit haben',
        'choosing-place': 'Den Ort gemeinsam aussuchen',

        'quiet-together': 'Danach ruhige Zeit zusammen',
        'talk-after': 'Danach darüber reden, wie es sich angefühlt hat',
        'time-alone': 'Danach etwas Zeit für mich allein',
        reassurance: 'Danach Worte, die mir Sicherheit geben',
        'practical-care': 'Praktische Fürsorge: Wasser, ein Snack, eine Decke',
        'next-day-check-in': 'Eine Nachricht am nächsten Tag, um nachzufragen',
      },
    },
    'how-to-ask': {
      title: 'Wie wirst du am liebsten gefragt, was du möchtest?',
      body: 'Wähl, was am besten zu dir passt. „Ich finde es noch heraus“ ist eine gute Antwort.',
      labels: {
        'in-the-moment': 'Mit Worten, im Moment selbst',
        'calm-talk-before': 'Vorher, in einem ruhigen Gespräch',
        'written-list': 'Mit einer schriftlichen Liste, wie dieser hier',
        'agreed-signal': 'Mit einem Zeichen, das wir vereinbart haben',
        'still-finding-out': 'Ich finde es noch heraus',
      },
    },
  },
};
