/**
 * Renders a search snippet whose matches the server marked with <b>…</b>. Everything is text:
 * the marks become <mark> elements, nothing else in the snippet can become markup.
 */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(<b>|<\/b>)/);
  let marked = false;
  const nodes: React.ReactNode[] = [];
  parts.forEach((part, i) => {
    if (part === '<b>') marked = true;
    else if (part === '</b>') marked = false;
    else if (part) nodes.push(marked ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>);
  });
  return <>{nodes}</>;
}
