import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { useLiveConnection } from '../realtime';

/**
 * A small notice while the live connection is down ("Återansluter…"), and "Uppdaterad" once it is
 * back and every open view has caught up. A polite live region that is always present.
 */
export function LiveConnectionNotice() {
  const { t } = useI18n();
  const connection = useLiveConnection((s) => s.connection);
  const recoveredAt = useLiveConnection((s) => s.recoveredAt);
  const [showRecovered, setShowRecovered] = useState(false);

  useEffect(() => {
    if (!recoveredAt) return;
    setShowRecovered(true);
    const timer = setTimeout(() => setShowRecovered(false), 5000);
    return () => clearTimeout(timer);
  }, [recoveredAt]);

  const message = connection === 'reconnecting' ? t('live.reconnecting') : showRecovered && connection === 'online' ? t('live.updated') : '';
  return (
    <p role="status" className={message ? `live-connection live-connection-${connection === 'reconnecting' ? 'down' : 'up'}` : 'live-connection live-connection-empty'}>
      {connection === 'reconnecting' && <span className="spinner" aria-hidden="true" />}
      {message}
    </p>
  );
}
