import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect } from 'preact/hooks';
import type { Locale } from '../messages.ts';

/**
 * The frame of a screen reached signed out: the site's name, a heading that takes the keyboard,
 * and the page's language set to the one the screen speaks.
 */
export function PublicFrame(props: {
  site: string;
  title: string;
  locale: Locale;
  /** Changes when the screen shows a new form (a link checked), to put the keyboard in it. */
  step?: string;
  children: ComponentChildren;
}) {
  useLayoutEffect(() => {
    document.documentElement.lang = props.locale;
    document.title = `${props.title} · ${props.site}`;
  }, [props.locale, props.title, props.site]);
  // The keyboard starts where the screen asks for something (autofocus works on page loads only,
  // and these screens are also reached by following a link inside the app).
  useEffect(() => {
    document.querySelector<HTMLElement>('main [autofocus]')?.focus();
  }, [props.step]);
  return (
    <main class="sign-in" id="main">
      <p class="site-name">{props.site}</p>
      <h1 tabIndex={-1}>{props.title}</h1>
      {props.children}
    </main>
  );
}
