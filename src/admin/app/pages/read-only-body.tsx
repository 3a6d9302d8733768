import type { ComponentChildren } from 'preact';
import type { Block, PageBody } from './pages.ts';

type Inline = Extract<Block, { type: 'paragraph' }>['content'][number];

function inlines(nodes: readonly Inline[]): ComponentChildren {
  return nodes.map((node, i) => {
    if (node.type === 'break') return <br key={i} />;
    let text: ComponentChildren = node.text;
    for (const mark of node.marks ?? []) {
      if (mark.type === 'bold') text = <strong>{text}</strong>;
      else if (mark.type === 'italic') text = <em>{text}</em>;
      // Links are shown as text: the page is read here, not followed.
      else if (mark.type === 'link') text = <span class="link-text">{text}</span>;
    }
    return <span key={i}>{text}</span>;
  });
}

/**
 * A page's text as readers read it, without editing (until the rich-text editor is wired in here).
 * Every string goes through Preact as text; embeds are named, not run.
 */
export function ReadOnlyBody(props: { body: PageBody; empty: string }) {
  if (props.body.content.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <div class="read-only-body">
      {props.body.content.map((block, i) => {
        switch (block.type) {
          case 'paragraph':
            return <p key={i}>{inlines((block as Extract<Block, { type: 'paragraph' }>).content)}</p>;
          case 'heading': {
            const heading = block as Extract<Block, { type: 'heading' }>;
            // Page headings sit under the screen's own h2.
            return heading.level === 2 ? (
              <h3 key={i}>{inlines(heading.content)}</h3>
            ) : (
              <h4 key={i}>{inlines(heading.content)}</h4>
            );
          }
          case 'list': {
            const list = block as Extract<Block, { type: 'list' }>;
            const items = list.items.map((item, at) => <li key={at}>{inlines(item.content)}</li>);
            return list.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
          case 'quote': {
            const quote = block as Extract<Block, { type: 'quote' }>;
            return (
              <blockquote key={i}>
                {quote.paragraphs.map((paragraph, at) => (
                  <p key={at}>{inlines(paragraph)}</p>
                ))}
                {quote.cite && <footer>— {quote.cite}</footer>}
              </blockquote>
            );
          }
          case 'image': {
            const image = block as Extract<Block, { type: 'image' }>;
            return (
              <p key={i} class="muted">
                [{image.alt || image.caption || image.imageId}]
              </p>
            );
          }
          case 'divider':
            return <hr key={i} />;
          // The paywall's marker says nothing on a page.
          case 'preview_end':
            return null;
          default:
            return (
              <p key={i} class="muted">
                [{block.type}]
              </p>
            );
        }
      })}
    </div>
  );
}
