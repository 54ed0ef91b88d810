import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../graphql/use-query';
import { LinkTargetsQuery } from '../graphql/operations';

interface Suggestion {
  key: string;
  name: string;
  from: number;
  to: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Methods named in plain text but not linked yet: one click turns the first mention into a link. */
function findSuggestions(editor: Editor, methods: { key: string; name: string; aliases: string[] }[]): Suggestion[] {
  const linked = new Set<string>();
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'graphLink' && node.attrs.kind === 'METHOD') linked.add(node.attrs.ref);
  });
  const found: Suggestion[] = [];
  for (const method of methods) {
    if (linked.has(method.key)) continue;
    const pattern = new RegExp(`(^|[^\\p{L}])(${[method.name, ...method.aliases].filter((n) => n.length > 2).map(escape).join('|')})(?![\\p{L}])`, 'iu');
    let hit: Suggestion | null = null;
    editor.state.doc.descendants((node, pos) => {
      if (hit || !node.isText || !node.text) return !hit;
      const match = pattern.exec(node.text);
      if (match) {
        const start = pos + match.index + match[1].length;
        hit = { key: method.key, name: method.name, from: start, to: start + match[2].length };
      }
      return !hit;
    });
    if (hit) found.push(hit);
  }
  return found;
}

export function MethodSuggestions({ editor, canWrite }: { editor: Editor; canWrite: boolean }) {
  const { t } = useTranslation();
  const { data } = useQuery(LinkTargetsQuery);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  useEffect(() => {
    if (!data) return;
    let timer: number | undefined;
    const update = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setSuggestions(findSuggestions(editor, data.methods)), 400);
    };
    update();
    editor.on('update', update);
    return () => {
      window.clearTimeout(timer);
      editor.off('update', update);
    };
  }, [editor, data]);
  if (!canWrite || !suggestions.length) return null;
  return (
    <div className="method-suggestions" aria-label={t('editor.suggestions')}>
      <span className="muted">{t('editor.suggestions')}:</span>
      {suggestions.map((suggestion) => (
        <button key={suggestion.key} type="button" className="chip" onClick={() => {
          const text = editor.state.doc.textBetween(suggestion.from, suggestion.to);
          editor.chain().focus().insertContentAt({ from: suggestion.from, to: suggestion.to }, { type: 'graphLink', attrs: { kind: 'METHOD', ref: suggestion.key, label: text } }).run();
        }}>
          {t('editor.linkIt')} “{suggestion.name}”
        </button>
      ))}
    </div>
  );
}
