import fc from 'fast-check';
import {
  contactIdentityKey,
  domainMatches,
  emailDomain,
  isFreeMailDomain,
  isValidDomain,
  normalizeDomain,
  normalizeEmail,
} from '../email-domains';

describe('email addresses and domains', () => {
  describe(normalizeEmail.name, () => {
    it('trims and lower-cases an address', () => {
      expect(normalizeEmail('  Jane.Doe@ACME.com ')).toEqual({ ok: true, email: 'jane.doe@acme.com' });
    });

    it('keeps plus tags and the usual symbols in the local part', () => {
      expect(normalizeEmail("o'neil+refs@eu.acme.co.uk")).toEqual({ ok: true, email: "o'neil+refs@eu.acme.co.uk" });
    });

    it('encodes an international domain as punycode', () => {
      expect(normalizeEmail('joerg@Müller.de')).toEqual({ ok: true, email: 'joerg@xn--mller-kva.de' });
    });

    it('refuses a non-ASCII local part, which many mail servers cannot deliver to', () => {
      expect(normalizeEmail('jörg@mueller.de')).toMatchObject({ ok: false, code: 'EMAIL_INVALID' });
    });

    it.each([
      '',
      '   ',
      'jane',
      'jane@',
      '@acme.com',
      'jane@@acme.com',
      'jane@bob@acme.com',
      'jane@acme',
      'jane@localhost',
      'jane doe@acme.com',
      '.jane@acme.com',
      'jane.@acme.com',
      'jane..doe@acme.com',
      'jane@-acme.com',
      'jane@acme-.com',
      'jane@acme..com',
      'jane@192.168.0.1',
      'jane@acme.c0m',
      'jane@müller.de/x',
      `${'j'.repeat(65)}@acme.com`,
    ])('refuses the malformed address %p', (email) => {
      expect(normalizeEmail(email)).toMatchObject({ ok: false, code: 'EMAIL_INVALID', message: expect.any(String) });
    });

    it('refuses an address longer than 254 characters', () => {
      const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(50)}.com`;
      expect(normalizeEmail(`${'j'.repeat(10)}@${domain}`)).toMatchObject({ ok: false, code: 'EMAIL_INVALID' });
    });
  });

  it('finds the domain of an address, or null when malformed', () => {
    expect(emailDomain('Jane@EU.Acme.com')).toBe('eu.acme.com');
    expect(emailDomain('not an email')).toBeNull();
  });

  it('recognises the same contact behind different plus tags', () => {
    expect(contactIdentityKey('Jane+vendor-one@acme.com')).toBe('jane@acme.com');
    expect(contactIdentityKey('jane@acme.com')).toBe('jane@acme.com');
    expect(contactIdentityKey('+jane@acme.com')).toBe('+jane@acme.com');
    expect(contactIdentityKey('nope')).toBeNull();
  });

  describe(isValidDomain.name, () => {
    it.each(['acme.com', 'eu.acme.co.uk', 'ACME.COM.', 'a-b.io', 'xn--mller-kva.de', 'müller.de', 'shop.xn--p1ai'])(
      'accepts %p',
      (domain) => expect(isValidDomain(domain)).toBe(true),
    );

    it.each(['', 'localhost', 'acme', '.acme.com', 'acme..com', '-acme.com', 'acme.c', '10.0.0.1', 'acme.com/x', 'a b.com'])(
      'refuses %p',
      (domain) => expect(isValidDomain(domain)).toBe(false),
    );

    it('normalises case, whitespace and a trailing dot', () => {
      expect(normalizeDomain(' EU.Acme.com. ')).toBe('eu.acme.com');
    });
  });

  describe(domainMatches.name, () => {
    it.each([
      ['acme.com', 'acme.com', true],
      ['eu.acme.com', 'acme.com', true],
      ['deep.eu.acme.com', 'ACME.com', true],
      ['notacme.com', 'acme.com', false],
      ['acme.com', 'eu.acme.com', false],
      ['acme.com.evil.io', 'acme.com', false],
      ['acme', 'acme', false],
    ])('%p within %p → %p', (domain, parent, expected) => {
      expect(domainMatches(domain, parent)).toBe(expected);
    });

    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const domain = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'io', 'co.uk')).map(
      ([labels, tld]) => `${labels.join('.')}.${tld}`,
    );

    it('matches every subdomain of a domain', () => {
      fc.assert(fc.property(label, domain, (sub, parent) => expect(domainMatches(`${sub}.${parent}`, parent)).toBe(true)));
    });

    it('never matches a domain that merely ends with the same letters', () => {
      fc.assert(fc.property(label, domain, (prefix, parent) => expect(domainMatches(`${prefix}${parent}`, parent)).toBe(false)));
    });
  });

  describe(isFreeMailDomain.name, () => {
    it.each(['gmail.com', 'GMAIL.com', 'outlook.com', 'mailinator.com'])('knows %p is free or disposable mail', (d) => {
      expect(isFreeMailDomain(d)).toBe(true);
    });

    it.each(['acme.com', 'eu.acme.co.uk', 'not a domain'])('does not count %p as free mail', (d) => {
      expect(isFreeMailDomain(d)).toBe(false);
    });
  });
});

describe('free-mail list', () => {
  it('is loaded on first use, so importing the library stays cheap', () => {
    const loaded = jest.fn();
    jest.isolateModules(() => {
      jest.doMock('freemail', () => {
        loaded();
        return jest.requireActual('freemail');
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module registry is the point
      const domain = require('../index') as typeof import('../index');
      expect(loaded).not.toHaveBeenCalled();
      domain.isFreeMailDomain('gmail.com');
      domain.isFreeMailDomain('acme.com');
      expect(loaded).toHaveBeenCalledTimes(1);
    });
  });
});
