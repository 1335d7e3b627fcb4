import { Initial1795803579727 } from './1795803579727-Initial.js';
import { DecksAndTextReviews1795804882506 } from './1795804882506-DecksAndTextReviews.js';
import { PrivacyAndCouples1795805620109 } from './1795805620109-PrivacyAndCouples.js';
import { ParticipantCount1795822951847 } from './1795822951847-ParticipantCount.js';
import { CoupleFinished1796215882650 } from './1796215882650-CoupleFinished.js';
import { LivePhones1796228281301 } from './1796228281301-LivePhones.js';
import { EndedCodeIndex1796229835747 } from './1796229835747-EndedCodeIndex.js';
import { TalkAlone1796236124355 } from './1796236124355-TalkAlone.js';
import { Homework1796242732806 } from './1796242732806-Homework.js';
import { AccountSafety1796315133435 } from './1796315133435-AccountSafety.js';
import { HomeworkAudience1796315349343 } from './1796315349343-HomeworkAudience.js';
import { SeatReissue1796315596017 } from './1796315596017-SeatReissue.js';
import { TwoFactor1796319876978 } from './1796319876978-TwoFactor.js';
import { SessionAccess1796346884086 } from './1796346884086-SessionAccess.js';
import { Passkeys1796346889361 } from './1796346889361-Passkeys.js';
import { BlindReveal1796347312057 } from './1796347312057-BlindReveal.js';
import { MailTokens1796348731156 } from './1796348731156-MailTokens.js';
import { DeckAccess1796349450683 } from './1796349450683-DeckAccess.js';

// Every migration, oldest first. Landed migrations are never edited.
export const MIGRATIONS = [
  Initial1795803579727,
  DecksAndTextReviews1795804882506,
  PrivacyAndCouples1795805620109,
  ParticipantCount1795822951847,
  CoupleFinished1796215882650,
  LivePhones1796228281301,
  EndedCodeIndex1796229835747,
  TalkAlone1796236124355,
  Homework1796242732806,
  AccountSafety1796315133435,
  HomeworkAudience1796315349343,
  SeatReissue1796315596017,
  TwoFactor1796319876978,
  SessionAccess1796346884086,
  Passkeys1796346889361,
  BlindReveal1796347312057,
  MailTokens1796348731156,
  DeckAccess1796349450683,
];
