/**
 * Header words, per field, in English, German, French, Spanish, Italian and Dutch. Written the way
 * {@link normalizeHeader} leaves them: lower-case, no accents, punctuation turned into spaces
 * ("E-Mail" → "e mail", "Tel." → "tel", "Prénom" → "prenom"). Within a field, earlier entries win
 * when two columns claim the same field (e.g. "Total collected" beats "Net sales" for the amount).
 */
import type { DataField } from './types';

export const FIELD_SYNONYMS: Readonly<Record<DataField, readonly string[]>> = {
  externalRef: [
    'customer id', 'customer number', 'customer no', 'customer nr', 'customer code', 'customer reference id',
    'customer ref', 'client id', 'client number', 'client no', 'client code', 'client ref', 'member id',
    'member number', 'membership number', 'loyalty id', 'loyalty number', 'reference id', 'account number',
    'square customer id', 'customer code',
    'kundennummer', 'kunden nr', 'kundennr', 'kunden id', 'kd nr', 'kdnr', 'mitgliedsnummer',
    'numero client', 'n client', 'no client', 'num client', 'id client', 'code client', 'reference client',
    'numero de cliente', 'id cliente', 'id de cliente', 'codigo cliente', 'codigo de cliente', 'n de cliente',
    'codice cliente', 'numero cliente', 'cod cliente',
    'klantnummer', 'klant id', 'klantnr', 'klantcode', 'lidnummer',
  ],
  name: [
    'customer name', 'client name', 'full name', 'name', 'customer', 'client', 'guest', 'guest name',
    'contact', 'contact name', 'member', 'member name', 'billing name', 'customer full name', 'display name',
    'kunde', 'kundin', 'kundenname', 'vollstandiger name', 'gast', 'name des kunden',
    'nom', 'nom complet', 'nom du client', 'nom client', 'nom et prenom', 'nom prenom',
    'nombre', 'nombre completo', 'cliente', 'nombre del cliente', 'nombre y apellidos', 'nombre cliente',
    'nome', 'nome completo', 'nome cliente', 'nominativo', 'nome e cognome',
    'naam', 'volledige naam', 'klant', 'klantnaam', 'naam klant',
  ],
  firstName: [
    'first name', 'firstname', 'given name', 'forename', 'first',
    'vorname', 'prenom', 'nombre de pila', 'nome proprio', 'voornaam', 'roepnaam',
  ],
  lastName: [
    'last name', 'lastname', 'surname', 'family name', 'last',
    'nachname', 'familienname', 'zuname', 'nom de famille', 'apellido', 'apellidos', 'primer apellido',
    'cognome', 'achternaam', 'familienaam',
  ],
  email: [
    'email', 'e mail', 'email address', 'e mail address', 'mail', 'mail address', 'emailadresse',
    'e mail adresse', 'email adresse', 'courriel', 'adresse email', 'adresse e mail', 'adresse mail', 'correo',
    'correo electronico', 'e mail cliente', 'email cliente', 'posta elettronica', 'indirizzo email',
    'indirizzo e mail', 'e mailadres', 'emailadres', 'mailadres',
  ],
  phone: [
    'phone', 'phone number', 'telephone', 'telephone number', 'tel', 'tel no', 'mobile', 'mobile number',
    'mobile phone', 'cell', 'cell phone', 'cellphone', 'contact number', 'day phone', 'whatsapp', 'billing phone',
    'telefon', 'telefonnummer', 'tel nr', 'handy', 'handynummer', 'mobil', 'mobilnummer', 'mobiltelefon', 'rufnummer',
    'portable', 'numero de telephone', 'n de telephone', 'gsm', 'telephone portable',
    'telefono', 'movil', 'celular', 'numero de telefono', 'telefono movil',
    'cellulare', 'numero di telefono', 'telefono cellulare',
    'telefoon', 'telefoonnummer', 'mobiel', 'mobiel nummer', 'mobiele telefoon', 'mobile number',
  ],
  birthday: [
    'birthday', 'birth date', 'date of birth', 'dob', 'birthdate', 'born',
    'geburtstag', 'geburtsdatum', 'geb datum', 'geboren',
    'anniversaire', 'date de naissance', 'ne le', 'cumpleanos', 'fecha de nacimiento', 'fecha nacimiento',
    'compleanno', 'data di nascita', 'data nascita', 'verjaardag', 'geboortedatum',
  ],
  notes: [
    'notes', 'note', 'memo', 'remarks', 'customer notes', 'internal notes', 'client notes',
    'notiz', 'notizen', 'bemerkung', 'bemerkungen', 'anmerkung', 'anmerkungen', 'hinweis', 'hinweise',
    'remarque', 'remarques', 'observations', 'notas', 'nota', 'observaciones',
    'annotazioni', 'osservazioni', 'notities', 'notitie', 'opmerking', 'opmerkingen',
  ],
  tags: [
    'tags', 'tag', 'groups', 'group', 'segment', 'labels', 'label', 'customer group', 'customer tags',
    'schlagworte', 'schlagworter', 'gruppe', 'gruppen', 'kundengruppe', 'etiketten',
    'etiquettes', 'etiquette', 'groupe', 'groupes', 'etiquetas', 'grupo', 'grupos',
    'etichette', 'gruppo', 'gruppi', 'groep', 'groepen',
  ],
  marketingConsent: [
    'marketing consent', 'accepts marketing', 'accepts email marketing', 'email subscription status',
    'newsletter', 'opt in', 'optin', 'marketing opt in', 'email opt in', 'subscribed', 'consent', 'marketing',
    'email marketing', 'accepts sms marketing',
    'werbeeinwilligung', 'einwilligung', 'marketing einwilligung', 'newsletter abonniert',
    'consentement', 'consentement marketing', 'accepte marketing', 'accepte les communications',
    'consentimiento', 'acepta marketing', 'acepta publicidad',
    'consenso', 'consenso marketing', 'consenso privacy', 'toestemming', 'marketing toestemming', 'nieuwsbrief',
  ],
  date: [
    'date', 'visit date', 'date of visit', 'sale date', 'transaction date', 'order date', 'purchase date',
    'appointment date', 'booking date', 'date time', 'datetime', 'created at', 'created', 'paid at', 'timestamp',
    'scheduled date', 'receipt date', 'day', 'visited on',
    'datum', 'besuchsdatum', 'verkaufsdatum', 'kaufdatum', 'rechnungsdatum', 'termin', 'termindatum',
    'belegdatum', 'buchungsdatum', 'datum uhrzeit',
    'date de visite', 'date de vente', 'date d achat', 'date du rendez vous', 'date rdv', 'jour', 'date heure',
    'fecha', 'fecha de visita', 'fecha de venta', 'fecha de compra', 'dia', 'fecha de la cita', 'fecha hora',
    'data', 'data visita', 'data di vendita', 'data vendita', 'data acquisto', 'giorno', 'data appuntamento',
    'data ora', 'bezoekdatum', 'verkoopdatum', 'aankoopdatum', 'afspraakdatum', 'dag', 'datum tijd',
  ],
  amount: [
    'total collected', 'amount paid', 'total', 'amount', 'total amount', 'order total', 'grand total',
    'total price', 'total sales', 'price', 'paid', 'sum', 'spent', 'spend', 'total spent', 'total spend',
    'revenue', 'sales', 'value', 'charge', 'gross sales', 'net sales', 'total amount paid',
    'betrag', 'summe', 'gesamt', 'gesamtbetrag', 'umsatz', 'preis', 'bezahlt', 'endbetrag', 'brutto',
    'gesamtsumme', 'rechnungsbetrag', 'betrag eur',
    'montant', 'prix', 'montant total', 'somme', 'montant ttc', 'total ttc', 'chiffre d affaires', 'paye',
    'importe', 'precio', 'monto', 'importe total', 'pagado', 'suma', 'total pagado',
    'importo', 'totale', 'prezzo', 'importo totale', 'spesa', 'pagato',
    'bedrag', 'totaal', 'prijs', 'totaalbedrag', 'omzet', 'betaald',
  ],
  items: [
    'items', 'item', 'products', 'product', 'services', 'service', 'description', 'item description',
    'line items', 'lineitem name', 'articles', 'treatment', 'item sold', 'items sold',
    'artikel', 'produkt', 'produkte', 'leistung', 'leistungen', 'dienstleistung', 'beschreibung', 'behandlung',
    'positionen', 'article', 'produits', 'produit', 'prestation', 'prestations', 'designation', 'soin', 'soins',
    'articulos', 'articulo', 'productos', 'producto', 'servicio', 'servicios', 'descripcion', 'concepto',
    'tratamiento', 'articoli', 'articolo', 'prodotti', 'prodotto', 'servizio', 'servizi', 'descrizione',
    'trattamento', 'artikelen', 'producten', 'dienst', 'diensten', 'omschrijving', 'behandeling',
  ],
  staff: [
    'staff', 'staff name', 'staff member', 'employee', 'served by', 'cashier', 'cashier name', 'stylist',
    'therapist', 'barber', 'team member', 'service provider', 'provider', 'seller', 'salesperson', 'server',
    'mitarbeiter', 'mitarbeiterin', 'bedienung', 'kassierer', 'verkaufer', 'friseur', 'friseurin', 'personal',
    'employe', 'personnel', 'vendeur', 'caissier', 'coiffeur', 'coiffeuse', 'collaborateur', 'serveur',
    'empleado', 'vendedor', 'cajero', 'estilista', 'atendido por', 'peluquero',
    'dipendente', 'personale', 'operatore', 'cassiere', 'commesso', 'addetto', 'parrucchiere',
    'medewerker', 'personeel', 'kassier', 'verkoper', 'kapper',
  ],
  paymentMethod: [
    'payment method', 'payment type', 'payment', 'paid by', 'tender', 'tender type', 'payment mode',
    'zahlungsart', 'zahlart', 'zahlungsmethode', 'bezahlart', 'zahlung', 'zahlungsmittel',
    'mode de paiement', 'moyen de paiement', 'paiement', 'reglement', 'type de paiement',
    'metodo de pago', 'forma de pago', 'pago', 'tipo de pago', 'medio de pago',
    'metodo di pagamento', 'pagamento', 'modalita di pagamento', 'tipo pagamento', 'tipo di pagamento',
    'betaalmethode', 'betaalwijze', 'betaling', 'betaald met',
  ],
  nps: [
    'nps', 'nps score', 'net promoter score', 'recommend', 'likelihood to recommend', 'recommendation score',
    'how likely are you to recommend us', 'would recommend',
    'weiterempfehlung', 'empfehlung', 'nps wert', 'recommandation', 'note de recommandation',
    'recomendacion', 'raccomandazione', 'aanbeveling',
  ],
  rating: [
    'rating', 'stars', 'star rating', 'score', 'review score', 'satisfaction', 'csat', 'review rating',
    'bewertung', 'sterne', 'zufriedenheit', 'etoiles', 'evaluation', 'note sur 5',
    'valoracion', 'puntuacion', 'calificacion', 'estrellas', 'satisfaccion',
    'valutazione', 'stelle', 'voto', 'soddisfazione', 'punteggio',
    'beoordeling', 'sterren', 'waardering', 'tevredenheid', 'cijfer',
  ],
  comment: [
    'comment', 'comments', 'feedback', 'review', 'review text', 'message', 'what did you think',
    'kommentar', 'kommentare', 'ruckmeldung', 'meinung', 'rezension',
    'commentaire', 'commentaires', 'avis', 'retour', 'comentario', 'comentarios', 'opinion', 'resena',
    'commento', 'commenti', 'opinione', 'recensione', 'commentaar', 'reactie', 'recensie',
  ],
};

/**
 * Headers that look like a field but are not one: counts, ids of sales, times, taxes. Listed so that
 * the loose "header contains a field word" match never maps "Total visits" to the amount or
 * "Payment ID" to the payment method.
 */
export const IGNORED_HEADERS: readonly string[] = [
  'time', 'time zone', 'timezone', 'uhrzeit', 'heure', 'hora', 'ora', 'tijd',
  'transaction id', 'payment id', 'order id', 'order number', 'receipt number', 'receipt no', 'sale no', 'ref',
  'invoice number', 'belegnummer', 'rechnungsnummer', 'bonnummer', 'numero de ticket', 'numero de factura',
  'qty', 'quantity', 'menge', 'anzahl', 'quantite', 'cantidad', 'quantita', 'aantal',
  'tax', 'taxes', 'vat', 'mwst', 'ust', 'tva', 'iva', 'btw', 'tip', 'tips', 'trinkgeld', 'pourboire', 'propina', 'mancia', 'fooi',
  'discount', 'discounts', 'rabatt', 'remise', 'descuento', 'sconto', 'korting', 'fee', 'fees', 'service charges',
  'total visits', 'total orders', 'transaction count', 'visit count', 'number of visits', 'visits', 'orders',
  'anzahl besuche', 'nombre de visites', 'numero de visitas', 'numero di visite', 'aantal bezoeken',
  'first visit', 'last visit', 'customer since', 'added', 'last seen', 'erster besuch', 'letzter besuch',
  'status', 'currency', 'wahrung', 'devise', 'moneda', 'valuta', 'sku', 'category', 'device name', 'location', 'store',
  'gender', 'geschlecht', 'address', 'adresse', 'direccion', 'indirizzo', 'adres', 'city', 'stadt', 'ville',
  'ciudad', 'citta', 'stad', 'postal code', 'zip', 'plz', 'postleitzahl', 'code postal', 'codigo postal', 'cap',
  'postcode', 'country', 'land', 'pays', 'pais', 'paese', 'points', 'points balance', 'punkte', 'company',
  'company name', 'firma', 'societe', 'empresa', 'azienda', 'bedrijf',
];

/**
 * Words that qualify a header without changing its field: "Customer phone" is a phone, "Client
 * e-mail" an email. Stripped before a second exact lookup. They are person words, so a header that is
 * only this word ("Customer", "Kunde") still names the customer through the synonym table.
 */
export const QUALIFIER_WORDS: ReadonlySet<string> = new Set([
  'customer', 'customers', 'client', 'clients', 'guest', 'member', 'contact', 'billing', 'primary', 'main',
  'kunde', 'kunden', 'kundin', 'gast', 'du', 'de', 'del', 'des', 'of', 'the', 'cliente', 'klant', 'klanten', 'your',
]);

/**
 * Words that make a loose match wrong: a header containing one of them is a count, an id of
 * something else, or a time — never the field its other words suggest.
 */
export const LOOSE_MATCH_VETO: ReadonlySet<string> = new Set([
  'id', 'nr', 'no', 'number', 'count', 'qty', 'quantity', 'visits', 'orders', 'transactions', 'tax', 'fee',
  'fees', 'tip', 'discount', 'time', 'zone', 'status', 'anzahl', 'nombre de', 'currency', 'first visit',
  'last visit', 'since', 'refund', 'refunds', 'refunded',
]);
