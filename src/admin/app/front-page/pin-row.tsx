import { useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { RowAction } from '../ui/data-table.tsx';
import type { MessageKey } from '../messages.ts';
import { siteDateTimeToUtc, utcToSiteDateTime } from '../ui/site-time.ts';
import { UntilField } from './until-field.tsx';

/** A pinned story as the API shows it. */
export interface PinView {
  articleId: string;
  headline: string;
  status: string;
  until: string | null;
}

/** One pinned story: its headline, how long it stays, and what can be done with it. */
export function PinRow(props: {
  view: PinView;
  error?: string | undefined;
  onUntil: (until: string | null) => void;
  onUnpin: () => void;
  onMakeLead?: () => void;
  onMoveUp?: () => void;
  onMoveDown?: () => void;
}) {
  const { t, timeZone, formatTime } = useApp();
  const { view } = props;
  const [editing, setEditing] = useState(false);
  const [until, setUntil] = useState(view.until ? utcToSiteDateTime(view.until, timeZone) : '');
  const id = `until-${view.articleId}`;
  return (
    <li class="pin" data-pin={view.articleId}>
      <p class="headline">
        <strong>{view.headline}</strong>
        {view.status !== 'published' && (
          <span class="badge">
            {' '}
            {t('frontPage.notPublished', { status: t(`ui.status.${view.status}` as MessageKey) })}
          </span>
        )}
      </p>
      <p class="muted">
        {t('frontPage.until')}: {view.until ? formatTime(view.until) : t('frontPage.untilUnpinned')}
      </p>
      {(editing || props.error) && (
        <div class="until-form">
          <UntilField id={id} value={until} onInput={setUntil} error={props.error} />
          <button
            type="button"
            class="small"
            onClick={() => {
              setEditing(false);
              props.onUntil(siteDateTimeToUtc(until, timeZone));
            }}
          >
            {t('frontPage.setUntil')}
          </button>
        </div>
      )}
      <div class="buttons">
        {props.onMoveUp && (
          <button type="button" class="secondary small" data-move={`up-${view.articleId}`} onClick={props.onMoveUp}>
            {t('ui.moveUp')}
            <span class="visually-hidden"> “{view.headline}”</span>
          </button>
        )}
        {props.onMoveDown && (
          <button type="button" class="secondary small" data-move={`down-${view.articleId}`} onClick={props.onMoveDown}>
            {t('ui.moveDown')}
            <span class="visually-hidden"> “{view.headline}”</span>
          </button>
        )}
        {props.onMakeLead && (
          <button type="button" class="secondary small" onClick={props.onMakeLead}>
            {t('frontPage.makeLead')}
            <span class="visually-hidden"> “{view.headline}”</span>
          </button>
        )}
        {!editing && !props.error && (
          <button
            type="button"
            class="secondary small"
            onClick={() => {
              setEditing(true);
              requestAnimationFrame(() => document.getElementById(id)?.focus());
            }}
          >
            {t('frontPage.changeUntil')}
            <span class="visually-hidden"> “{view.headline}”</span>
          </button>
        )}
        <RowAction label={t('frontPage.unpin')} rowName={`“${view.headline}”`} onClick={props.onUnpin} />
      </div>
    </li>
  );
}
