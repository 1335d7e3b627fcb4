import type { Prompt, PromptResult } from '@candor/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { sendCommand, type CandorSocket, type CommandError } from '../../lib/socket';
import { ResultView } from '../results/result-view';

type ResultPreviewProps = {
  socket: CandorSocket | null;
  prompt: Prompt | null;
  version: number;
};

// A closed prompt's result before release, for this console only: the server answers `results:preview`
// to the asking socket and broadcasts nothing, so the screen and the phones see it only once released.
// Asked again when the session moves (a withdrawal) and when texts are approved or hidden.
export function ResultPreview({ socket, prompt, version }: ResultPreviewProps) {
  const { t } = useTranslation('facilitator');
  const errorText = useErrorText();
  const [preview, setPreview] = useState<PromptResult | null>(null);
  const [error, setError] = useState<CommandError | null>(null);

  useEffect(() => {
    if (!socket) return;
    let live = true;
    const request = async () => {
      const result = await sendCommand(socket, 'results:preview', {});
      if (!live) return;
      if (result.ok) {
        setPreview(result.data);
        setError(null);
      } else {
        setError(result.error);
      }
    };
    const onChange = () => void request();
    socket.on('moderation:updated', onChange);
    socket.on('connect', onChange);
    if (socket.connected) void request();
    return () => {
      live = false;
      socket.off('moderation:updated', onChange);
      socket.off('connect', onChange);
    };
  }, [socket, version]);

  const shown = preview && preview.promptId === prompt?.id ? preview : null;
  return (
    <section aria-labelledby="preview-heading" className="card preview" data-testid="result-preview">
      <h2 id="preview-heading">{t('live.preview.heading')}</h2>
      <p className="hint">{t('live.preview.hint')}</p>
      {shown ? <ResultView prompt={prompt} result={shown} /> : !error && <p role="status">{t('live.preview.loading')}</p>}
      {error && (
        <p className="error" role="alert">
          {errorText(error)}
        </p>
      )}
    </section>
  );
}
