/*
 * Runs in the reader's browser (bundled by esbuild, see src/site/scripts.ts). Each embed that
 * loads from another host arrives as a facade with its markup held in an inert <template>; this
 * shows the facade's button and, when the reader presses it, swaps the embed in. Without this
 * script the facade's link to the source still works.
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-embed-load]')) {
  button.hidden = false;
  button.addEventListener(
    'click',
    () => {
      const figure = button.closest('figure');
      const facade = button.closest('.embed-facade');
      const template = figure?.querySelector<HTMLTemplateElement>('template.embed-content');
      if (!figure || !facade || !template) return;
      facade.replaceWith(template.content.cloneNode(true));
      template.remove();
      // Keyboard and screen-reader users land on what they asked for, not on the top of the page.
      const loaded = figure.querySelector<HTMLElement>('iframe, img');
      if (loaded) {
        if (!loaded.hasAttribute('tabindex') && loaded.tagName === 'IMG') loaded.tabIndex = -1;
        loaded.focus();
      }
    },
    { once: true },
  );
}
