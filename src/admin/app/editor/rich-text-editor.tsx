import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import { history } from 'prosemirror-history';
import type { Node } from 'prosemirror-model';
import { type Command, EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ArticleDocument } from '../../../content/document.ts';
import { fromProseMirror, type PMNodeJSON, toProseMirror } from '../../../editor/convert.ts';
import { editorSchema } from '../../../editor/schema.ts';
import { ImagePickerDialog } from '../media/image-picker.tsx';
import { type BlockDialog, type BlockItem, blockItems, filterItems } from './block-items.ts';
import { BlockList, InsertMenu } from './block-menu.tsx';
import { CardView } from './card-view.ts';
import { insertBlock, linkAt, removeLink, setLink } from './commands.ts';
import { EmbedDialog } from './embed-dialog.tsx';
import { EmbedView } from './embed-view.ts';
import { ImageView, PreviewEndView } from './image-view.ts';
import { markdownShortcuts } from './input-rules.ts';
import { editorKeymaps } from './keymap.ts';
import { LinkEditor } from './link-editor.tsx';
import { uniqueId } from './node-view-fields.ts';
import { pasteProps } from './paste.ts';
import { RelatedDialog } from './related-dialog.tsx';
import type { EditorServices } from './services.ts';
import { ShortcutsHelp } from './shortcuts-help.tsx';
import { slashMenu, slashState } from './slash-menu.ts';
import { type TextStats, textStats } from './text-stats.ts';
import { tkHighlight } from './tk-highlight.ts';
import { Toolbar } from './toolbar.tsx';
import { imageFilesOf, uploadImages, uploadPlaceholders } from './uploads.ts';
import './editor.css';

/** What a screen holding the editor can ask of it. */
export interface EditorHandle {
  view: EditorView;
  /** The text as a stored document (canonical form; what the admin API takes as `body`). */
  document(): ArticleDocument;
  focus(): void;
}

type Popup =
  | { kind: 'link'; from: number; to: number; href: string; at: Point }
  | { kind: 'insert'; at: Point }
  | { kind: 'help' }
  | { kind: 'related' }
  | { kind: 'embed' }
  | { kind: 'image' };
type Point = { left: number; top: number };

// Words and TKs are counted once typing pauses, not on every keystroke of a long article.
const STATS_DELAY_MS = 250;

/**
 * The newsroom's rich-text editor: ProseMirror over the stored document format, with a toolbar,
 * a link editor, slash and "+" menus, images, related-story cards and embeds as blocks edited in
 * place, TK highlights, word count and reading time. The screen around it owns saving.
 */
export function RichTextEditor(props: {
  initial: ArticleDocument;
  /** The editable area's accessible name. */
  label: string;
  services: EditorServices;
  /** Whether the menus offer the paywall's free-preview marker (an article's text does; a static page's does not). */
  freePreview?: boolean;
  /** Called on every change of the text (keep it cheap: it runs per keystroke). */
  onChange?: () => void;
  onReady?: (handle: EditorHandle) => void;
}) {
  const { services } = props;
  const { t } = services;
  const mount = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView>();
  const latest = useRef(props);
  latest.current = props;
  const [, setTick] = useState(0);
  const [popup, setPopup] = useState<Popup>();
  const [alert, setAlert] = useState<string>();
  const [stats, setStats] = useState<TextStats>({ words: 0, minutes: 0, tk: 0 });
  const ids = useMemo(() => ({ slash: uniqueId('slash'), status: uniqueId('editor-status') }), []);
  const blocks = useMemo(() => blockItems({ freePreview: props.freePreview ?? true }), []);

  /** A point below a document position, in the editor frame's coordinates (where popovers sit). */
  const pointAt = (view: EditorView, pos: number): Point => {
    const coords = view.coordsAtPos(pos);
    const box = frame.current?.getBoundingClientRect() ?? { left: 0, top: 0 };
    return { left: Math.max(0, coords.left - box.left), top: coords.bottom - box.top + 6 };
  };

  const runDialog = (dialog: BlockDialog) => setPopup({ kind: dialog });
  const chooseItem = (item: BlockItem) => {
    const view = viewRef.current;
    if (!view) return;
    setPopup(undefined);
    if ('command' in item.action) {
      item.action.command(view.state, view.dispatch, view);
      view.focus();
    } else runDialog(item.action.dialog);
  };
  const insertNode = (node: Node) => {
    const view = viewRef.current;
    if (!view) return;
    setPopup(undefined);
    insertBlock(node)(view.state, view.dispatch);
    view.focus();
  };

  const openLinkEditor: Command = (state) => {
    const view = viewRef.current;
    if (!view) return false;
    const range = linkAt(state) ?? { from: state.selection.from, to: state.selection.to, href: '' };
    setPopup({ kind: 'link', ...range, at: pointAt(view, range.to) });
    return true;
  };
  const openHelp: Command = () => {
    setPopup({ kind: 'help' });
    return true;
  };

  useEffect(() => {
    const host = mount.current;
    if (!host) return;
    let statsTimer: ReturnType<typeof setTimeout> | undefined;
    const report = (message: string) => setAlert(message);
    const slash = slashMenu({
      count: (query) => filterItems(query, t, blocks).length,
      choose(view, index, open) {
        const item = filterItems(open.query, t, blocks)[index];
        if (!item) return;
        view.dispatch(view.state.tr.delete(open.from, view.state.selection.from));
        chooseItem(item);
      },
    });
    const view = new EditorView(host, {
      state: EditorState.create({
        doc: editorSchema.nodeFromJSON(toProseMirror(props.initial)),
        plugins: [
          history(),
          slash,
          markdownShortcuts,
          ...editorKeymaps({ openLinkEditor, openHelp }),
          dropCursor(),
          gapCursor(),
          tkHighlight,
          uploadPlaceholders,
        ],
      }),
      attributes: (state): Record<string, string> => {
        const open = slashState(state);
        return {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': latest.current.label,
          'aria-describedby': ids.status,
          class: 'prose',
          spellcheck: 'true',
          ...(open ? { 'aria-controls': ids.slash, 'aria-activedescendant': `${ids.slash}-${open.index}` } : {}),
        };
      },
      nodeViews: {
        image: (node, v, getPos) => new ImageView(node, v, getPos, services),
        related: (node, v, getPos) => new CardView(node, v, getPos, services),
        embed: (node, v, getPos) => new EmbedView(node, v, getPos, services),
        preview_end: (node, v, getPos) => new PreviewEndView(node, v, getPos, services),
      },
      ...pasteProps,
      handlePaste(v, event) {
        const files = imageFilesOf(event.clipboardData);
        if (files.length === 0) return false;
        uploadImages(v, files, v.state.selection.from, services, report);
        return true;
      },
      handleDrop(v, event, _slice, moved) {
        const files = moved ? [] : imageFilesOf(event.dataTransfer);
        if (files.length === 0) return false;
        const at = v.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? v.state.selection.from;
        uploadImages(v, files, at, services, report);
        return true;
      },
      dispatchTransaction(tr) {
        view.updateState(view.state.apply(tr));
        setTick((tick) => tick + 1);
        if (tr.docChanged) {
          latest.current.onChange?.();
          clearTimeout(statsTimer);
          statsTimer = setTimeout(() => setStats(textStats(view.state)), STATS_DELAY_MS);
        }
      },
    });
    viewRef.current = view;
    setStats(textStats(view.state));
    setTick((tick) => tick + 1);
    props.onReady?.({
      view,
      document: () => fromProseMirror(view.state.doc.toJSON() as PMNodeJSON),
      focus: () => view.focus(),
    });
    return () => {
      clearTimeout(statsTimer);
      view.destroy();
      viewRef.current = undefined;
    };
  }, []);

  const view = viewRef.current;
  const open = view ? slashState(view.state) : undefined;
  const slashItems = open ? filterItems(open.query, t, blocks) : [];
  const closePopup = () => {
    setPopup(undefined);
    view?.focus();
  };

  return (
    <div class="rich-text-editor" ref={frame}>
      {view && (
        <Toolbar
          view={view}
          t={t}
          label={t('editor.formatting')}
          onLink={() => openLinkEditor(view.state)}
          onInsert={() => setPopup({ kind: 'insert', at: pointAt(view, view.state.selection.from) })}
          onHelp={() => setPopup({ kind: 'help' })}
        />
      )}
      {alert && (
        <div class="editor-alert" role="alert">
          <p>{alert}</p>
          <button type="button" onClick={() => setAlert(undefined)}>
            {t('editor.dismiss')}
          </button>
        </div>
      )}
      <div ref={mount} class="editor-text" />
      <p class="editor-status" id={ids.status}>
        <span>{t('editor.words', { count: String(stats.words) })}</span>
        <span>{t('editor.readingTime', { minutes: String(stats.minutes) })}</span>
        <span class={stats.tk > 0 ? 'tk-count has-tk' : 'tk-count'}>
          {stats.tk > 0 ? t('editor.tkCount', { count: String(stats.tk) }) : t('editor.noTk')}
        </span>
      </p>
      {open && view && (
        <div class="popover slash-menu" style={pointStyle(pointAt(view, open.from))}>
          <BlockList
            id={ids.slash}
            t={t}
            label={t('editor.blocks')}
            items={slashItems}
            active={open.index}
            onChoose={(item) => {
              view.dispatch(view.state.tr.delete(open.from, view.state.selection.from));
              chooseItem(item);
            }}
          />
        </div>
      )}
      <p class="visually-hidden" aria-live="polite">
        {open ? t('editor.slashOpen', { count: String(slashItems.length) }) : ''}
      </p>
      {popup?.kind === 'link' && view && (
        <LinkEditor
          t={t}
          href={popup.href}
          at={popup.at}
          onApply={(href) => {
            setLink(popup, href)(view.state, view.dispatch);
            closePopup();
          }}
          {...(popup.href
            ? {
                onRemove: () => {
                  removeLink(popup)(view.state, view.dispatch);
                  closePopup();
                },
              }
            : {})}
          onClose={closePopup}
        />
      )}
      {popup?.kind === 'insert' && (
        <InsertMenu t={t} blocks={blocks} at={popup.at} onChoose={chooseItem} onClose={closePopup} />
      )}
      {popup?.kind === 'help' && <ShortcutsHelp t={t} onClose={closePopup} />}
      {popup?.kind === 'related' && (
        <RelatedDialog
          services={services}
          onChoose={(article) => insertNode(editorSchema.nodes.related.create({ articleId: article.id }))}
          onClose={closePopup}
        />
      )}
      {popup?.kind === 'embed' && (
        <EmbedDialog
          services={services}
          onEmbed={(embed) => insertNode(editorSchema.nodes.embed.create({ html: embed.html }))}
          onClose={closePopup}
        />
      )}
      {popup?.kind === 'image' && (
        <ImagePickerDialog
          onChoose={(image) => insertNode(editorSchema.nodes.image.create({ imageId: image.id }))}
          onClose={closePopup}
        />
      )}
    </div>
  );
}

const pointStyle = (point: Point) => ({ left: `${point.left}px`, top: `${point.top}px` });
