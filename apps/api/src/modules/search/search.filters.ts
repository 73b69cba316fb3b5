import { z } from 'zod';
import { CAPABILITIES, INDUSTRIES, RATE_BANDS, REGIONS } from '../vendors/taxonomy';

/** Team-size buckets buyers filter by (inclusive bounds; null: no upper bound). */
export const TEAM_SIZE_BUCKETS = {
  '1_10': [1, 10],
  '11_50': [11, 50],
  '51_200': [51, 200],
  over_200: [201, null],
} as const satisfies Record<string, readonly [number, number | null]>;
export type TeamSizeBucket = keyof typeof TEAM_SIZE_BUCKETS;

/** Thresholds the numeric filters offer, each with a facet count. */
export const VERIFIED_CASE_STUDY_THRESHOLDS = [1, 3, 5, 10] as const;
export const SHARE_THRESHOLDS = [0.25, 0.5, 0.6, 0.75] as const;

export const SEARCH_SORTS = ['best_match', 'assay_lower', 'assay_mean', 'evidence_depth', 'recently_verified'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** The order when none is asked for: how well the name matches a text query, otherwise the cautious score. */
export function defaultSearchSort(text: string | null | undefined): SearchSort {
  return text ? 'best_match' : 'assay_mean';
}

const list = <T extends string>(keys: readonly T[], what: string) =>
  z
    .array(z.string())
    .max(keys.length, `Choose at most ${keys.length} ${what}.`)
    .refine((values) => values.every((v) => (keys as readonly string[]).includes(v)), `Choose ${what} from the list.`)
    .transform((values) => [...new Set(values)] as T[])
    .nullish()
    .transform((v) => v ?? []);

const share = (what: string) =>
  z
    .number({ error: `Give the minimum ${what} as a number from 0 to 1.` })
    .min(0, `Give the minimum ${what} as a number from 0 to 1.`)
    .max(1, `Give the minimum ${what} as a number from 0 to 1.`)
    .nullish();

export const searchInputSchema = z.object({
  text: z.string().trim().max(200, 'Search text has at most 200 characters.').nullish(),
  capabilities: list(Object.keys(CAPABILITIES), 'capabilities'),
  industries: list(INDUSTRIES, 'industries'),
  regions: list(REGIONS, 'regions'),
  teamSizes: list(Object.keys(TEAM_SIZE_BUCKETS) as TeamSizeBucket[], 'team sizes'),
  rateBands: list(RATE_BANDS, 'rate bands'),
  minVerifiedCaseStudies: z.number().int('Give a whole number of case studies.').min(0, 'Give a number of case studies from 0.').max(1000).nullish(),
  minAssayLower: share('Assay lower bound'),
  minProductionDurability: share('production durability'),
  hideFlagged: z.boolean().nullish(),
  sort: z.enum(SEARCH_SORTS, { error: 'Choose a sort order from the list.' }).nullish(),
  first: z.number().int().min(1, 'Ask for at least 1 consultancy.').max(100, 'Ask for at most 100 consultancies at a time.').nullish(),
  after: z.string().max(500).nullish(),
});

export interface SearchFilters {
  text: string | null;
  capabilities: string[];
  industries: string[];
  regions: string[];
  teamSizes: TeamSizeBucket[];
  rateBands: string[];
  minVerifiedCaseStudies: number | null;
  minAssayLower: number | null;
  minProductionDurability: number | null;
  hideFlagged: boolean;
}

/** The facets, one per filter; each is counted with every other filter applied but not its own. */
export const FACETS = ['capabilities', 'industries', 'regions', 'teamSizes', 'rateBands', 'minVerifiedCaseStudies', 'minAssayLower', 'minProductionDurability', 'hideFlagged'] as const;
export type Facet = (typeof FACETS)[number];
