/**
 * The header's search box. Nothing of the search is loaded until the reader focuses the box: then
 * the engine is fetched and warmed (Pagefind's script, WebAssembly and index metadata land in the
 * HTTP cache), so the search page opens on a warm cache. Submitting is a plain GET to the page.
 */
const form = document.querySelector<HTMLFormElement>('form[data-search-base]');
form?.addEventListener(
  'focusin',
  () => {
    void import('./engine.ts')
      .then(({ openEngine }) => openEngine(form.dataset.searchBase!))
      .catch(() => {
        // Only a warm-up: the search page reports errors itself.
      });
  },
  { once: true },
);
