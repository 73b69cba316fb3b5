import { slugify } from '../organizations.service';

describe(slugify.name, () => {
  it('makes a readable ASCII slug', () => {
    expect(slugify('Lumen Analytics')).toBe('lumen-analytics');
    expect(slugify('  Café Données & Co. ')).toBe('cafe-donnees-co');
  });
  it('never returns an empty slug', () => {
    expect(slugify('!!!')).toBe('organization');
    expect(slugify('日本語')).toBe('organization');
  });
  it('caps the length', () => {
    expect(slugify('a'.repeat(200))).toHaveLength(60);
  });
});
