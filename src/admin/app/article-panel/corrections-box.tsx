import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import type { EditableArticle } from '../article/article-api.ts';
import { useApp } from '../context.ts';
import { errorMessage } from '../messages.ts';
import { addCorrection, type Correction, listCorrections } from './workflow-api.ts';

/** A published article's corrections and clarifications, and a form to add one. */
export function CorrectionsBox(props: { article: EditableArticle; onAdded: (correction: Correction) => void }) {
  const { t, formatTime } = useApp();
  const [kind, setKind] = useState<Correction['kind']>('correction');
  const [text, setText] = useState('');
  const [corrections, setCorrections] = useState<Correction[]>([]);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    listCorrections(props.article).then(
      (existing) =>
        setCorrections((list) => [...existing, ...list.filter((c) => !existing.some((e) => e.id === c.id))]),
      (caught: unknown) => setProblem(errorMessage(t, caught instanceof ApiError ? caught.code : 'other')),
    );
  }, [props.article.id]);
  return (
    <div class="corrections">
      {corrections.length > 0 && (
        <ul class="correction-list" aria-live="polite">
          {corrections.map((correction) => (
            <li key={correction.id}>
              <strong>{t(`panel.kind.${correction.kind}`)}</strong> ({formatTime(correction.publishedAt)}):{' '}
              {correction.body}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('panel.addCorrection')}</summary>
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            setBusy(true);
            setProblem(undefined);
            try {
              const correction = await addCorrection(props.article, kind, text.trim());
              setCorrections((list) => [...list, correction]);
              setText('');
              props.onAdded(correction);
            } catch (caught) {
              setProblem(errorMessage(t, caught instanceof ApiError ? caught.code : 'other'));
            } finally {
              setBusy(false);
            }
          }}
        >
          <fieldset>
            <legend>{t('panel.correctionKind')}</legend>
            {(['correction', 'clarification'] as const).map((value) => (
              <label key={value} class="inline">
                <input type="radio" name="correction-kind" checked={kind === value} onChange={() => setKind(value)} />{' '}
                {t(`panel.kind.${value}`)}
              </label>
            ))}
          </fieldset>
          <label for="panel-correction-text">{t('panel.correctionText')}</label>
          <textarea
            id="panel-correction-text"
            rows={3}
            maxLength={2000}
            required
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <button type="submit" disabled={busy || !text.trim()}>
            {t('panel.publishCorrection')}
          </button>
          {problem && (
            <p class="field-error" role="alert">
              {problem}
            </p>
          )}
        </form>
      </details>
    </div>
  );
}
