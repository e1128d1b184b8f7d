/**
 * "Copy link" beside every permalink: section headings (Starlight's anchor
 * links), statements, quotes and source paragraphs. Progressive enhancement:
 * without JavaScript the permalinks themselves still work.
 */
const PERMALINKS = 'a.sl-anchor-link, a.statement__anchor, a.para__anchor';

function announce(message: string): void {
  let region = document.getElementById('copy-link-status');
  if (!region) {
    region = document.createElement('div');
    region.id = 'copy-link-status';
    region.className = 'sr-only';
    region.setAttribute('role', 'status');
    document.body.append(region);
  }
  region.textContent = '';
  // A fresh text node after clearing makes screen readers repeat the message.
  requestAnimationFrame(() => (region!.textContent = message));
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function labelFor(anchor: HTMLAnchorElement): string {
  if (anchor.classList.contains('sl-anchor-link')) {
    const heading = anchor.parentElement?.querySelector('h1, h2, h3, h4, h5, h6');
    return `Copy link to section “${heading?.textContent?.trim() ?? ''}”`;
  }
  if (anchor.classList.contains('para__anchor')) return 'Copy link to this paragraph';
  return anchor.closest('.quote') ? 'Copy link to this quote' : 'Copy link to this statement';
}

function enhance(anchor: HTMLAnchorElement): void {
  if (anchor.nextElementSibling?.classList.contains('copy-link')) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-link';
  button.setAttribute('aria-label', labelFor(anchor));
  button.setAttribute('data-pagefind-ignore', '');
  button.textContent = 'Copy link';
  button.addEventListener('click', async () => {
    const url = new URL(anchor.getAttribute('href') ?? '', location.href);
    url.search = '';
    const copied = await copy(url.href);
    button.textContent = copied ? 'Copied' : 'Copy failed';
    button.dataset.state = copied ? 'copied' : 'failed';
    announce(copied ? 'Link copied to the clipboard' : 'The link could not be copied; use the permalink instead');
    setTimeout(() => {
      button.textContent = 'Copy link';
      delete button.dataset.state;
    }, 2000);
  });
  anchor.after(button);
}

for (const anchor of document.querySelectorAll<HTMLAnchorElement>(PERMALINKS)) enhance(anchor);
