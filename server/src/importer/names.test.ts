import { describe, expect, it } from 'vitest';
import { resolveOrganization, resolvePerson, samePerson } from './names.js';

describe('samePerson', () => {
  it.each([
    ['Frédéric Darras', 'Frederic Darras'],
    ['Angès Dubus', 'Agnès Dubus'],
    ['Johan Maekelbergh', 'Johan Maekelberg'],
    ['Bart Hullebush', 'Bart Hullebusch'],
    ['Charlotte Tachelet', 'charlotte  tachelet'],
  ])('%s = %s', (a, b) => expect(samePerson(a, b)).toBe(true));

  it.each([
    ['Ibrahim Aguelmin', 'Ibrahim Laaroussi'],
    ['Charlotte Tachelet', 'Charlotte Plaisant'],
    ['Tom Anthuenis', 'Tim Anthuenis'],
    ['Lisa', 'Lisa Asselman'],
  ])('%s ≠ %s', (a, b) => expect(samePerson(a, b)).toBe(false));
});

describe('resolve', () => {
  const people = [
    { id: '1', name: 'Agnès Dubus', aliases: [] },
    { id: '2', name: 'Ibrahim Aguelmin', aliases: [] },
  ];
  it('finds people by spelling variants and not by shared first names', () => {
    expect(resolvePerson('Angès Dubus', people)?.id).toBe('1');
    expect(resolvePerson('Ibrahim Laaroussi', people)).toBeNull();
  });

  const organizations = [
    { id: 'liege', name: 'CPAS Liège', aliases: ['OCMW Luik'] },
    { id: 'mi', name: 'POD MI-IS', aliases: ['SPP IS', 'POD MI'] },
    { id: 'gent', name: 'OCMW Gent', aliases: ['CPAS Gand'] },
  ];
  it('finds organisations by alias, case, accents and spacing', () => {
    expect(resolveOrganization('OCMW Luik', organizations)?.id).toBe('liege');
    expect(resolveOrganization('CPAS Liege', organizations)?.id).toBe('liege');
    expect(resolveOrganization('POD Mi-IS', organizations)?.id).toBe('mi');
    expect(resolveOrganization('POD MI IS', organizations)?.id).toBe('mi');
    expect(resolveOrganization('OCMW Gnet', organizations)?.id).toBe('gent');
    expect(resolveOrganization('OCMW Geel', organizations)).toBeNull();
    expect(resolveOrganization('FOD BiZa', organizations)).toBeNull();
  });
});
