import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

export interface PlayerErrorBoundaryProps {
  /** What to show instead of a player that threw; `reset` renders the player again. */
  fallback: (reset: () => void) => ReactNode;
  /** Told about the failure (never with a URL: player errors carry none). */
  onError?: ((error: Error) => void) | undefined;
  /** Changing this (e.g. the session id) clears a failure. */
  resetKey?: unknown;
  children?: ReactNode;
}

interface State {
  failed: boolean;
  resetKey: unknown;
}

/**
 * Keeps a failure inside the player: whatever throws while rendering it (a malformed answer, a bug),
 * the host's note-review screen stays usable and the listener gets a retry button.
 */
export class PlayerErrorBoundary extends Component<PlayerErrorBoundaryProps, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: PlayerErrorBoundaryProps, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, _info: ErrorInfo): void {
    this.props.onError?.(error);
  }

  reset = () => this.setState({ failed: false });

  override render() {
    return this.state.failed ? this.props.fallback(this.reset) : this.props.children;
  }
}
