import { useTranslation } from 'react-i18next';

// A slow breathing prompt: the circle grows for about four seconds and shrinks for six. With reduced
// motion it stays still and the words carry the rhythm instead.
export function BreathingGuide() {
  const { t } = useTranslation('participant');
  return (
    <div className="breathing-guide">
      <div className="breathing-circle" aria-hidden="true" />
      <p className="breathing-words">
        <span className="motion-only">{t('care.breatheMotion')}</span>
        <span className="still-only">{t('care.breatheStill')}</span>
      </p>
    </div>
  );
}
