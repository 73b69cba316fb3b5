// Placeholder replaced by the foundation work: skips the database for unit-only runs.
export default async function globalSetup(globalConfig: { selectProjects?: string[] }): Promise<void> {
  const only = globalConfig.selectProjects;
  if (only && only.length === 1 && only[0] === 'unit') return;
}
