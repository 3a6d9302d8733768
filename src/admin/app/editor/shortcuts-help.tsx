import type { Translate } from '../messages.ts';
import { Modal } from './modal.tsx';
import { keyLabel, MARKDOWN, SHORTCUTS } from './shortcuts.ts';

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
      <table class="shortcuts">
        <caption>{t('editor.markdownShortcuts')}</caption>
        <tbody>
          {MARKDOWN.map((pattern) => (
            <tr key={pattern.typed}>
              <th scope="row">
                <kbd>{pattern.typed}</kbd>
              </th>
              <td>{t(pattern.does)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
