import { useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { Pagination } from '../ui/data-table.tsx';
import { Notice } from '../ui/field.tsx';
import { useLoad } from '../ui/load.ts';
import { ImageDetails } from './image-details.tsx';
import { ImageGrid } from './image-grid.tsx';
import { UploadZone } from './upload-zone.tsx';
import { type LibraryImage, listImages, PAGE_SIZE } from './images.ts';
import './media.css';

/**
 * The media library: every image, newest first, a page at a time; search by file name, alt text,
 * caption or credit; upload by picker or drag and drop; one image's details, uses and deletion.
 */
export function MediaLibrary() {
  const { t } = useApp();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<LibraryImage | undefined>();
  const [notice, setNotice] = useState('');
  const list = useLoad(() => listImages(query, page), [query, page]);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  const close = () => {
    const id = selected?.id;
    setSelected(undefined);
    // The keyboard goes back to the image it came from.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-image-id="${id}"]`)?.focus());
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('media.title')}</h1>
      <Notice>{notice}</Notice>
      <section class="panel" aria-labelledby="upload-heading">
        <h2 id="upload-heading">{t('media.upload')}</h2>
        <UploadZone
          id="media-upload"
          multiple
          onUploaded={(image) => {
            setNotice(t('media.uploaded', { name: image.fileName }));
            setQuery('');
            setTyped('');
            setPage(1);
            list.reload();
            setSelected(image);
          }}
        />
      </section>
      <form
        class="search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(typed);
          setPage(1);
        }}
      >
        <label for="media-search">{t('media.search')}</label>
        <p class="hint" id="media-search-hint">
          {t('media.searchHint')}
        </p>
        <div class="buttons">
          <input
            id="media-search"
            type="search"
            value={typed}
            aria-describedby="media-search-hint"
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
          <button type="submit">{t('ui.search')}</button>
        </div>
      </form>
      {list.error && (
        <p class="error" role="alert">
          {list.error}
        </p>
      )}
      {!list.data && !list.error && <p aria-live="polite">{t('loading')}</p>}
      {list.data && (
        <div class={selected ? 'library with-details' : 'library'}>
          <div>
            <p class="muted" aria-live="polite">
              {list.data.total === 0
                ? query
                  ? t('media.noMatches', { q: query })
                  : t('media.noImages')
                : list.data.total === 1
                  ? t('media.countOne')
                  : t('media.count', { count: String(list.data.total) })}
            </p>
            <ImageGrid
              images={list.data.images}
              label={t('media.results')}
              selectedId={selected?.id}
              onSelect={setSelected}
            />
            <Pagination page={page} pages={pages} onPage={setPage} />
          </div>
          {selected && (
            <ImageDetails
              image={selected}
              onClose={close}
              onChanged={(image) => {
                setSelected(image);
                list.setData(
                  (data) => data && { ...data, images: data.images.map((one) => (one.id === image.id ? image : one)) },
                );
              }}
              onDeleted={(name) => {
                setSelected(undefined);
                setNotice(t('media.deleted', { name }));
                list.reload();
                document.querySelector<HTMLElement>('main h1')?.focus();
              }}
            />
          )}
        </div>
      )}
    </>
  );
}
