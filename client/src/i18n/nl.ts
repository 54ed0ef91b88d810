import type { Messages } from './en';

export const nl: Messages = {
  app: { name: 'Atelier', tagline: "De kennisbank van het lerend netwerk van OCMW's en CPAS", skip: 'Naar de inhoud' },
  nav: { home: 'Start', search: 'Zoeken', graph: 'Netwerk', admin: 'Beheer', signOut: 'Afmelden', language: 'Taal', menu: 'Hoofdmenu' },
  signIn: {
    title: 'Aanmelden', email: 'E-mailadres', password: 'Wachtwoord', submit: 'Aanmelden', pending: 'Bezig met aanmelden…',
    wrong: 'Dit e-mailadres en wachtwoord horen niet bij elkaar. Probeer opnieuw.', expired: 'Je sessie is verlopen. Meld je opnieuw aan om verder te gaan.',
    intro: "Bijeenkomsten, goede praktijken en methodes van het lerend netwerk van OCMW's, in het Nederlands en het Frans.",
  },
  home: {
    title: 'Welkom', recentMeetings: 'Recente bijeenkomsten', themes: "Thema's", practices_one: '{{count}} praktijk', practices_other: '{{count}} praktijken',
    searchPlaceholder: 'Wat werkt voor motivatie? Partenariats? Kinderopvang?', allMeetings: 'Alle bijeenkomsten',
    emptyTitle: 'Nog niets geïmporteerd',
    emptyText: 'Begin met het importeren van verslagen: Beheer → Importeren, of op de server: npm run import -- BESTAND…',
  },
  search: {
    title: 'Zoeken', label: 'Zoek in goede praktijken, verslagen, methodes en personen', submit: 'Zoeken', results_one: '{{count}} resultaat', results_other: '{{count}} resultaten',
    results_about_one: 'ongeveer {{count}} resultaat', results_about_other: 'ongeveer {{count}} resultaten', estimated: 'Geteld op een steekproef van de index: er zijn zoveel treffers dat deze aantallen schattingen zijn',
    didYouMean: 'Resultaten voor <b>{{query}}</b>', none: 'Niets gevonden voor “{{query}}”.', noneHint: 'Probeer minder of andere woorden, of de andere taal.',
    filters: 'Filters', themes: "Thema's", organizations: 'Centra', years: 'Jaren', kinds: 'Soorten', clear: 'Filters wissen', more: 'Meer resultaten', from: 'Vanaf', to: 'Tot',
    kind: { PRACTICE: 'Goede praktijk', SECTION: 'Deel van een verslag', METHOD: 'Methode', MEETING: 'Bijeenkomst', PERSON: 'Persoon', ORGANIZATION: 'Centrum', THEME: 'Thema' },
  },
  meeting: {
    kind: { MEETING: 'Bijeenkomst', EXCHANGE: 'Uitwisseling', ONLINE: 'Online bijeenkomst' },
    present: 'Aanwezig', excused: 'Verontschuldigd', practices: 'Goede praktijken uit deze bijeenkomst', methods: 'Gebruikte methodes', report: 'Verslag openen', noPractices: 'Nog geen praktijken vastgelegd.',
    noMethods: 'Nog geen methodes gekoppeld.', where: 'Waar', when: 'Wanneer', withoutOrganization: 'geen organisatie vermeld',
  },
  practice: { passage: 'Uit het verslag', meeting: 'Bijeenkomst', themes: "Thema's", methods: 'Methodes', centres: 'Centra', section: 'Onderdeel', none: '—' },
  method: { timeline: 'Waar ze gebruikt werd', practices: 'Praktijken die ze gebruiken', aliases: 'Ook genoemd', noMeetings: 'Nog aan geen enkele bijeenkomst gekoppeld.', all: 'Alle methodes' },
  graph: { title: 'Kennisnetwerk', depth: 'Stappen ver', hint: 'Klik op een knoop om verder te wandelen. Dubbelklik om hem te openen.', start: 'Vertrekpunt', truncated: 'Enkel de {{count}} dichtstbijzijnde elementen worden getoond.', open: 'Openen' },
  report: { title: 'Verslag', loading: 'Verslag wordt geopend…' },
  editor: {
    status: { connecting: 'Verbinden…', saving: 'Bewaren…', saved: 'Alle wijzigingen bewaard', offline: 'Offline — wijzigingen blijven op dit toestel bewaard' },
    here: 'Nu in dit verslag', readOnly: 'Je kan dit verslag lezen; je rol laat niet toe het te bewerken.', closed: 'De verbinding werd geweigerd ({{code}}). Meld je opnieuw aan om verder te schrijven.',
    toolbar: 'Opmaak', heading: 'Titel', paragraph: 'Tekst', bold: 'Vet', italic: 'Cursief', bulletList: 'Opsomming', orderedList: 'Genummerde lijst', table: 'Tabel', undo: 'Ongedaan maken', redo: 'Opnieuw',
    linkHint: 'Typ [[ om een methode, thema of praktijk te koppelen, @ voor een persoon of centrum.', noMatch: 'Geen overeenkomst', suggestions: 'Methodes genoemd in de tekst', linkIt: 'Koppelen',
    savePractice: 'Bewaren als goede praktijk', practiceTitle: 'Titel', practiceThemes: "Thema's", practiceCentres: 'Centra', practiceSaved: 'Bewaard als goede praktijk.', cancel: 'Annuleren', save: 'Bewaren',
    history: 'Geschiedenis', versionName: 'Naam van deze versie', saveVersion: 'Versie bewaren', automatic: 'automatisch', restore: 'Terugzetten', view: 'Bekijken', close: 'Sluiten', noVersions: 'Nog geen versies.',
    diffAdded: 'toegevoegd sinds', diffRemoved: 'verwijderd sinds', header: 'Gegevens van de bijeenkomst', date: 'Datum', location: 'Plaats', present: 'Aanwezig', excused: 'Verontschuldigd',
    attendeesHint: 'Eén per regel: Naam (Centrum)', saveHeader: 'Gegevens bewaren',
  },
  admin: {
    title: 'Beheer', users: 'Gebruikers en rollen', taxonomy: "Thema's en methodes", synonyms: 'Synoniemen', import: 'Verslagen importeren', email: 'E-mail', role: 'Rol', password: 'Wachtwoord',
    addUser: 'Gebruiker toevoegen', delete: 'Verwijderen', save: 'Bewaren', key: 'Sleutel', aliases: 'Andere namen (komma-gescheiden)', keywords: 'Trefwoorden (komma-gescheiden)', name: 'Naam', descriptionNl: 'Beschrijving in het Nederlands', descriptionFr: 'Beschrijving in het Frans', descriptionEn: 'Beschrijving in het Engels',
    labelNl: 'Nederlandse naam', labelFr: 'Franse naam', labelEn: 'Engelse naam', chooseFiles: 'Kies verslagen (.txt)', importing: 'Bezig met {{done}} van {{total}}…',
    status: { CREATED: 'geïmporteerd', UPDATED: 'bijgewerkt', UNCHANGED: 'al geïmporteerd', FAILED: 'mislukt' }, onlyAdmins: 'Enkel coördinatoren (beheerders) kunnen dit wijzigen.',
    roles: { ADMIN: 'Coördinator (beheerder)', EDITOR: 'Redacteur', VIEWER: 'Lezer' }, saved: 'Bewaard.', synonymsIntro: 'Zoeken leest de woorden van een groep als hetzelfde, in elke taal: wie “bénévolat” zoekt, vindt ook “vrijwilligerswerk”. Een woord hoort bij één groep.', synonymTerms: 'Woorden die hetzelfde betekenen (gescheiden door komma’s)', newSynonymGroup: 'Nieuwe groep', editSynonymGroup: 'Deze groep wijzigen', edit: 'Wijzigen', cancel: 'Annuleren', findWord: 'Een woord zoeken', noSynonymGroups: 'Geen groep bevat dit woord.', confirmDelete: '{{name}} verwijderen?',
  },
  state: {
    loading: 'Laden…', retry: 'Opnieuw proberen', notFound: 'Deze pagina bestaat niet (meer).', forbidden: 'Je rol laat dit niet toe.',
    network: 'De server is niet bereikbaar. Controleer je verbinding en probeer opnieuw.', server: 'Er ging bij ons iets mis. Het is genoteerd; probeer het zo meteen opnieuw.',
    badInput: 'Controleer het veld “{{field}}”: {{message}}', conflict: 'Dit botst met wat er al is: {{message}}',
  },
};
