import { useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { RowAction } from '../ui/data-table.tsx';
import { Field, Notice, RefusalMessage, TextField } from '../ui/field.tsx';
import { useSubmit } from '../ui/refusal.ts';

/** One link as settings store it (src/settings/navigation.ts). */
export interface NavItem {
  type: 'section' | 'page' | 'link';
  id?: string;
  url?: string;
  label?: string;
}
/** A section or page a link may point at. */
export interface Target {
  id: string;
  name: string;
  published: boolean;
}
type Row = { key: number; type: NavItem['type']; id: string; url: string; label: string };

/**
 * One navigation list: links to sections, static pages or web addresses, in order, moved with
 * buttons (the keyboard stays with the moved link), each refusal beside its field. Saved as a
 * whole; "default" means the site shows its own list.
 */
export function NavigationEditor(props: {
  which: 'header' | 'footer';
  items: NavItem[] | null;
  sections: Target[];
  pages: Target[];
  onSaved: (saved: NavItem[] | null) => void;
}) {
  const { t } = useApp();
  const field = `${props.which}Navigation`;
  const counter = useRef(0);
  const row = (item: NavItem): Row => ({
    key: ++counter.current,
    type: item.type,
    id: item.id ?? '',
    url: item.url ?? '',
    label: item.label ?? '',
  });
  const [rows, setRows] = useState<Row[] | null>(() => props.items?.map(row) ?? null);
  const [notice, setNotice] = useState('');
  const submit = useSubmit('navigation');
  const which = t(`navigation.which.${props.which}`);
  const prefix = `${props.which}-nav`;
  // A refusal of the whole list (too many links), unless a link's own field says more.
  const refused = Object.keys(submit.refusal?.fields ?? {});
  const listError = refused.some((path) => path.startsWith(`${field}/`)) ? undefined : submit.fieldError(field);
  const focus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const defaults = (): Row[] => [
    ...props.sections.map((s) => row({ type: 'section', id: s.id })),
    ...(props.which === 'footer'
      ? props.pages.filter((p) => p.published).map((p) => row({ type: 'page', id: p.id }))
      : []),
  ];
  const save = async (items: NavItem[] | null) => {
    setNotice('');
    await submit.run(async () => {
      const settings = await api<Record<string, NavItem[] | null>>('PATCH', '/settings', { [field]: items });
      // The list as stored (addresses normalised): what the site now shows.
      const saved = settings[field] ?? null;
      setRows(saved?.map(row) ?? null);
      setNotice(t('navigation.saved', { which }));
      props.onSaved(saved);
    });
  };
  const stored = (all: Row[]): NavItem[] =>
    all.map((r) =>
      // An empty label is left out: the API then says what is missing (a link's label) beside the field.
      r.type === 'link'
        ? { type: 'link', url: r.url, ...(r.label.trim() ? { label: r.label } : {}) }
        : { type: r.type, id: r.id, ...(r.label.trim() ? { label: r.label } : {}) },
    );
  const change = (i: number, patch: Partial<Row>) =>
    setRows((all) => all && all.map((r, at) => (at === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: -1 | 1) => {
    if (!rows) return;
    const next = [...rows];
    const [moved] = next.splice(i, 1);
    if (!moved) return;
    next.splice(i + by, 0, moved);
    setRows(next);
    setNotice(t('navigation.moved', { n: String(i + by + 1) }));
    // The keyboard stays with the moved link: the same button, or the other one once it reaches an end.
    const to = i + by;
    const want = by < 0 ? 'up' : 'down';
    const exists = want === 'up' ? to > 0 : to < next.length - 1;
    focus(`${prefix}-${moved.key}-${exists ? want : want === 'up' ? 'down' : 'up'}`);
  };
  const remove = (i: number) => {
    if (!rows) return;
    setRows(rows.filter((_, at) => at !== i));
    setNotice(t('navigation.removed', { n: String(i + 1) }));
    focus(`${prefix}-add-section`);
  };
  const add = (type: Row['type']) => {
    const targets = type === 'section' ? props.sections : props.pages;
    const added = row({ type, ...(type === 'link' ? {} : { id: targets[0]?.id ?? '' }) });
    setRows([...(rows ?? []), added]);
    focus(`${prefix}-${added.key}-${type === 'link' ? 'url' : 'target'}`);
  };

  return (
    <section class="panel navigation-editor" aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{t(`navigation.${props.which}`)}</h2>
      <Notice>{notice}</Notice>
      <form
        ref={submit.formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (rows) void save(stored(rows));
        }}
      >
        <RefusalMessage refusal={submit.refusal} />
        {listError && <p class="field-error">{listError}</p>}
        {rows === null ? (
          <>
            <p>{t(props.which === 'header' ? 'navigation.headerDefault' : 'navigation.footerDefault')}</p>
            <button
              type="button"
              onClick={() => {
                setRows(defaults());
                focus(`${prefix}-add-section`);
              }}
            >
              {t('navigation.customize')}
            </button>
          </>
        ) : (
          <>
            {rows.length === 0 && <p class="muted">{t('navigation.empty')}</p>}
            <ol class="nav-items">
              {rows.map((r, i) => {
                const n = String(i + 1);
                const at = `${field}/${i}`;
                const id = `${prefix}-${r.key}`;
                const targets = r.type === 'section' ? props.sections : props.pages;
                return (
                  <li key={r.key}>
                    <fieldset>
                      <legend>
                        {t('navigation.item', { n })}: {t(`navigation.kind.${r.type}`)}
                      </legend>
                      {r.type === 'link' ? (
                        <TextField
                          id={`${id}-url`}
                          label={t('navigation.url', { n })}
                          error={submit.fieldError(`${at}/url`)}
                          type="url"
                          value={r.url}
                          onInput={(url) => change(i, { url })}
                        />
                      ) : (
                        <Field
                          id={`${id}-target`}
                          label={t(r.type === 'section' ? 'navigation.section' : 'navigation.page', { n })}
                          error={submit.fieldError(`${at}/id`)}
                        >
                          {(control) => (
                            <select
                              {...control}
                              value={r.id}
                              onChange={(e) => change(i, { id: e.currentTarget.value })}
                            >
                              {targets.map((target) => (
                                <option key={target.id} value={target.id}>
                                  {target.published ? target.name : t('navigation.draft', { title: target.name })}
                                </option>
                              ))}
                            </select>
                          )}
                        </Field>
                      )}
                      <TextField
                        id={`${id}-label`}
                        label={t('navigation.label', { n })}
                        hint={r.type === 'link' ? undefined : t('navigation.labelHint')}
                        error={submit.fieldError(`${at}/label`)}
                        optional={r.type !== 'link'}
                        value={r.label}
                        maxLength={80}
                        onInput={(label) => change(i, { label })}
                      />
                      <div class="buttons">
                        {i > 0 && (
                          <button type="button" class="secondary small" id={`${id}-up`} onClick={() => move(i, -1)}>
                            {t('navigation.moveUp', { n })}
                          </button>
                        )}
                        {i < rows.length - 1 && (
                          <button type="button" class="secondary small" id={`${id}-down`} onClick={() => move(i, 1)}>
                            {t('navigation.moveDown', { n })}
                          </button>
                        )}
                        <RowAction label={t('navigation.remove', { n })} onClick={() => remove(i)} />
                      </div>
                    </fieldset>
                  </li>
                );
              })}
            </ol>
            <div class="buttons">
              <button
                type="button"
                class="secondary"
                id={`${prefix}-add-section`}
                onClick={() => add('section')}
                disabled={props.sections.length === 0}
              >
                {t('navigation.addSection')}
              </button>
              <button type="button" class="secondary" onClick={() => add('page')} disabled={props.pages.length === 0}>
                {t('navigation.addPage')}
              </button>
              <button type="button" class="secondary" onClick={() => add('link')}>
                {t('navigation.addLink')}
              </button>
            </div>
            <div class="buttons save-row">
              <button type="submit" disabled={submit.busy}>
                {t('navigation.save', { which })}
              </button>
              {props.items !== null && (
                <button type="button" class="secondary" onClick={() => save(null)}>
                  {t('navigation.useDefault')}
                </button>
              )}
            </div>
          </>
        )}
      </form>
    </section>
  );
}
