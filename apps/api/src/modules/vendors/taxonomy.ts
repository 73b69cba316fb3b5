/** The fixed capability taxonomy: a vendor picks from these, buyers filter by them. */
export const CAPABILITIES = {
  nlp: 'NLP',
  computer_vision: 'Computer vision',
  forecasting: 'Forecasting / time series',
  recommender_systems: 'Recommender systems',
  llm_applications: 'LLM applications',
  mlops: 'MLOps / platform',
  data_engineering: 'Data engineering',
  causal_inference: 'Causal inference / experimentation',
} as const;
export type Capability = keyof typeof CAPABILITIES;

export const INDUSTRIES = ['retail', 'finance', 'insurance', 'healthcare', 'manufacturing', 'logistics', 'energy', 'telecom', 'media', 'public_sector', 'travel', 'agriculture'] as const;
export const REGIONS = ['europe', 'north_america', 'latin_america', 'asia_pacific', 'middle_east_africa'] as const;
export const RATE_BANDS = ['under_800', '800_1200', '1200_1600', '1600_2000', 'over_2000'] as const;

/** Region names as people write them ("North America", not "North america"). */
export const REGION_LABELS: Record<(typeof REGIONS)[number], string> = {
  europe: 'Europe',
  north_america: 'North America',
  latin_america: 'Latin America',
  asia_pacific: 'Asia-Pacific',
  middle_east_africa: 'Middle East & Africa',
};

/** Human labels for rate bands (daily rate, EUR). */
export const RATE_BAND_LABELS: Record<(typeof RATE_BANDS)[number], string> = {
  under_800: 'under €800/day',
  '800_1200': '€800–1,200/day',
  '1200_1600': '€1,200–1,600/day',
  '1600_2000': '€1,600–2,000/day',
  over_2000: 'over €2,000/day',
};
