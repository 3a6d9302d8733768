import type { Translate } from '../messages.ts';
import { Modal } from './modal.tsx';
import { keyLabel, MARKDOWN, MARKDOWN_INLINE, SHORTCUTS } from './shortcuts.ts';

/** The help sheet: every shortcut and markdown pattern, opened by the "?" button and by Mod-/. */
export function ShortcutsHelp(props: { t: Translate; onClose: () => void }) {
  const { t } = props;
  return (
    <Modal id="shortcuts" title={t('editor.shortcuts')} onClose={props.onClose} closeLabel={t('editor.close')}>
      <table class="shortcuts">
        <caption>{t('editor.keyboardShortcuts')}</caption>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.keys}>
              <th scope="row">
                <kbd>{keyLabel(shortcut.keys)}</kbd>
              </th>
              <td>{t(shortcut.does)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <MarkdownTable t={t} caption={t('editor.markdownShortcuts')} patterns={MARKDOWN} />
      <MarkdownTable t={t} caption={t('editor.markdownInline')} patterns={MARKDOWN_INLINE} />
    </Modal>
  );
}

function MarkdownTable(props: { t: Translate; caption: string; patterns: typeof MARKDOWN }) {
  return (
    <table class="shortcuts">
      <caption>{props.caption}</caption>
      <tbody>
        {props.patterns.map((pattern) => (
          <tr key={pattern.typed}>
            <th scope="row">
              <kbd>{pattern.typed}</kbd>
            </th>
            <td>{props.t(pattern.does)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
