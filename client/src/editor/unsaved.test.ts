import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { REPORT_FRAGMENT } from '@atelier/shared';
import { unsavedLines } from './unsaved';

const body = (doc: Y.Doc) => doc.getXmlFragment(REPORT_FRAGMENT);

function append(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  body(doc).insert(body(doc).length, [paragraph]);
}

/** A device's copy: everything the server had when the device last synced. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

const textOf = (paragraph: Y.XmlElement) => paragraph.get(0) as Y.XmlText;

describe('unsavedLines', () => {
  it('is empty when the server has everything the device wrote, even if others wrote more since', () => {
    const server = new Y.Doc();
    append(server, 'Kennismaking met de deelnemers.');
    const kept = copyOf(server);
    append(server, 'Later door een collega toegevoegd.');
    expect(unsavedLines(kept, server)).toEqual([]);
    expect(unsavedLines(new Y.Doc(), server)).toEqual([]);
  });

  it('gives the lines the device added or changed, whole, and nothing the group deleted since', () => {
    const server = new Y.Doc();
    append(server, 'Kennismaking met de deelnemers.');
    append(server, 'Motivatie van jongeren.');
    append(server, 'Een regel die de groep later schrapt.');
    const kept = copyOf(server);
    append(kept, 'Offline geschreven: de buddywerking in Gent.');
    textOf(body(kept).get(1) as Y.XmlElement).insert('Motivatie van jongeren'.length, ' en hun ouders');
    body(server).delete(2, 1);
    append(server, 'Een collega vult aan.');
    expect(unsavedLines(kept, server)).toEqual(['Motivatie van jongeren en hun ouders.', 'Offline geschreven: de buddywerking in Gent.']);
  });

  it('counts a line the device wrote again, though the same words are already there once', () => {
    const server = new Y.Doc();
    append(server, 'Pauze.');
    const kept = copyOf(server);
    append(kept, 'Pauze.');
    expect(unsavedLines(kept, server)).toEqual(['Pauze.']);
  });
});
