/**
 * Link previews: hovering or focusing a link to an actor, base, event or
 * place page shows its lead and key facts. The data is one JSON file written
 * by the briefing build (public/data/previews.json), fetched on the first
 * hover or focus. Without JavaScript the links simply work.
 */
interface Preview {
  name: string;
  kind: string;
  lead: string;
  facts: string[];
}

const base = import.meta.env.BASE_URL.replace(/\/+$/, '');
const BRIEFING_PAGE = /^\/(?:actors|bases|events|places)\/[^/]+\/$/;
const HOVER_DELAY_MS = 250;

let previews: Promise<Record<string, Preview>> | undefined;
const loadPreviews = (): Promise<Record<string, Preview>> =>
  (previews ??= fetch(`${base}/data/previews.json`)
    .then((response): Promise<Record<string, Preview>> | Record<string, Preview> => (response.ok ? response.json() : {}))
    .catch(() => ({})));

/** The site-relative path of a briefing page the link points to, if it is one (and not this page). */
function briefingPath(link: HTMLAnchorElement): string | undefined {
  if (link.origin !== location.origin) return undefined;
  if (base && !link.pathname.startsWith(`${base}/`)) return undefined;
  const path = link.pathname.slice(base.length);
  if (!BRIEFING_PAGE.test(path) || link.pathname === location.pathname) return undefined;
  return path;
}

const card = document.createElement('div');
card.id = 'link-preview';
card.className = 'link-preview';
card.setAttribute('role', 'tooltip');
card.hidden = true;
document.body.append(card);

let current: HTMLAnchorElement | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

function render(preview: Preview): void {
  const kind = Object.assign(document.createElement('p'), { className: 'link-preview__kind', textContent: preview.kind });
  const name = Object.assign(document.createElement('p'), { className: 'link-preview__name', textContent: preview.name });
  const lead = Object.assign(document.createElement('p'), { className: 'link-preview__lead', textContent: preview.lead });
  const facts = document.createElement('ul');
  facts.className = 'link-preview__facts';
  for (const fact of preview.facts) facts.append(Object.assign(document.createElement('li'), { textContent: fact }));
  card.replaceChildren(kind, name, lead, facts);
}

function place(link: HTMLAnchorElement): void {
  const box = link.getBoundingClientRect();
  const width = Math.min(320, document.documentElement.clientWidth - 16);
  card.style.width = `${width}px`;
  const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
  card.style.left = `${left + window.scrollX}px`;
  const below = box.bottom + 8;
  const fitsBelow = below + card.offsetHeight < window.innerHeight;
  card.style.top = `${(fitsBelow ? below : Math.max(8, box.top - card.offsetHeight - 8)) + window.scrollY}px`;
}

async function show(link: HTMLAnchorElement): Promise<void> {
  const path = briefingPath(link);
  if (!path) return;
  const preview = (await loadPreviews())[path];
  if (!preview || current !== link) return;
  render(preview);
  card.hidden = false;
  place(link);
  link.setAttribute('aria-describedby', card.id);
}

function hide(): void {
  clearTimeout(timer);
  current?.removeAttribute('aria-describedby');
  current = undefined;
  card.hidden = true;
}

function target(event: Event): HTMLAnchorElement | undefined {
  const link = (event.target as Element | null)?.closest?.('a[href]');
  return link instanceof HTMLAnchorElement && link.closest('main') ? link : undefined;
}

document.addEventListener('pointerover', (event) => {
  const link = target(event);
  if (!link || link === current) return;
  hide();
  current = link;
  timer = setTimeout(() => void show(link), HOVER_DELAY_MS);
});
document.addEventListener('pointerout', (event) => {
  if (target(event) === current && !current?.contains(event.relatedTarget as Node | null)) hide();
});
document.addEventListener('focusin', (event) => {
  const link = target(event);
  hide();
  if (!link) return;
  current = link;
  void show(link);
});
document.addEventListener('focusout', hide);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hide();
});
