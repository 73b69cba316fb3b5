// The API's feature modules (apps/api/src/modules/<name>) in layers, lowest first. A module may
// import modules of earlier layers only, so the modules can never form an import cycle; ESLint
// (import-x/no-restricted-paths) enforces it and test/static/workspace.spec.ts checks that every
// module folder is listed. To let a module use another, place it in a later layer.
export const API_MODULE_LAYERS = [
  ['jobs', 'rate-limits', 'health'],
  ['mail', 'ledger'],
  ['accounts'],
  ['organizations'],
  ['vendors', 'evidence', 'search-index'],
  ['signals'],
  ['case-studies', 'search', 'identity'],
  ['references', 'shortlists'],
  ['follow-ups'],
  ['verification'],
  ['disputes', 'submissions', 'client-confirmations'],
];

const MODULES = 'apps/api/src/modules';

/** One restricted-paths zone per module: it may not import its own layer or any later one. */
export function apiModuleZones(layers) {
  return layers.flatMap((layer, i) =>
    layer.map((name) => {
      const forbidden = layers.slice(i).flat().filter((other) => other !== name);
      return {
        target: `./${MODULES}/${name}`,
        from: forbidden.map((other) => `./${MODULES}/${other}`),
        message: `The ${name} module may import only modules of earlier layers (tools/lint/api-module-layers.mjs); move the shared part down or the use case up.`,
      };
    }),
  );
}
