import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { editorSchema } from '../../../editor/schema.ts';
import { ApiError } from '../api.ts';
import { errorMessage } from '../messages.ts';
import { element } from './node-view-fields.ts';
import type { EditorServices } from './services.ts';

/*
 * Images dropped, pasted or picked are uploaded at once (POST /admin/api/media/images) while the
 * writer goes on: a progress bar stands where the image will go and follows the text as it moves.
 * When the upload is done the image takes its place; when it fails the bar goes and the message
 * says why. The text is never touched by a failed upload.
 */

type UploadMeta = { add: { id: string; pos: number; name: string } } | { remove: string };
const uploadsKey = new PluginKey<DecorationSet>('uploads');
const bars = new Map<string, HTMLProgressElement>();

export const uploadPlaceholders = new Plugin<DecorationSet>({
  key: uploadsKey,
  state: {
    init: () => DecorationSet.empty,
    apply(tr, set) {
      let next = set.map(tr.mapping, tr.doc);
      const meta = tr.getMeta(uploadsKey) as UploadMeta | undefined;
      if (meta && 'add' in meta) {
        const { id, pos, name } = meta.add;
        const bar = element('progress', { max: '100', value: '0', 'aria-label': name });
        bars.set(id, bar);
        const widget = element('div', { class: 'upload-placeholder', contenteditable: 'false' }, name, bar);
        next = next.add(tr.doc, [Decoration.widget(pos, widget, { id, side: -1 })]);
      } else if (meta && 'remove' in meta) {
        next = next.remove(next.find(undefined, undefined, (spec) => spec.id === meta.remove));
        bars.delete(meta.remove);
      }
      return next;
    },
  },
  props: { decorations: (state) => uploadsKey.getState(state) },
});

function placeholderPos(view: EditorView, id: string): number | undefined {
  return uploadsKey.getState(view.state)?.find(undefined, undefined, (spec) => spec.id === id)[0]?.from;
}

/** Where an image goes: after the top-level block holding pos (before it when it is an empty paragraph). */
function blockBoundary(view: EditorView, pos: number): number {
  const $pos = view.state.doc.resolve(pos);
  if ($pos.depth === 0) return pos;
  const top = $pos.node(1);
  return top.type === editorSchema.nodes.paragraph && top.content.size === 0 ? $pos.before(1) : $pos.after(1);
}

let uploadCount = 0;

/** "25 MB", or "300 KB" under a megabyte. */
const sizeLabel = (bytes: number) =>
  bytes >= 1048576 ? `${Math.floor(bytes / 1048576)} MB` : `${Math.floor(bytes / 1024)} KB`;

/**
 * Uploads image files into the text at pos, each with its progress bar. Files that are not images,
 * or larger than the server takes, are refused before sending; `report` says why, in the staff
 * member's language.
 */
export function uploadImages(
  view: EditorView,
  files: readonly File[],
  pos: number,
  services: EditorServices,
  report: (message: string) => void,
): void {
  const { t } = services;
  for (const file of files) {
    if (!file.type.startsWith('image/')) {
      report(t('editor.notAnImage', { name: file.name }));
      continue;
    }
    if (file.size > services.uploadLimitBytes) {
      report(t('editor.imageTooLarge', { name: file.name, limit: sizeLabel(services.uploadLimitBytes) }));
      continue;
    }
    const id = `upload-${(uploadCount += 1)}`;
    const at = blockBoundary(view, Math.min(pos, view.state.doc.content.size));
    view.dispatch(
      view.state.tr.setMeta(uploadsKey, { add: { id, pos: at, name: t('editor.uploading', { name: file.name }) } }),
    );
    services
      .uploadImage(file, (fraction) => {
        const bar = bars.get(id);
        if (bar) bar.value = Math.round(fraction * 100);
      })
      .then(
        (image) => {
          const where = placeholderPos(view, id);
          const tr = view.state.tr.setMeta(uploadsKey, { remove: id });
          if (where !== undefined) tr.insert(where, editorSchema.nodes.image.create({ imageId: image.id }));
          view.dispatch(tr);
        },
        (caught: unknown) => {
          view.dispatch(view.state.tr.setMeta(uploadsKey, { remove: id }));
          const code = caught instanceof ApiError ? caught.code : 'other';
          report(t('editor.uploadFailed', { name: file.name, reason: errorMessage(t, code) }));
        },
      );
  }
}

/** Image files in a paste or a drop, if any. */
export function imageFilesOf(data: DataTransfer | null): File[] {
  return data ? Array.from(data.files) : [];
}
