import { ERROR_REASONS } from '@atelier/shared';

/** English texts; the Dutch and French files have exactly these keys (checked by the type). */
export const en = {
  app: { name: 'Atelier', tagline: 'The knowledge base of the OCMW / CPAS learning network', skip: 'Skip to content' },
  nav: { home: 'Home', search: 'Search', graph: 'Graph', admin: 'Admin', signOut: 'Sign out', language: 'Language', menu: 'Main menu' },
  signIn: {
    title: 'Sign in', email: 'Email address', password: 'Password', submit: 'Sign in', pending: 'Signing in…',
    wrong: 'That email address and password do not match. Try again.', expired: 'Your session has ended. Sign in again to continue.',
    intro: 'Meetings, good practices and methods of the learning network of public social-welfare centres, in Dutch and French.',
  },
  home: {
    title: 'Welcome', recentMeetings: 'Recent meetings', themes: 'Themes', practices_one: '{{count}} practice', practices_other: '{{count}} practices',
    searchPlaceholder: 'What works for motivation? Partenariats? Kinderopvang?', allMeetings: 'All meetings',
    emptyTitle: 'Nothing imported yet',
    emptyText: 'Start by importing meeting reports: Admin → Import, or on the server: npm run import -- FILE…',
  },
  search: {
    title: 'Search', label: 'Search good practices, reports, methods and people', submit: 'Search', results_one: '{{count}} result', results_other: '{{count}} results',
    results_about_one: 'about {{count}} result', results_about_other: 'about {{count}} results', estimated: 'Counted on a sample of the index: so many entries match that these numbers are estimates',
    didYouMean: 'Showing results for <b>{{query}}</b>', none: 'Nothing found for “{{query}}”.', noneHint: 'Try fewer or other words, or the other language.',
    filters: 'Filters', themes: 'Themes', organizations: 'Centres', years: 'Years', kinds: 'Kinds', clear: 'Clear filters', more: 'More results', from: 'From', to: 'To',
    kind: { PRACTICE: 'Good practice', SECTION: 'Report section', METHOD: 'Method', MEETING: 'Meeting', PERSON: 'Person', ORGANIZATION: 'Centre', THEME: 'Theme' },
  },
  meeting: {
    kind: { MEETING: 'Meeting', EXCHANGE: 'Exchange', ONLINE: 'Online meeting' },
    present: 'Present', excused: 'Excused', practices: 'Good practices from this meeting', methods: 'Methods used', report: 'Open the report', noPractices: 'No practices recorded yet.',
    noMethods: 'No methods linked yet.', where: 'Where', when: 'When', withoutOrganization: 'no organisation given',
  },
  practice: { passage: 'From the report', meeting: 'Meeting', themes: 'Themes', methods: 'Methods', centres: 'Centres', section: 'Section', none: '—' },
  method: { timeline: 'Where it was used', practices: 'Practices that use it', aliases: 'Also called', noMeetings: 'Not linked to any meeting yet.', all: 'All methods' },
  graph: { title: 'Knowledge graph', depth: 'Steps out', hint: 'Click a node to walk the graph. Double-click to open it.', start: 'Start from', truncated: 'Only the nearest {{count}} items are shown.', open: 'Open' },
  report: { title: 'Report', loading: 'Opening the report…' },
  editor: {
    unsaved: { title: 'Not saved', explain: 'This text was typed on this device while you could still write, but it did not reach the server before your role changed. You can now only read this report, so the server no longer takes it. Copy it and pass it on to someone who can write; it stays on this device until you remove it.', label: 'Text not saved', copy: 'Copy', copied: 'Copied.', discard: 'Remove from this device' },
    status: { connecting: 'Connecting…', saving: 'Saving…', saved: 'All changes saved', live: 'Live: every change shows as it is made', offline: 'Offline — changes are kept on this device', offlineReading: 'Offline — showing the last version received', closed: 'Not connected' },
    here: 'In this report now', readOnly: 'You can read this report; your role does not allow editing it.', closed: 'The connection was refused ({{code}}). Sign in again to keep editing.', refused: { UNAUTHENTICATED: 'Your sign-in has expired. Sign in again to go on writing.', FORBIDDEN: 'You no longer have access to this report.', NOT_FOUND: 'This report no longer exists.', MALFORMED: 'The server could not read a change from this browser. Reload the page to go on.', ROLE_CHANGED: 'A coordinator changed your role, which ended your sign-in. Sign in again to go on with your new rights.' },
    toolbar: 'Formatting', heading: 'Heading', paragraph: 'Text', bold: 'Bold', italic: 'Italic', bulletList: 'Bullet list', orderedList: 'Numbered list', table: 'Table', undo: 'Undo', redo: 'Redo',
    linkHint: 'Type [[ to link a method, theme or practice, @ for a person or centre.', noMatch: 'Nothing matches', suggestions: 'Methods named in the text', linkIt: 'Link',
    savePractice: 'Save as good practice', practiceTitle: 'Title', practiceThemes: 'Themes', practiceCentres: 'Centres', practiceSaved: 'Saved as a good practice.', cancel: 'Cancel', save: 'Save',
    history: 'History', versionName: 'Name of this version', saveVersion: 'Save version', automatic: 'automatic', unnamed: 'saved by hand', restore: 'Restore', view: 'View', close: 'Close', noVersions: 'No versions yet.', restored: 'Version restored. The text it replaced is kept as the first version in this list, should you want it back.',
    diffAdded: 'added since', diffRemoved: 'removed since', header: 'Meeting details', date: 'Date', location: 'Place', present: 'Present', excused: 'Excused',
    attendeesHint: 'One per line: Name (Centre)', saveHeader: 'Save details',
  },
  admin: {
    title: 'Administration', users: 'Users and roles', taxonomy: 'Themes and methods', synonyms: 'Synonyms', import: 'Import reports', email: 'Email', role: 'Role', password: 'Password',
    addUser: 'Add user', delete: 'Delete', save: 'Save', key: 'Key', aliases: 'Aliases (comma separated)', keywords: 'Keywords (comma separated)', name: 'Name', descriptionNl: 'Description in Dutch', descriptionFr: 'Description in French', descriptionEn: 'Description in English',
    labelNl: 'Dutch label', labelFr: 'French label', labelEn: 'English label', chooseFiles: 'Choose report files (.txt)', importing: 'Importing {{done}} of {{total}}…',
    status: { CREATED: 'imported', UPDATED: 'updated', UNCHANGED: 'already imported', FAILED: 'failed' }, onlyAdmins: 'Only coordinators (admins) can change this.',
    roles: { ADMIN: 'Coordinator (admin)', EDITOR: 'Editor', VIEWER: 'Reader' }, saved: 'Saved.', synonymsIntro: 'Search takes the words of a group to mean the same thing, in every language: someone who searches “bénévolat” also finds “vrijwilligerswerk”. A word belongs to one group only.', synonymTerms: 'Words that mean the same (comma separated)', newSynonymGroup: 'New group', editSynonymGroup: 'Change this group', edit: 'Change', cancel: 'Cancel', findWord: 'Find a word', noSynonymGroups: 'No group holds this word.', confirmDelete: 'Delete {{name}}?',
  },
  state: {
    loading: 'Loading…', retry: 'Try again', notFound: 'This page does not exist (any more).', forbidden: 'Your role does not allow this.',
    network: 'The server cannot be reached. Check your connection and try again.', server: 'Something went wrong on our side. It has been logged; try again in a moment.',
    badInput: 'Please check the field “{{field}}”: {{message}}', conflict: 'This clashes with what is already there: {{message}}',
  },
  /** Said for a refusal that carries a reason (`@atelier/shared`'s ERROR_REASONS). */
  errors: ERROR_REASONS,
  /** The server's field names, as the person knows them. */
  fields: {
    title: 'Title',
    name: 'Name',
    aliases: 'Other spellings',
    kind: 'Kind',
    key: 'Key',
    date: 'Date',
    region: 'Region',
    location: 'Place',
    description: 'Description',
    city: 'City',
    labelNl: 'Dutch label',
    labelFr: 'French label',
    labelEn: 'English label',
    parentKey: 'Parent',
    email: 'Email address',
    password: 'Password',
    terms: 'Words',
    sourcePassage: 'Passage',
    section: 'Section',
    keywords: 'Keywords',
    role: 'Role',
    text: 'Text',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
