import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { findGraphLinks, writeBlocks, yDocToSections, yDocToText } from './report-content.js';

describe('report documents', () => {
  const doc = new Y.Doc();
  writeBlocks(doc, [
    { type: 'paragraph', text: 'Inleiding zonder titel' },
    { type: 'heading', level: 2, text: '1. Partnerschappen' },
    { type: 'paragraph', text: 'Tekst over partners.' },
    { type: 'heading', level: 3, text: 'Voordelen' },
    { type: 'bulletList', items: ['Sneller leren', 'Minder alleen'] },
    { type: 'table', rows: [['Tool', 'Voordeel'], ['Check-in', 'kort']] },
  ]);

  it('writes TipTap node names and reads plain text back', () => {
    const names = doc.getXmlFragment('default').toArray().map((node) => (node as Y.XmlElement).nodeName);
    expect(names).toEqual(['paragraph', 'heading', 'paragraph', 'heading', 'bulletList', 'table']);
    expect(yDocToText(doc)).toBe('Inleiding zonder titel\n1. Partnerschappen\nTekst over partners.\nVoordelen\n- Sneller leren\n- Minder alleen\nTool\nVoordeel\nCheck-in\nkort');
  });

  it('cuts sections at every heading, each passage once', () => {
    expect(yDocToSections(doc)).toEqual([
      { index: 0, heading: null, level: 0, text: 'Inleiding zonder titel' },
      { index: 1, heading: '1. Partnerschappen', level: 2, text: 'Tekst over partners.' },
      { index: 2, heading: 'Voordelen', level: 3, text: '- Sneller leren\n- Minder alleen\nTool\nVoordeel\nCheck-in\nkort' },
    ]);
  });

  it('reads any content a client may write: unknown nodes and graph links', () => {
    const other = new Y.Doc();
    const fragment = other.getXmlFragment('default');
    const paragraph = new Y.XmlElement('paragraph');
    const link = new Y.XmlElement('graphLink');
    link.setAttribute('kind', 'METHOD');
    link.setAttribute('ref', 'world-cafe');
    link.setAttribute('label', 'World Café');
    paragraph.insert(0, [new Y.XmlText('We deden een '), link]);
    const unknown = new Y.XmlElement('callout');
    unknown.insert(0, [new Y.XmlText('Let op')]);
    fragment.insert(0, [paragraph, unknown]);
    expect(yDocToText(other)).toBe('We deden een World Café\nLet op');
    expect(findGraphLinks(other)).toEqual([{ kind: 'METHOD', ref: 'world-cafe', passage: 'We deden een World Café' }]);
  });

  it('reads a text node as its characters, whatever marks, deletions and embeds it holds', () => {
    // Without garbage collection deleted characters keep their content, as in a document kept for its history.
    const other = new Y.Doc({ gc: false });
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    other.getXmlFragment('default').insert(0, [paragraph]);
    paragraph.insert(0, [text]);
    text.insert(0, 'Een verslag over motivatie en partners');
    text.format(4, 7, { bold: true });
    text.insert(11, ' kort', { italic: true });
    text.insertEmbed(3, { image: 'foto.png' });
    text.delete(32, 3);
    text.insert(text.length, '.');
    const fromDelta = text.toDelta().map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : '')).join('');
    expect(fromDelta).toBe('Een verslag kort over motivatie partners.');
    expect(yDocToText(other)).toBe(fromDelta);
  });

  it("turns the source's *emphasis* into the editor's marks, and its text into plain words", () => {
    const other = new Y.Doc();
    writeBlocks(other, [
      { type: 'paragraph', text: 'Iedereen bereidde "*Reflectie over motivatie*" voor, het *niet* kiezen ook.' },
      { type: 'bulletList', items: ['Een **vaste** begeleider'] },
      { type: 'paragraph', text: '5*3*2 blijft, a * b * c ook, en *een* ster* alleen ook' },
    ]);
    const [first, list] = other.getXmlFragment('default').toArray() as Y.XmlElement[];
    expect((first.get(0) as Y.XmlText).toDelta()).toEqual([
      { insert: 'Iedereen bereidde "' },
      { insert: 'Reflectie over motivatie', attributes: { italic: {} } },
      { insert: '" voor, het ' },
      { insert: 'niet', attributes: { italic: {} } },
      { insert: ' kiezen ook.' },
    ]);
    const item = (list.get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    expect((item.get(0) as Y.XmlText).toDelta()).toContainEqual({ insert: 'vaste', attributes: { bold: {} } });
    expect(yDocToText(other)).toBe('Iedereen bereidde "Reflectie over motivatie" voor, het niet kiezen ook.\n- Een vaste begeleider\n5*3*2 blijft, a * b * c ook, en een ster* alleen ook');
  });
});
