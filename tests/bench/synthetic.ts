/**
 * Synthetic reports in the shape of the network's reports (bilingual header, attendance lists
 * with spelling variants and stray parentheses, numbered sections, lesson lists, methods), written
 * from our own vocabulary with a fixed seed so every run builds the same corpus.
 */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = [
  ['Sanne Verbeke', 'Sane Verbeke'], ['Karim Benali', 'Karim Bennali'], ['Elise Moreau', 'Élise Moreau'], ['Tom Claeys', 'Tom Claes'],
  ['Nadia Haddou', 'Nadia Hadou'], ['Pieter Janssens', 'Pieter Jansens'], ['Marie Lambert', 'Marie Lamberts'], ['Youssef Amrani', 'Youssef Amrany'],
  ['Lotte De Smet', 'Lotte Desmet'], ['Julien Dupuis', 'Julien Dupuy'], ['Hanne Wouters', 'Hanne Wauters'], ['Samir El Khatib', 'Samir El Katib'],
  ['Ine Vermeulen', 'Ine Vermeule'], ['Claire Renard', 'Claire Reynard'], ['Bram Peeters', 'Bram Peters'], ['Fatou Diallo', 'Fatou Dialo'],
];
const CENTRES = [['OCMW Gent', 'CPAS Gand'], ['OCMW Antwerpen', 'CPAS Anvers'], ['OCMW Brussel', 'CPAS Bruxelles'], ['CPAS Charleroi', 'OCMW Charleroi'], ['CPAS Liège', 'OCMW Luik'], ['POD MI-IS', 'SPP IS']];
const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'décembre'];
const SUBJECTS = ['Motivatie van deelnemers', 'Partnerschappen tussen OCMW\'s', 'Opleidingen voor medewerkers', 'De stem van de doelgroep', 'Taalverwerving en oefenkansen', 'Kinderopvang en andere randvoorwaarden'];
const LESSONS = [
  'Vrijwilligerswerk werkt motiverend voor nieuwkomers', 'Een vaste begeleider geeft vertrouwen', 'Kinderopvang tijdens de activiteiten verlaagt drempels',
  'Een partnerschap vraagt een duidelijke eigenaar', 'Immersie in een groter OCMW leert snel', 'Feedback vragen na elke sessie maakt het aanbod beter',
  'Taalcoaching op de werkvloer werkt beter dan klassikaal', 'Een check-in aan het begin brengt iedereen binnen', 'Le bénévolat donne confiance aux participants',
  'Les partenariats demandent du temps de préparation', 'Une formation courte sur la communication interculturelle aide', 'Werkbezoeken bij elkaar inspireren',
];
const METHODS_TEXT = ['We werkten met een World Café.', 'De dag begon met een check-in.', 'Een gesprek op voeten leverde ideeën op.', 'TOPOI hielp om misverstanden te bespreken.', 'On a utilisé la méthode SenseMaker.'];

export function syntheticReport(index: number, random: () => number): { filename: string; text: string; date: string } {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const day = new Date(Date.UTC(2000, 0, 1) + index * 86_400_000);
  const [d, m, y] = [day.getUTCDate(), day.getUTCMonth(), day.getUTCFullYear()];
  const online = random() < 0.2;
  const attendee = () => {
    const [name, variant] = pick(PEOPLE);
    const [centre, other] = pick(CENTRES);
    return `${random() < 0.15 ? variant : name} (${random() < 0.3 ? other : centre})`;
  };
  const present = Array.from({ length: 5 + Math.floor(random() * 6) }, attendee);
  if (random() < 0.2) present[1] = `(${present[1]}`;
  const excused = Array.from({ length: 1 + Math.floor(random() * 3) }, attendee);
  const lines = [
    'Naar een geïntegreerd migratiebeleid,', 'Vers une politique de migration plus intégrée,', '', 'POD | Maatschappelijke Integratie', '',
    `Verslag ${online ? 'online ' : ''}bijeenkomst OCMW's – *Rapport rencontre CPAS${online ? ' en ligne' : ''}* AMIF ${d} ${MONTHS_NL[m]} ${y} – ${d} ${MONTHS_FR[m]} ${y}${online ? '' : ' Zaal Horta, Brussel/Bruxelles'}`,
    '', `Aanwezigen: ${present.join(', ')}`, '', `Verontschuldigd: ${excused.join(', ')}`, '', '0. Inleiding', '', 'Iedereen wordt welkom geheten.', '',
  ];
  for (let section = 1; section <= 3 + Math.floor(random() * 3); section++) {
    lines.push(`${section}. ${pick(SUBJECTS)}`, '', `${pick(METHODS_TEXT)} De deelnemers wisselen ervaringen uit over hun project en de werking van het OCMW.`, '');
    lines.push(random() < 0.5 ? 'Wat nemen we mee:' : 'Voordelen:', '');
    for (let item = 0; item < 3 + Math.floor(random() * 4); item++) lines.push(`- ${pick(LESSONS)}${random() < 0.5 ? ` (${pick(CENTRES)[0]})` : ''}`);
    lines.push('');
  }
  return { filename: `synthetic-${String(index).padStart(4, '0')}.txt`, text: lines.join('\n'), date: day.toISOString().slice(0, 10) };
}
