import { useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../graphql/use-query';
import { LinkTargetsQuery } from '../graphql/operations';
import { themeLabel } from '../components/localized';
import type { GraphLinkKind } from './extensions';

interface Target {
  kind: GraphLinkKind;
  ref: string;
  label: string;
  terms: string;
}

interface Trigger {
  from: number;
  to: number;
  query: string;
  people: boolean;
  left: number;
  top: number;
}

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** What was typed just before the caret: "[[wor" opens graph links, "@Lis" people and centres. */
function findTrigger(editor: Editor): Trigger | null {
  const { state, view } = editor;
  if (!state.selection.empty) return null;
  const { $from } = state.selection;
  const before = $from.parent.textBetween(Math.max(0, $from.parentOffset - 40), $from.parentOffset, undefined, '\ufffc');
  const match = /\[\[([^\]\n\ufffc]{0,30})$/.exec(before) ?? /(?:^|\s)@([\p{L}][\p{L} .'-]{0,30})?$/u.exec(before);
  if (!match) return null;
  const typed = match[0].startsWith('[[') ? match[0] : match[0].trimStart();
  const coords = view.coordsAtPos($from.pos);
  return { from: $from.pos - typed.length, to: $from.pos, query: match[1] ?? '', people: !typed.startsWith('[['), left: coords.left, top: coords.bottom };
}

/** The autocomplete of methods, themes, practices, people and centres; inserts a real link node. */
export function LinkPicker({ editor }: { editor: Editor }) {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(LinkTargetsQuery);
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  const [active, setActive] = useState(0);
  const targets = useMemo<Target[]>(() => {
    if (!data) return [];
    return [
      ...data.methods.map((m) => ({ kind: 'METHOD' as const, ref: m.key, label: m.name, terms: fold([m.name, ...m.aliases].join(' ')) })),
      ...data.themes.map((th) => ({ kind: 'THEME' as const, ref: th.key, label: themeLabel(th, i18n.language), terms: fold(Object.values(th.labels).join(' ')) })),
      ...data.practices.edges.map(({ node }) => ({ kind: 'PRACTICE' as const, ref: node.id, label: node.title, terms: fold(node.title) })),
      ...data.people.map((p) => ({ kind: 'PERSON' as const, ref: p.id, label: p.name, terms: fold(p.name) })),
      ...data.organizations.map((o) => ({ kind: 'ORGANIZATION' as const, ref: o.id, label: o.name, terms: fold(o.name) })),
    ];
  }, [data, i18n.language]);
  const matches = useMemo(() => {
    if (!trigger) return [];
    const query = fold(trigger.query.trim());
    const wanted = (target: Target) => (trigger.people ? target.kind === 'PERSON' || target.kind === 'ORGANIZATION' : target.kind !== 'PERSON');
    return targets.filter((target) => wanted(target) && (!query || target.terms.includes(query))).slice(0, 8);
  }, [targets, trigger]);

  const state = useRef({ trigger, matches, active });
  state.current = { trigger, matches, active };

  const choose = (target: Target) => {
    const current = state.current.trigger;
    if (!current) return;
    editor.chain().focus().deleteRange({ from: current.from, to: current.to })
      .insertContent([{ type: 'graphLink', attrs: { kind: target.kind, ref: target.ref, label: target.label } }, { type: 'text', text: ' ' }]).run();
    setTrigger(null);
  };

  useEffect(() => {
    const update = () => {
      setTrigger(findTrigger(editor));
      setActive(0);
    };
    editor.on('update', update);
    editor.on('selectionUpdate', update);
    const keydown = (event: KeyboardEvent) => {
      const { trigger: open, matches: list, active: index } = state.current;
      if (!open || !list.length) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActive((index + (event.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length);
      } else if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        event.stopPropagation();
        choose(list[index]);
      } else if (event.key === 'Escape') {
        setTrigger(null);
      }
    };
    editor.view.dom.addEventListener('keydown', keydown, true);
    return () => {
      editor.off('update', update);
      editor.off('selectionUpdate', update);
      editor.view.dom.removeEventListener('keydown', keydown, true);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `choose` reads the latest state through the ref
  }, [editor]);

  if (!trigger) return null;
  return (
    <div className="link-picker" role="listbox" aria-label={t('editor.linkHint')} style={{ left: trigger.left, top: trigger.top + 4 }}>
      {matches.length === 0 && <p className="muted">{t('editor.noMatch')}</p>}
      {matches.map((target, i) => (
        <button key={`${target.kind}:${target.ref}`} type="button" role="option" aria-selected={i === active} className={i === active ? 'is-active' : ''}
          onMouseDown={(event) => { event.preventDefault(); choose(target); }}>
          <span className={`link-picker__kind graph-link--${target.kind.toLowerCase()}`}>{t(`search.kind.${target.kind}`)}</span> {target.label}
        </button>
      ))}
    </div>
  );
}
