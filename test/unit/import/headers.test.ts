import { describe, expect, it } from 'vitest';
import {
  detectLayout,
  headerSignature,
  matchHeader,
  normalizeHeader,
  suggestMapping,
  withColumnField,
} from '../../../shared/import/headers';
import { KNOWN_LAYOUTS } from '../../../shared/import/layouts';
import { FIELD_SYNONYMS } from '../../../shared/import/synonyms';
import { IMPORT_FIELDS, type ImportField } from '../../../shared/import/types';

describe('normalizeHeader', () => {
  it.each([
    ['E-Mail', 'e mail'],
    ['Prénom', 'prenom'],
    ['Straße', 'strasse'],
    ['Tel.', 'tel'],
    ['  Date of   Visit ', 'date of visit'],
    ['Téléphone (mobile)', 'telephone mobile'],
    ['N° client', 'n client'],
    ['', ''],
  ])('%j → %j', (header, normalized) => expect(normalizeHeader(header)).toBe(normalized));
});

describe('matchHeader: headers in six languages', () => {
  it.each<[string, ImportField]>([
    // English
    ['Client', 'name'],
    ['Customer', 'name'],
    ['Full Name', 'name'],
    ['First Name', 'firstName'],
    ['Surname', 'lastName'],
    ['Email Address', 'email'],
    ['Phone Number', 'phone'],
    ['Mobile', 'phone'],
    ['Date of visit', 'date'],
    ['Total Spent', 'amount'],
    ['Amount', 'amount'],
    ['Date of Birth', 'birthday'],
    ['Notes', 'notes'],
    ['Tags', 'tags'],
    ['Accepts Marketing', 'marketingConsent'],
    ['Service', 'items'],
    ['Stylist', 'staff'],
    ['Payment Method', 'paymentMethod'],
    ['NPS', 'nps'],
    ['How likely are you to recommend us?', 'nps'],
    ['Rating', 'rating'],
    ['Stars', 'rating'],
    ['Comment', 'comment'],
    ['Customer ID', 'externalRef'],
    // German
    ['Kunde', 'name'],
    ['Vorname', 'firstName'],
    ['Nachname', 'lastName'],
    ['E-Mail', 'email'],
    ['Tel.', 'phone'],
    ['Handynummer', 'phone'],
    ['Datum', 'date'],
    ['Betrag', 'amount'],
    ['Geburtsdatum', 'birthday'],
    ['Bemerkungen', 'notes'],
    ['Mitarbeiter', 'staff'],
    ['Zahlungsart', 'paymentMethod'],
    ['Bewertung', 'rating'],
    ['Kommentar', 'comment'],
    ['Kundennummer', 'externalRef'],
    // French
    ['Nom', 'name'],
    ['Prénom', 'firstName'],
    ['Courriel', 'email'],
    ['Téléphone', 'phone'],
    ['Date de visite', 'date'],
    ['Montant', 'amount'],
    ['Montant TTC', 'amount'],
    ['Date de naissance', 'birthday'],
    ['Prestation', 'items'],
    ['Mode de paiement', 'paymentMethod'],
    ['Avis', 'comment'],
    ['N° client', 'externalRef'],
    // Spanish
    ['Cliente', 'name'],
    ['Nombre', 'name'],
    ['Apellidos', 'lastName'],
    ['Correo electrónico', 'email'],
    ['Teléfono', 'phone'],
    ['Fecha', 'date'],
    ['Importe', 'amount'],
    ['Forma de pago', 'paymentMethod'],
    ['Valoración', 'rating'],
    ['Comentario', 'comment'],
    // Italian
    ['Nome', 'name'],
    ['Cognome', 'lastName'],
    ['Cellulare', 'phone'],
    ['Data', 'date'],
    ['Importo', 'amount'],
    ['Data di nascita', 'birthday'],
    ['Valutazione', 'rating'],
    ['Commento', 'comment'],
    // Dutch
    ['Klant', 'name'],
    ['Voornaam', 'firstName'],
    ['Achternaam', 'lastName'],
    ['Telefoonnummer', 'phone'],
    ['Datum', 'date'],
    ['Bedrag', 'amount'],
    ['Geboortedatum', 'birthday'],
    ['Opmerkingen', 'notes'],
    ['Beoordeling', 'rating'],
    ['Klantnummer', 'externalRef'],
    // qualified and partial matches
    ['Customer phone', 'phone'],
    ['Client e-mail', 'email'],
    ['Kunden E-Mail', 'email'],
    ['Visit date (dd/mm/yyyy)', 'date'],
    ['Amount (EUR)', 'amount'],
    // look like a field but are not one
    ['Total visits', 'ignore'],
    ['Payment ID', 'ignore'],
    ['Transaction ID', 'ignore'],
    ['Time', 'ignore'],
    ['Tax', 'ignore'],
    ['Tip amount', 'ignore'],
    ['Refunded amount', 'ignore'],
    ['Number of orders', 'ignore'],
    ['Address', 'ignore'],
    ['Quantity', 'ignore'],
    ['Favourite colour', 'ignore'],
    ['', 'ignore'],
  ])('%j → %s', (header, field) => expect(matchHeader(header).field).toBe(field));

  it('ranks how certain a match is', () => {
    expect(matchHeader('E-Mail')).toMatchObject({ source: 'exact', confidence: 0.95 });
    expect(matchHeader('Customer phone')).toMatchObject({ source: 'qualified', confidence: 0.85 });
    expect(matchHeader('Visit date (dd/mm/yyyy)')).toMatchObject({ source: 'partial', confidence: 0.6 });
    expect(matchHeader('Favourite colour')).toMatchObject({ source: 'none', confidence: 0 });
  });

  it('every synonym is written normalized and maps to its own field', () => {
    for (const field of IMPORT_FIELDS) {
      for (const synonym of FIELD_SYNONYMS[field]) {
        expect(normalizeHeader(synonym), `synonym ${synonym}`).toBe(synonym);
        const match = matchHeader(synonym);
        // A synonym listed twice keeps its first field; it must still be recognised as some field.
        expect(match.field, `synonym ${synonym}`).not.toBe('ignore');
      }
    }
  });
});

describe('suggestMapping', () => {
  it('maps a German customer list', () => {
    const { fields } = suggestMapping(['Kundennummer', 'Vorname', 'Nachname', 'E-Mail', 'Tel.', 'Geburtsdatum', 'Notiz']);
    expect(fields).toEqual(['externalRef', 'firstName', 'lastName', 'email', 'phone', 'birthday', 'notes']);
  });

  it('"Nom" next to "Prénom" is the surname', () => {
    expect(suggestMapping(['Nom', 'Prénom', 'Courriel']).fields).toEqual(['lastName', 'firstName', 'email']);
    expect(suggestMapping(['Nom', 'Courriel']).fields).toEqual(['name', 'email']);
  });

  it('"Nombre" next to "Apellidos" is the first name', () => {
    expect(suggestMapping(['Nombre', 'Apellidos', 'Teléfono']).fields).toEqual(['firstName', 'lastName', 'phone']);
    expect(suggestMapping(['Nome', 'Cognome']).fields).toEqual(['firstName', 'lastName']);
  });

  it('one column per field: the more certain, then the preferred synonym, keeps it', () => {
    const mapping = suggestMapping(['Date', 'Price', 'Total', 'Customer']);
    expect(mapping.fields).toEqual(['date', 'ignore', 'amount', 'name']);
    expect(mapping.columns[1]).toMatchObject({ source: 'duplicate', header: 'Price' });
  });

  it('an exact header beats a partial one for the same field', () => {
    expect(suggestMapping(['Visit date (local)', 'Date']).fields).toEqual(['ignore', 'date']);
  });

  it('keeps headers as written and indexes columns', () => {
    const mapping = suggestMapping(['Kunde', 'Datum', 'Betrag']);
    expect(mapping.columns.map((c) => [c.index, c.header, c.field])).toEqual([
      [0, 'Kunde', 'name'],
      [1, 'Datum', 'date'],
      [2, 'Betrag', 'amount'],
    ]);
    expect(mapping.layout).toBeNull();
  });

  it('a remembered mapping for the same headers wins outright', () => {
    const header = ['Client', 'Datum', 'Montant'];
    const remembered = [{ signature: headerSignature(['client', 'DATUM', 'Montant']), fields: ['ignore', 'date', 'amount'] as ImportField[] }];
    const mapping = suggestMapping(header, remembered);
    expect(mapping.fields).toEqual(['ignore', 'date', 'amount']);
    expect(mapping.columns.every((c) => c.source === 'remembered' && c.confidence === 1)).toBe(true);
    // A remembered mapping for other headers does not apply.
    expect(suggestMapping(['Client', 'Datum'], remembered).fields).toEqual(['name', 'date']);
  });
});

describe('headerSignature', () => {
  it('ignores case, accents and punctuation but not order', () => {
    expect(headerSignature(['E-mail', 'Prénom'])).toBe(headerSignature(['e-mail', 'prenom']));
    expect(headerSignature(['E-mail', 'Prénom'])).not.toBe(headerSignature(['Prénom', 'E-mail']));
    expect(headerSignature(['ab', 'c'])).not.toBe(headerSignature(['a', 'bc']));
    expect(headerSignature(['Name'])).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('withColumnField', () => {
  it('moves a field to another column, setting the old one to ignore', () => {
    expect(withColumnField(['name', 'date', 'amount'], 2, 'date')).toEqual(['name', 'ignore', 'date']);
    expect(withColumnField(['name', 'date', 'amount'], 0, 'ignore')).toEqual(['ignore', 'date', 'amount']);
    expect(withColumnField(['ignore', 'ignore'], 1, 'ignore')).toEqual(['ignore', 'ignore']);
  });
});

describe('known layouts', () => {
  it.each(KNOWN_LAYOUTS.map((layout) => [layout.name, layout] as const))('%s is recognised and mapped', (_name, layout) => {
    // The file's headers as the till writes them: capitalised, all of the layout's columns.
    const headers = [...new Set([...layout.signature, ...Object.keys(layout.columns)])].map(titleCase);
    const mapping = suggestMapping(headers);
    expect(mapping.layout?.name).toBe(layout.name);
    headers.forEach((header, index) => {
      const expected = layout.columns[normalizeHeader(header)];
      if (expected !== undefined) expect(mapping.fields[index], header).toBe(expected);
    });
    expect(detectLayout(headers.map(normalizeHeader))?.name).toBe(layout.name);
  });

  it('a Square transactions export reads "Total Collected" as the amount, not "Gross Sales"', () => {
    const header = ['Date', 'Time', 'Time Zone', 'Gross Sales', 'Discounts', 'Net Sales', 'Tax', 'Tip', 'Total Collected',
      'Transaction ID', 'Customer ID', 'Customer Name', 'Customer Reference ID', 'Staff Name', 'Description', 'Card Brand'];
    const mapping = suggestMapping(header);
    expect(mapping.layout?.name).toBe('Square transactions');
    const byHeader = Object.fromEntries(header.map((h, i) => [h, mapping.fields[i]]));
    expect(byHeader).toMatchObject({
      Date: 'date',
      Time: 'ignore',
      'Gross Sales': 'ignore',
      'Net Sales': 'ignore',
      'Total Collected': 'amount',
      'Customer ID': 'ignore',
      'Customer Name': 'name',
      'Customer Reference ID': 'externalRef',
      'Staff Name': 'staff',
      Description: 'items',
      'Card Brand': 'paymentMethod',
    });
  });

  it('in a Shopify orders export "Name" is the order number, the person is "Billing Name"', () => {
    const header = ['Name', 'Email', 'Financial Status', 'Paid at', 'Subtotal', 'Total', 'Created at', 'Lineitem name', 'Billing Name', 'Billing Phone'];
    const mapping = suggestMapping(header);
    expect(mapping.layout?.name).toBe('Shopify orders');
    expect(mapping.fields).toEqual(['ignore', 'email', 'ignore', 'ignore', 'ignore', 'amount', 'date', 'items', 'name', 'phone']);
  });

  it('needs every signature header', () => {
    expect(detectLayout(['transaction id', 'total collected'])).toBeNull();
  });
});

function titleCase(header: string): string {
  return header.replace(/\b\w/g, (c) => c.toUpperCase());
}
