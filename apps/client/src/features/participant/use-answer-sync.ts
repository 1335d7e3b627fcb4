import type { AnswerValue, Snapshot } from '@candor/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { sendCommand, type CandorSocket, type CommandError } from '../../lib/socket';
import { newClientId } from '../../lib/uuid';
import {
  acknowledgeAnswer,
  dropAnswer,
  emptyQueue,
  enqueueAnswer,
  requeueAll,
  requeueAnswer,
  takeQueued,
  type PendingAnswer,
  type PendingQueue,
} from './pending-answers';

const RETRY_MS = 3000;

export type AnswerSync = {
  queue: PendingQueue;
  // What the server has stored for this seat, by prompt id (from the snapshot and from acks).
  saved: Readonly<Record<string, AnswerValue>>;
  // Why the last answer was not saved; put in words where it is shown.
  failure: CommandError | null;
  submit: (promptId: string, value: AnswerValue) => void;
  // Sends whatever is still waiting, e.g. when a pause ends.
  resume: () => void;
  onSnapshot: (snapshot: Snapshot, socket: CandorSocket) => void;
  onDisconnect: () => void;
};

export function useAnswerSync(): AnswerSync {
  const queueRef = useRef<PendingQueue>(emptyQueue);
  const socketRef = useRef<CandorSocket | null>(null);
  const retryRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [queue, setQueue] = useState<PendingQueue>(emptyQueue);
  const [saved, setSaved] = useState<Record<string, AnswerValue>>({});
  const [failure, setFailure] = useState<CommandError | null>(null);

  const update = useCallback((next: PendingQueue) => {
    queueRef.current = next;
    setQueue(next);
  }, []);

  const flush = useCallback(() => {
    const socket = socketRef.current;
    if (!socket?.connected) return;
    const { queue: next, toSend } = takeQueued(queueRef.current);
    update(next);
    for (const entry of toSend) void deliver(socket, entry);

    async function deliver(target: CandorSocket, entry: PendingAnswer) {
      const { promptId, clientId, value } = entry;
      const result = await sendCommand(target, 'answer:submit', { promptId, clientId, value });
      if (result.ok) {
        const acked = acknowledgeAnswer(queueRef.current, clientId);
        update(acked.queue);
        if (acked.accepted) setSaved((previous) => ({ ...previous, [promptId]: value }));
        return;
      }
      // A pause refuses answers without storing them: keep this one as not yet saved and send it again,
      // at once when the pause ends (resume), or on the retry timer if that news came before this ack.
      if (result.error.code === 'TIMEOUT' || result.error.code === 'SESSION_PAUSED') {
        // Same clientId on the retry: if the first one did arrive, the server answers duplicate.
        update(requeueAnswer(queueRef.current, clientId));
        clearTimeout(retryRef.current);
        retryRef.current = setTimeout(flush, RETRY_MS);
        return;
      }
      update(dropAnswer(queueRef.current, clientId));
      setFailure(result.error);
    }
  }, [update]);

  useEffect(() => () => clearTimeout(retryRef.current), []);

  const submit = useCallback(
    (promptId: string, value: AnswerValue) => {
      setFailure(null);
      update(enqueueAnswer(queueRef.current, { promptId, clientId: newClientId(), value }));
      flush();
    },
    [flush, update],
  );

  const onSnapshot = useCallback(
    (snapshot: Snapshot, socket: CandorSocket) => {
      socketRef.current = socket;
      // The snapshot is taken at connect time, after every earlier ack was committed.
      setSaved(snapshot.myAnswers ?? {});
      // Resend after the snapshot, so its myAnswers cannot be newer than what we send.
      flush();
    },
    [flush],
  );

  const onDisconnect = useCallback(() => {
    clearTimeout(retryRef.current);
    update(requeueAll(queueRef.current));
  }, [update]);

  const resume = useCallback(() => {
    clearTimeout(retryRef.current);
    flush();
  }, [flush]);

  return { queue, saved, failure, submit, resume, onSnapshot, onDisconnect };
}
