/**
 * A part of the page that fails to render (data no view was made for) shows a message in its
 * place instead of taking the whole page down; the run and the form stay in the store, and
 * "Show it again" tries once more. React catches render errors only in a class component.
 */
import { Component, type ReactNode } from 'react';
import { translate, type Language } from '../i18n/index.js';
import { useDebugger } from '../store/index.js';

interface Props {
  children: ReactNode;
}

interface State {
  message?: string;
}

function FailureNotice({ message, retry }: { message: string; retry: () => void }) {
  const language: Language = useDebugger((s) => s.language);
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <p>{translate(language, 'app.render.failed', { message })}</p>
      <button type="button" className="btn-secondary mt-2" onClick={retry}>
        {translate(language, 'app.render.retry')}
      </button>
    </div>
  );
}

export class RenderFailureBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    if (this.state.message !== undefined) return <FailureNotice message={this.state.message} retry={() => this.setState({ message: undefined })} />;
    return this.props.children;
  }
}
