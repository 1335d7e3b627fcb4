import type { HandshakeAuth, SessionState, Snapshot } from '@candor/shared';
import { useCallback, useEffect, useReducer, useState } from 'react';
import { reduceSession } from './session-store';
import { createSocket, type CandorSocket } from './socket';
import { useLatest } from './use-latest';

// 'refused' means the server turned the handshake down; socket.io will not retry by itself.
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'refused';
export type Refusal = { code: string; message: string };

export type SessionSocketHandlers = {
  onSnapshot?: (snapshot: Snapshot, socket: CandorSocket) => void;
  onDisconnect?: () => void;
};

export type SessionSocket = {
  socket: CandorSocket | null;
  state: SessionState | null;
  status: ConnectionStatus;
  refusal: Refusal | null;
  // For a SessionState that came back in a command's acknowledgement.
  applyState: (state: SessionState) => void;
};

export function useSessionSocket(auth: HandshakeAuth | null, handlers: SessionSocketHandlers = {}): SessionSocket {
  const [state, dispatch] = useReducer(reduceSession, null);
  const [socket, setSocket] = useState<CandorSocket | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const handlersRef = useLatest(handlers);

  // Reconnect only when the identity changes, not when the caller builds a new auth object.
  const authKey = auth ? JSON.stringify(auth) : null;

  useEffect(() => {
    if (!authKey) return;
    const next = createSocket(JSON.parse(authKey) as HandshakeAuth);
    setSocket(next);
    setStatus('connecting');
    setRefusal(null);

    next.on('connect', () => setStatus('connected'));
    next.on('session:snapshot', (snapshot) => {
      dispatch({ type: 'snapshot', snapshot });
      handlersRef.current.onSnapshot?.(snapshot, next);
    });
    next.on('session:updated', (updated) => dispatch({ type: 'updated', state: updated }));
    next.on('progress:updated', (progress) => dispatch({ type: 'progress', progress }));
    next.on('results:live', (live) => dispatch({ type: 'live', live }));
    next.on('disconnect', (reason) => {
      handlersRef.current.onDisconnect?.();
      // The server closed this socket on purpose; try once more so that a revoked identity shows as refused.
      if (reason === 'io server disconnect') next.connect();
      setStatus('reconnecting');
    });
    next.on('connect_error', (error) => {
      if (next.active) {
        setStatus((previous) => (previous === 'connecting' ? 'connecting' : 'reconnecting'));
        return;
      }
      const data = (error as Error & { data?: Partial<Refusal> }).data;
      setRefusal({ code: data?.code ?? error.message, message: data?.message ?? error.message });
      setStatus('refused');
    });

    return () => {
      next.removeAllListeners();
      next.disconnect();
    };
  }, [authKey]);

  const applyState = useCallback((next: SessionState) => dispatch({ type: 'updated', state: next }), []);

  return { socket, state, status, refusal, applyState };
}
