import { useApp } from '../context.ts';
import { errorMessage } from '../messages.ts';
import type { SaveState } from './article-saver.ts';

/** Saved, saving, or why not (offline, no headline, refused), announced politely as it changes. */
export function SaveIndicator(props: { state: SaveState }) {
  const { t } = useApp();
  const { state } = props;
  const text =
    state.kind === 'refused'
      ? t('article.state.refused', { reason: errorMessage(t, state.code) })
      : t(`article.state.${state.kind}`);
  const problem = state.kind === 'offline' || state.kind === 'refused' || state.kind === 'needsHeadline';
  return (
    <p role="status" class={`save-state save-${state.kind}${problem ? ' problem' : ''}`}>
      {text}
    </p>
  );
}
