// Keeps one broken page from blanking the whole app: shows the error and lets the rest of the shell work.
import { Component, type ReactNode } from 'react';

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="note note-error" role="alert">
          {this.state.error.message}
        </div>
      );
    }
    return this.props.children;
  }
}
