import type { TextResult } from "@candor/shared";
import { textTalkingPoint } from "./result-format";
import { useFittingCount } from "./fitting-count";
import { useResultWords } from "./result-words";

// Enough to start a conversation; the exports carry the full list.
const WORDS_SHOWN = 10;

// On the projector: as many as one screen holds, up to these.
const TEXTS_ON_PROJECTOR = 8;
const WORDS_ON_PROJECTOR = 5;

type TextResultViewProps = {
  result: TextResult;
  caption: string;
  headingLevel: 2 | 3;
  size: "normal" | "large";
};

export function TextResultView({
  result,
  caption,
  headingLevel,
  size,
}: TextResultViewProps) {
  const large = size === "large";
  const resultWords = useResultWords();
  const { t } = resultWords;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const words = result.words.slice(0, large ? WORDS_ON_PROJECTOR : WORDS_SHOWN);
  const fit = useFittingCount<HTMLDivElement>(
    TEXTS_ON_PROJECTOR,
    large,
    JSON.stringify(result.texts),
  );
  const texts = large ? result.texts.slice(0, fit.count) : result.texts;
  const top = Math.max(1, ...words.map((entry) => entry.count));
  return (
    <>
      <p className="talking-point">{textTalkingPoint(result, resultWords)}</p>
      <p className="hint">{t("text.hint")}</p>
      <div className="text-result-body" ref={fit.ref}>
        {result.texts.length > 0 && (
          <ul
            className="text-cards"
            aria-label={t("text.listLabel", { caption })}
          >
            {texts.map((text, index) => (
              <li key={index} className="text-card">
                {text}
              </li>
            ))}
            {texts.length < result.texts.length && (
              <li className="muted">
                {t("more", { count: result.texts.length - texts.length })}
              </li>
            )}
          </ul>
        )}
        {words.length > 0 && (
          <section className="word-list">
            <Heading>{t("text.wordsHeading")}</Heading>
            <p className="hint">{t("text.wordsHint")}</p>
            <ol>
              {words.map((entry) => (
                <li key={entry.word}>
                  <span className="word">{entry.word}</span>
                  <span className="bar" aria-hidden="true">
                    <span
                      className="bar-fill"
                      style={{ width: `${(entry.count / top) * 100}%` }}
                    />
                  </span>
                  <span className="num">
                    {t("text.times", { count: entry.count })}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>
    </>
  );
}
