import { api } from '../api.ts';
import { useApp } from '../context.ts';
import { useLoad } from '../ui/load.ts';
import { NavigationEditor, type NavItem, type Target } from './navigation-editor.tsx';
import './navigation.css';

interface Lists {
  headerNavigation: NavItem[] | null;
  footerNavigation: NavItem[] | null;
  sections: Target[];
  pages: Target[];
}

/** The site's header and footer navigation (admins: they are site settings). */
export function NavigationScreen() {
  const { t } = useApp();
  const lists = useLoad(async (): Promise<Lists> => {
    const [settings, sections, pages] = await Promise.all([
      api<{ headerNavigation: NavItem[] | null; footerNavigation: NavItem[] | null }>('GET', '/settings'),
      api<{ sections: Array<{ id: string; name: string; position: number }> }>('GET', '/sections'),
      api<{ pages: Array<{ id: string; title: string; status: string }> }>('GET', '/pages'),
    ]);
    return {
      headerNavigation: settings.headerNavigation,
      footerNavigation: settings.footerNavigation,
      // In the order the site's default navigation uses.
      sections: [...sections.sections]
        .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
        .map((s) => ({ id: s.id, name: s.name, published: true })),
      pages: pages.pages.map((p) => ({ id: p.id, name: p.title, published: p.status === 'published' })),
    };
  });

  return (
    <>
      <h1 tabIndex={-1}>{t('navigation.title')}</h1>
      {lists.error && (
        <p class="error" role="alert">
          {lists.error}
        </p>
      )}
      {!lists.data && !lists.error && <p aria-live="polite">{t('loading')}</p>}
      {lists.data &&
        (['header', 'footer'] as const).map((which) => (
          <NavigationEditor
            key={which}
            which={which}
            items={lists.data?.[`${which}Navigation`] ?? null}
            sections={lists.data?.sections ?? []}
            pages={lists.data?.pages ?? []}
            onSaved={(saved) => lists.setData((data) => data && { ...data, [`${which}Navigation`]: saved })}
          />
        ))}
    </>
  );
}
