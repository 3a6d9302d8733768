import { ApiError } from '../api.ts';
import { type ArticleChanges, createArticle, type EditableArticle, saveArticle } from './article-api.ts';
import { copyOf, dropLocalCopy, writeLocalCopy } from './local-copy.ts';

/** Where the article's text stands, as the save indicator says it. */
export type SaveState =
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  /** The server could not be reached: the text is kept on this device and sent when it can be. */
  | { kind: 'offline' }
  /** A new article is only made once it has a headline. */
  | { kind: 'needsHeadline' }
  | { kind: 'refused'; code: string };

// An autosave goes out this long after typing pauses (the issue asks for "within seconds").
const AUTOSAVE_DELAY_MS = 1500;
// The copy in the browser is written at most this often while typing, and at once when the tab is hidden.
const LOCAL_COPY_DELAY_MS = 300;
// Retries of a save that could not reach the server: 2 s, doubling, at most every 30 s (and at once
// when the browser says it is back online).
const RETRY_FIRST_MS = 2000;
const RETRY_MAX_MS = 30_000;

export interface SaverOptions {
  /** The article as the server last answered it; undefined for a new one, made on first save. */
  article: EditableArticle | undefined;
  /** The text as it stands (the editor's document is computed here, so it is called sparingly). */
  read: () => ArticleChanges;
  onState: (state: SaveState) => void;
  /** After every save the server took; `created` on the first save of a new article. */
  onSaved: (article: EditableArticle, created: boolean) => void;
  /** A save the server refused (not for being unreachable): a conflict, a rule, a lost session. */
  onRefused?: (error: ApiError, changes: ArticleChanges) => void;
}

/**
 * Saves an article as it is written, and never loses what was typed: every change (to the text or
 * the settings) goes to the copy in the browser (./local-copy.ts) and, after a pause, to the server; Save sends it at once. A save
 * that cannot reach the server is retried until it goes through; the copy stays until the server
 * has the text.
 */
export class ArticleSaver {
  private article: EditableArticle | undefined;
  private edits = 0;
  private savedEdits = 0;
  private sending: Promise<void> | undefined;
  private again: { explicit: boolean } | undefined;
  private autosaveTimer: ReturnType<typeof setTimeout> | undefined;
  private copyTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = RETRY_FIRST_MS;
  private lastCopy = 0;
  private state: SaveState = { kind: 'saved' };
  /** A colleague changed the article since: no autosave goes out until the conflict is resolved. */
  private held = false;

  constructor(private readonly options: SaverOptions) {
    this.article = options.article;
    window.addEventListener('online', this.retryNow);
    window.addEventListener('pagehide', this.flushCopy);
    document.addEventListener('visibilitychange', this.flushCopy);
  }

  dispose(): void {
    this.flushCopy();
    clearTimeout(this.autosaveTimer);
    clearTimeout(this.copyTimer);
    clearTimeout(this.retryTimer);
    window.removeEventListener('online', this.retryNow);
    window.removeEventListener('pagehide', this.flushCopy);
    document.removeEventListener('visibilitychange', this.flushCopy);
  }

  /** The article as the server last answered it. */
  get current(): EditableArticle | undefined {
    return this.article;
  }

  /** The server answered an action on the article (publish, submit…): later saves build on that version. */
  adopt(article: EditableArticle): void {
    this.article = article;
  }

  get hasUnsavedChanges(): boolean {
    return this.edits !== this.savedEdits;
  }

  /** Something was typed: keep a copy soon, save after a pause. */
  changed(): void {
    this.edits += 1;
    // While a conflict waits for the writer's choice the indicator keeps saying so.
    if (this.state.kind !== 'offline' && this.state.kind !== 'saving' && !this.held) this.setState({ kind: 'unsaved' });
    // Throttled, not debounced: a steady typist still gets a copy every few hundred milliseconds.
    if (this.copyTimer === undefined) {
      const wait = Math.max(0, LOCAL_COPY_DELAY_MS - (Date.now() - this.lastCopy));
      // Turning a long text into its stored form takes milliseconds: done when the browser is idle.
      this.copyTimer = setTimeout(() => {
        if ('requestIdleCallback' in window) requestIdleCallback(this.flushCopy, { timeout: 500 });
        else this.flushCopy();
      }, wait);
    }
    clearTimeout(this.autosaveTimer);
    if (this.state.kind !== 'offline' && !this.held)
      this.autosaveTimer = setTimeout(() => void this.save(false), AUTOSAVE_DELAY_MS);
  }

  /** Writes the copy in the browser now, if anything is unsaved. */
  readonly flushCopy = (): void => {
    clearTimeout(this.copyTimer);
    this.copyTimer = undefined;
    if (!this.hasUnsavedChanges) return;
    this.lastCopy = Date.now();
    const article = this.article;
    // The panel's settings are in what a save sends, so the copy keeps them with the text.
    writeLocalCopy(
      copyOf(article?.id ?? 'new', article ? String(article.version ?? article.modifiedAt) : '', this.options.read()),
    );
  };

  /**
   * Saves the text over a colleague's change, naming the version they made: the conflict dialog's
   * "Keep mine", after the staff member compared both. Refused again if the article changed once more.
   */
  async saveOver(version: number): Promise<void> {
    if (this.article) this.article = { ...this.article, version };
    this.held = false;
    await this.save(true);
  }

  /** Forgets what is unsaved (the editor is about to load another text): no copy is written for it. */
  discard(): void {
    this.savedEdits = this.edits;
    this.dispose();
  }

  private readonly retryNow = (): void => {
    if (this.state.kind === 'offline') void this.save(false);
  };

  /** Sends the text now (Save, or the autosave timer); a save already under way is followed by another. */
  async save(explicit: boolean): Promise<void> {
    clearTimeout(this.autosaveTimer);
    if (this.held && !explicit) return;
    if (this.sending) {
      this.again = { explicit: explicit || !!this.again?.explicit };
      return this.sending;
    }
    if (!this.hasUnsavedChanges && !explicit) return;
    this.sending = this.send(explicit);
    try {
      await this.sending;
    } finally {
      this.sending = undefined;
    }
    const again = this.again;
    this.again = undefined;
    if (again && this.hasUnsavedChanges) await this.save(again.explicit);
  }

  private async send(explicit: boolean): Promise<void> {
    const changes = this.options.read();
    const edits = this.edits;
    if (changes.headline.trim() === '') {
      this.flushCopy();
      this.setState({ kind: 'needsHeadline' });
      return;
    }
    this.setState({ kind: 'saving' });
    clearTimeout(this.retryTimer);
    try {
      const created = !this.article;
      const saved = this.article
        ? await saveArticle(this.article, changes, { autosave: !explicit })
        : await createArticle(changes);
      this.article = saved;
      this.savedEdits = edits;
      this.retryDelay = RETRY_FIRST_MS;
      if (created) dropLocalCopy('new');
      if (this.hasUnsavedChanges) {
        // Typing went on during the save: that is the next save's, and the copy keeps it meanwhile.
        this.flushCopy();
        this.setState({ kind: 'unsaved' });
        this.autosaveTimer = setTimeout(() => void this.save(false), AUTOSAVE_DELAY_MS);
      } else {
        dropLocalCopy(saved.id);
        this.setState({ kind: 'saved' });
      }
      this.options.onSaved(saved, created);
    } catch (caught) {
      this.flushCopy();
      const error = caught instanceof ApiError ? caught : new ApiError(0, 'OFFLINE', String(caught));
      if (error.status === 0) {
        this.setState({ kind: 'offline' });
        this.retryTimer = setTimeout(() => void this.save(false), this.retryDelay);
        this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
      } else {
        if (error.code === 'ARTICLE_CHANGED') this.held = true;
        this.setState({ kind: 'refused', code: error.code });
        this.options.onRefused?.(error, changes);
      }
    }
  }

  private setState(state: SaveState): void {
    this.state = state;
    this.options.onState(state);
  }
}
