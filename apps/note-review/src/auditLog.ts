import type { AuditEvent } from '@ambient-audio/react';

/**
 * The screen's audit trail, kept outside React state: a seek is an audit event, and holding the
 * events in the screen's state re-rendered the whole note and player on every key press (a long
 * task per PageDown on a two-hour visit). Only the trail that shows them subscribes.
 */
export interface AuditLog {
  push: (event: AuditEvent) => void;
  subscribe: (listener: () => void) => () => void;
  /** The same array until an event is added. */
  events: () => readonly AuditEvent[];
}

/** Keeps the last `limit` events: the trail shows a few, and a long session must not grow without end. */
export function createAuditLog(limit = 200): AuditLog {
  let events: readonly AuditEvent[] = [];
  const listeners = new Set<() => void>();
  return {
    push: (event) => {
      events = [...events.slice(-(limit - 1)), event];
      listeners.forEach((listener) => listener());
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    events: () => events,
  };
}
