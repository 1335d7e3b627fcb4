import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

// `alt`: what the code is for, when it is not a join link (the account page's authenticator setup).
type JoinQrProps = { url: string; size?: number; className?: string; alt?: string };

export function JoinQr({ url, size = 200, className, alt }: JoinQrProps) {
  // Shown on the console and the projector too; its one text lives with the participant's words.
  const { t } = useTranslation('participant');
  const [src, setSrc] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    // Loaded on demand: only the console and the projector show a QR code, phones never need it.
    import('qrcode')
      .then(({ default: QRCode }) =>
        // Dark modules on a white ground with a quiet zone: phone cameras read that in any theme.
        QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } }),
      )
      .then((svg) => {
        if (current) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => {
        if (current) setSrc(null);
      });
    return () => {
      current = false;
    };
  }, [url]);

  const classes = ['qr', className].filter(Boolean).join(' ');
  if (!src) return <div className={`${classes} qr-placeholder`} style={{ width: size, height: size }} aria-hidden="true" />;
  return <img className={classes} src={src} width={size} height={size} alt={alt ?? t('joinQr.alt')} />;
}
