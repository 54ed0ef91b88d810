import themes from './themes.json' with { type: 'json' };
import methods from './methods.json' with { type: 'json' };
import organizations from './organizations.json' with { type: 'json' };
import synonyms from './synonyms.json' with { type: 'json' };
import type { OrganizationKind } from '@atelier/shared';

/** The starter taxonomy shipped with Atelier, written for the project. */
export interface TaxonomyTheme {
  key: string;
  labels: { nl: string; fr: string; en: string };
  keywords: { nl: string[]; fr: string[]; en: string[] };
}

export interface TaxonomyMethod {
  key: string;
  name: string;
  aliases: string[];
  description: { nl: string; fr: string; en: string };
}

export interface TaxonomyOrganization {
  name: string;
  kind: `${OrganizationKind}`;
  city: string | null;
  region: string | null;
  aliases: string[];
}

/** `synonyms`: groups of words that mean the same in Dutch, French and English. */
export function loadTaxonomy(): { themes: TaxonomyTheme[]; methods: TaxonomyMethod[]; organizations: TaxonomyOrganization[]; synonyms: string[][] } {
  return {
    themes: themes as TaxonomyTheme[],
    methods: methods as TaxonomyMethod[],
    organizations: organizations as TaxonomyOrganization[],
    synonyms,
  };
}
