import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { editorSchema } from '../../../editor/schema.ts';
import { refusalOf } from '../media/upload.ts';
import { element } from './node-view-fields.ts';
import type { EditorServices } from './services.ts';

/*
 * Images dropped or pasted are uploaded at once (the app's one upload, media/upload.ts) while the
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

/**
 * Uploads image files into the text at pos, each with its progress bar; `report` says why a file
 * was refused, in the staff member's language.
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
          report(refusalOf(caught));
        },
      );
  }
}

/** Image files in a paste or a drop, if any. */
export function imageFilesOf(data: DataTransfer | null): File[] {
  return data ? Array.from(data.files) : [];
}
