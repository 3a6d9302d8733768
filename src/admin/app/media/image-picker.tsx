import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { Pagination } from '../ui/data-table.tsx';
import { useLoad } from '../ui/load.ts';
import { ImageGrid } from './image-grid.tsx';
import { imageName, type LibraryImage, listImages, PAGE_SIZE } from './images.ts';
import { UploadZone } from './upload-zone.tsx';
import './media.css';

export type { LibraryImage } from './images.ts';

/*
 * The web app's one way to choose an image, for a feature image, an image in the text, an author's
 * photo or the site's logo: one from the media library (searched, a page at a time) or one uploaded
 * on the spot (file picker or drag and drop, with progress and the refusals of upload.ts). Two ways
 * to use it:
 *
 *   <ImagePicker onChoose={(image) => …} label="Choose a feature image" />
 *     A button that opens the picker. Props:
 *     - onChoose(image): the chosen image, a LibraryImage (id, alt, caption, credit, fileName,
 *       width, height, src, srcset, webpSrcset…); the picker then closes and the keyboard returns
 *       to the button.
 *     - label (optional): the button's words; "Choose an image" when left out.
 *
 *   <ImagePickerDialog onChoose={(image) => …} onClose={() => …} />
 *     The picker itself, open as soon as it is rendered (for an editor command that inserts an
 *     image): onChoose as above; onClose when the staff member cancels (Escape or Cancel). Render
 *     it while wanted and stop rendering it after either call.
 */

/** A button that opens the image picker; see the comment above. */
export function ImagePicker(props: { onChoose: (image: LibraryImage) => void; label?: string }) {
  const { t } = useApp();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    // Once the dialog is gone: the page behind a modal dialog takes no focus.
    requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <>
      <button type="button" class="secondary" ref={button} onClick={() => setOpen(true)}>
        {props.label ?? t('media.pick')}
      </button>
      {open && (
        <ImagePickerDialog
          onClose={close}
          onChoose={(image) => {
            close();
            props.onChoose(image);
          }}
        />
      )}
    </>
  );
}

/** The image picker as a modal dialog, open while rendered; see the comment above. */
export function ImagePickerDialog(props: { onChoose: (image: LibraryImage) => void; onClose: () => void }) {
  const { t } = useApp();
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<LibraryImage | undefined>();
  const list = useLoad(() => listImages(query, page), [query, page]);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const close = () => {
    dialog.current?.close();
    props.onClose();
  };
  const choose = (image: LibraryImage) => {
    dialog.current?.close();
    props.onChoose(image);
  };

  return (
    <dialog
      ref={dialog}
      class="image-picker"
      aria-labelledby="image-picker-title"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id="image-picker-title">{t('media.pickTitle')}</h2>
      <UploadZone
        id="image-picker-upload"
        onUploaded={(image) => {
          setSelected(image);
          setQuery('');
          setTyped('');
          setPage(1);
          list.reload();
        }}
      />
      <form
        class="search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          // The picker may be opened from inside another form (an author's, the settings'): its
          // search must not submit that one too.
          event.stopPropagation();
          setQuery(typed);
          setPage(1);
        }}
      >
        <label for="image-picker-search">{t('media.search')}</label>
        <div class="buttons">
          <input
            id="image-picker-search"
            type="search"
            value={typed}
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
          <button type="submit" class="secondary">
            {t('ui.search')}
          </button>
        </div>
      </form>
      {list.error && (
        <p class="error" role="alert">
          {list.error}
        </p>
      )}
      {list.data &&
        (list.data.total === 0 ? (
          <p class="muted">{query ? t('media.noMatches', { q: query }) : t('media.noImages')}</p>
        ) : (
          <ImageGrid
            images={list.data.images}
            label={t('media.results')}
            selectedId={selected?.id}
            onSelect={setSelected}
          />
        ))}
      <Pagination page={page} pages={pages} onPage={setPage} />
      <p role="status" class="muted">
        {selected ? t('media.selected', { name: imageName(selected, t('media.untitled')) }) : ''}
      </p>
      <div class="buttons">
        <button
          type="button"
          aria-disabled={selected ? undefined : 'true'}
          onClick={() => selected && choose(selected)}
        >
          {t('media.useImage')}
        </button>
        <button type="button" class="secondary" onClick={close}>
          {t('ui.cancel')}
        </button>
      </div>
    </dialog>
  );
}
