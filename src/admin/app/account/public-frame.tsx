import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Locale } from '../messages.ts';

/**
 * The frame of a screen reached signed out: the site's name, a heading that takes the keyboard,
 * and the page's language set to the one the screen speaks.
 */
export function PublicFrame(props: { site: string; title: string; locale: Locale; children: ComponentChildren }) {
  useEffect(() => {
    document.documentElement.lang = props.locale;
    document.title = `${props.title} · ${props.site}`;
  }, [props.locale, props.title, props.site]);
  return (
    <main class="sign-in" id="main">
      <p class="site-name">{props.site}</p>
      <h1 tabIndex={-1}>{props.title}</h1>
      {props.children}
    </main>
  );
}
