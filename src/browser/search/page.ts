/**
 * The search page: runs the query in `?q=` on load, and again as the reader types or changes the
 * channel or the order, keeping the URL in step so that results can be linked and shared.
 * Every word comes from the page (its own script); results are built with DOM calls only.
 */
import type { ScriptWords } from '../../lib/route-data/search-page.ts';
import { openEngine, type Hits, type ResultView, type SortOrder } from './engine.ts';
import { hasWords } from '../../lib/search/query.ts';

const PAGE = 10;
/**
 * Keystrokes closer together than this are one word being typed: it is searched once they pause.
 * A change after a pause (a word picked in an input method, a pasted query) is searched at once.
 */
const TYPING_PAUSE_MS = 150;

const app = document.getElementById('search-app');
if (app) start(app);

function start(app: HTMLElement) {
  const words = JSON.parse(app.dataset.words ?? '{}') as ScriptWords;
  const form = app.querySelector('form')!;
  const input = app.querySelector<HTMLInputElement>('#search-page-q')!;
  const channel = app.querySelector<HTMLSelectElement>('#search-channel')!;
  const sort = app.querySelector<HTMLSelectElement>('#search-sort')!;
  const status = app.querySelector<HTMLElement>('#search-status')!;
  const list = app.querySelector<HTMLOListElement>('#search-results')!;
  const more = app.querySelector<HTMLButtonElement>('#search-more')!;
  const engine = openEngine(app.dataset.base!);

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  if ([...channel.options].some((o) => o.value === params.get('channel'))) channel.value = params.get('channel')!;
  if (params.get('sort') === 'date') sort.value = 'date';

  let run = 0;
  let hits: Hits | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastChange = -Infinity;
  /** The query of the latest search: a change back to it (an input method's second event for one word) searches nothing. */
  let searched: string | undefined;

  function syncUrl(query: string) {
    const url = new URL(location.href);
    url.search = '';
    if (query) url.searchParams.set('q', query);
    if (channel.value) url.searchParams.set('channel', channel.value);
    if (sort.value === 'date') url.searchParams.set('sort', 'date');
    history.replaceState(null, '', url);
    // The same search in the other script: the variant switch carries the query along.
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-variant-switch]')) link.search = url.search;
  }

  /**
   * The next page of results, searching older volumes of the index when the ones searched have
   * no more (at once while a page is not full; on the reader's "more" after that).
   */
  async function showMore(id: number): Promise<HTMLAnchorElement | undefined> {
    if (!hits) return undefined;
    const shown = list.children.length;
    while (hits.since !== undefined && hits.total < shown + PAGE && (shown < PAGE || hits.total === shown)) {
      hits = await hits.widen();
      if (id !== run) return undefined;
    }
    const views = await hits.load(shown, shown + PAGE);
    if (id !== run) return undefined;
    const items = views.map(renderResult);
    list.append(...items);
    const left = list.children.length < hits.total;
    more.hidden = !left && hits.since === undefined;
    more.textContent = left ? words.moreResults : words.searchOlder;
    status.textContent = statusOf(hits);
    return items[0]?.querySelector('a') ?? undefined;
  }

  function statusOf(found: Hits): string {
    if (!found.total && found.since === undefined) return words.noResults;
    const count = `${words.resultsFound} ${found.total} ${words.articlesCount}`;
    return found.since === undefined ? count : `${count}（${found.since} ${words.resultsSince}）`;
  }

  async function execute() {
    clearTimeout(timer);
    const id = ++run;
    const query = input.value.trim();
    searched = query;
    syncUrl(query);
    app.dataset.state = 'busy';
    if (!hasWords(query)) {
      hits = undefined;
      list.replaceChildren();
      more.hidden = true;
      // Punctuation or emoji alone: "nothing found" would say the archive lacks them.
      status.textContent = query ? words.searchNoWords : words.searchPrompt;
      app.dataset.state = 'done';
      return;
    }
    status.textContent = words.searching;
    try {
      const found = await (await engine).search(query, { channel: channel.value || undefined, sort: sort.value as SortOrder });
      if (id !== run) return;
      hits = found;
      list.replaceChildren();
      await showMore(id);
      if (id !== run) return;
    } catch (error) {
      if (id !== run) return;
      console.error(error);
      status.textContent = words.searchFailed;
    }
    app.dataset.state = 'done';
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void execute();
  });
  function changed() {
    const now = performance.now();
    const typing = now - lastChange < TYPING_PAUSE_MS;
    lastChange = now;
    clearTimeout(timer);
    if (input.value.trim() === searched) return;
    if (typing) timer = setTimeout(() => void execute(), TYPING_PAUSE_MS);
    else void execute();
  }
  // Mid-composition the field holds pinyin, not the reader's words: the search waits for the
  // composition's end (an input event follows it in some browsers, precedes it in others).
  input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) changed();
  });
  input.addEventListener('compositionend', changed);
  channel.addEventListener('change', () => void execute());
  sort.addEventListener('change', () => void execute());
  more.addEventListener('click', async () => {
    app.dataset.state = 'busy';
    const first = await showMore(run);
    app.dataset.state = 'done';
    // Keyboard and screen-reader users continue at the first new result, not back at the top.
    first?.focus();
  });
  void execute();
}

function renderResult(view: ResultView): HTMLLIElement {
  const li = document.createElement('li');
  const heading = li.appendChild(document.createElement('h2'));
  const link = heading.appendChild(document.createElement('a'));
  link.href = view.url;
  link.textContent = view.title;
  const meta = li.appendChild(document.createElement('p'));
  meta.className = 'meta';
  const time = meta.appendChild(document.createElement('time'));
  time.dateTime = view.date;
  time.textContent = view.date;
  for (const name of view.channels) {
    const span = meta.appendChild(document.createElement('span'));
    span.className = 'channel';
    span.textContent = name;
  }
  const excerpt = li.appendChild(document.createElement('p'));
  excerpt.className = 'excerpt';
  for (const part of view.excerpt) {
    excerpt.append(part.mark ? Object.assign(document.createElement('mark'), { textContent: part.text }) : part.text);
  }
  return li;
}
