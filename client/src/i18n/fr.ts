import type { Messages } from './en';

export const fr: Messages = {
  app: { name: 'Atelier', tagline: "La base de connaissances du réseau d'apprentissage des CPAS et OCMW", skip: 'Aller au contenu' },
  nav: { home: 'Accueil', search: 'Recherche', graph: 'Réseau', admin: 'Administration', signOut: 'Se déconnecter', language: 'Langue', menu: 'Menu principal' },
  signIn: {
    title: 'Connexion', email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter', pending: 'Connexion…',
    wrong: 'Cette adresse e-mail et ce mot de passe ne correspondent pas. Réessayez.', expired: 'Votre session a expiré. Reconnectez-vous pour continuer.',
    intro: "Rencontres, bonnes pratiques et méthodes du réseau d'apprentissage des CPAS, en français et en néerlandais.",
  },
  home: {
    title: 'Bienvenue', recentMeetings: 'Rencontres récentes', themes: 'Thèmes', practices_one: '{{count}} pratique', practices_other: '{{count}} pratiques',
    searchPlaceholder: 'Qu’est-ce qui motive ? Partenariats ? Garde d’enfants ?', allMeetings: 'Toutes les rencontres',
    emptyTitle: 'Rien n’a encore été importé',
    emptyText: 'Commencez par importer des rapports : Administration → Importer, ou sur le serveur : npm run import -- FICHIER…',
  },
  search: {
    title: 'Recherche', label: 'Chercher dans les bonnes pratiques, rapports, méthodes et personnes', submit: 'Chercher', results_one: '{{count}} résultat', results_other: '{{count}} résultats',
    results_about_one: 'environ {{count}} résultat', results_about_other: 'environ {{count}} résultats', estimated: 'Compté sur un échantillon de l’index : tant d’éléments correspondent que ces nombres sont des estimations',
    didYouMean: 'Résultats pour <b>{{query}}</b>', none: 'Aucun résultat pour « {{query}} ».', noneHint: 'Essayez moins de mots, d’autres mots ou l’autre langue.',
    filters: 'Filtres', themes: 'Thèmes', organizations: 'Centres', years: 'Années', kinds: 'Types', clear: 'Effacer les filtres', more: 'Plus de résultats', from: 'Du', to: 'Au',
    kind: { PRACTICE: 'Bonne pratique', SECTION: 'Partie de rapport', METHOD: 'Méthode', MEETING: 'Rencontre', PERSON: 'Personne', ORGANIZATION: 'Centre', THEME: 'Thème' },
  },
  meeting: {
    kind: { MEETING: 'Rencontre', EXCHANGE: 'Échange', ONLINE: 'Rencontre en ligne' },
    present: 'Présents', excused: 'Excusés', practices: 'Bonnes pratiques de cette rencontre', methods: 'Méthodes utilisées', report: 'Ouvrir le rapport', noPractices: 'Aucune pratique enregistrée.',
    noMethods: 'Aucune méthode liée.', where: 'Où', when: 'Quand', withoutOrganization: 'organisation non précisée',
  },
  practice: { passage: 'Extrait du rapport', meeting: 'Rencontre', themes: 'Thèmes', methods: 'Méthodes', centres: 'Centres', section: 'Partie', none: '—' },
  method: { timeline: 'Où elle a été utilisée', practices: 'Pratiques qui l’utilisent', aliases: 'Aussi appelée', noMeetings: 'Liée à aucune rencontre pour l’instant.', all: 'Toutes les méthodes' },
  graph: { title: 'Réseau de connaissances', depth: 'Distance', hint: 'Cliquez sur un nœud pour parcourir le réseau. Double-cliquez pour l’ouvrir.', start: 'Point de départ', truncated: 'Seuls les {{count}} éléments les plus proches sont affichés.', open: 'Ouvrir' },
  report: { title: 'Rapport', loading: 'Ouverture du rapport…' },
  editor: {
    status: { connecting: 'Connexion…', saving: 'Enregistrement…', saved: 'Toutes les modifications sont enregistrées', offline: 'Hors ligne — les modifications restent sur cet appareil' },
    here: 'Dans ce rapport maintenant', readOnly: 'Vous pouvez lire ce rapport ; votre rôle ne permet pas de le modifier.', closed: 'La connexion a été refusée ({{code}}). Reconnectez-vous pour continuer.',
    toolbar: 'Mise en forme', heading: 'Titre', paragraph: 'Texte', bold: 'Gras', italic: 'Italique', bulletList: 'Liste à puces', orderedList: 'Liste numérotée', table: 'Tableau', undo: 'Annuler', redo: 'Rétablir',
    linkHint: 'Tapez [[ pour lier une méthode, un thème ou une pratique, @ pour une personne ou un centre.', noMatch: 'Aucune correspondance', suggestions: 'Méthodes citées dans le texte', linkIt: 'Lier',
    savePractice: 'Enregistrer comme bonne pratique', practiceTitle: 'Titre', practiceThemes: 'Thèmes', practiceCentres: 'Centres', practiceSaved: 'Enregistrée comme bonne pratique.', cancel: 'Annuler', save: 'Enregistrer',
    history: 'Historique', versionName: 'Nom de cette version', saveVersion: 'Enregistrer la version', automatic: 'automatique', restore: 'Restaurer', view: 'Voir', close: 'Fermer', noVersions: 'Pas encore de versions.',
    diffAdded: 'ajouté depuis', diffRemoved: 'supprimé depuis', header: 'Détails de la rencontre', date: 'Date', location: 'Lieu', present: 'Présents', excused: 'Excusés',
    attendeesHint: 'Un par ligne : Nom (Centre)', saveHeader: 'Enregistrer les détails',
  },
  admin: {
    title: 'Administration', users: 'Utilisateurs et rôles', taxonomy: 'Thèmes et méthodes', synonyms: 'Synonymes', import: 'Importer des rapports', email: 'E-mail', role: 'Rôle', password: 'Mot de passe',
    addUser: 'Ajouter un utilisateur', delete: 'Supprimer', save: 'Enregistrer', key: 'Clé', aliases: 'Autres noms (séparés par des virgules)', keywords: 'Mots-clés (séparés par des virgules)', name: 'Nom', descriptionNl: 'Description en néerlandais', descriptionFr: 'Description en français', descriptionEn: 'Description en anglais',
    labelNl: 'Nom en néerlandais', labelFr: 'Nom en français', labelEn: 'Nom en anglais', chooseFiles: 'Choisir des rapports (.txt)', importing: 'Import de {{done}} sur {{total}}…',
    status: { CREATED: 'importé', UPDATED: 'mis à jour', UNCHANGED: 'déjà importé', FAILED: 'échec' }, onlyAdmins: 'Seuls les coordinateurs (administrateurs) peuvent modifier ceci.',
    roles: { ADMIN: 'Coordinateur (administrateur)', EDITOR: 'Rédacteur', VIEWER: 'Lecteur' }, saved: 'Enregistré.', synonymsIntro: 'La recherche lit les mots d’un groupe comme une même chose, dans chaque langue : qui cherche « vrijwilligerswerk » trouve aussi « bénévolat ». Un mot n’appartient qu’à un seul groupe.', synonymTerms: 'Mots de même sens (séparés par des virgules)', newSynonymGroup: 'Nouveau groupe', editSynonymGroup: 'Modifier ce groupe', edit: 'Modifier', cancel: 'Annuler', findWord: 'Chercher un mot', noSynonymGroups: 'Aucun groupe ne contient ce mot.', confirmDelete: 'Supprimer {{name}} ?',
  },
  state: {
    loading: 'Chargement…', retry: 'Réessayer', notFound: 'Cette page n’existe pas (plus).', forbidden: 'Votre rôle ne le permet pas.',
    network: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.', server: 'Un problème est survenu de notre côté. Il a été noté ; réessayez dans un instant.',
    badInput: 'Vérifiez le champ « {{field}} » : {{message}}', conflict: 'Cela entre en conflit avec ce qui existe déjà : {{message}}',
  },
};
