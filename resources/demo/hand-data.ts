/**
 * Small hand-written tables that fill the gaps of shared/data (its README names the gaps).
 * Nothing here is sourced data: these are plausible values for a synthetic population.
 * Every Belfiore code below was checked against @marketto/belfiore-connector-embedded (the
 * test suite re-checks the ones the generator uses), and country ISO codes against its iso3166.
 */
import type { Weighted } from './prng';

/** Comma-separated names: keeps the long hand-written lists compact under Prettier. */
const list = (names: string): string[] =>
  names
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');

export interface Place {
  /** Belfiore code, or Z + 3 digits for a foreign country */
  code: string;
  /** name as in the Belfiore data set (e.g. "Reggio di Calabria", "Marocco") */
  name: string;
}

/** Comuni around Casale (DOMAIN §7.8), used as birthplaces and as origins of moves. */
export const AREA_COMUNI: Place[] = [
  { code: 'B885', name: 'Casale Monferrato' },
  { code: 'A605', name: 'Balzola' },
  { code: 'B037', name: 'Borgo San Martino' },
  { code: 'D780', name: 'Frassineto Po' },
  { code: 'G204', name: 'Ozzano Monferrato' },
  { code: 'F995', name: 'Occimiano' },
  { code: 'G858', name: 'Pontestura' },
  { code: 'B453', name: 'Camagna Monferrato' },
  { code: 'C962', name: 'Coniolo' },
  { code: 'C977', name: 'Conzano' },
  { code: 'F707', name: 'Morano sul Po' },
  { code: 'H569', name: 'Rosignano Monferrato' },
  { code: 'H878', name: 'San Giorgio Monferrato' },
  { code: 'L139', name: 'Terruggia' },
  { code: 'L972', name: 'Villanova Monferrato' },
  { code: 'L165', name: 'Ticineto' },
  { code: 'L633', name: 'Valmacca' },
  { code: 'F232', name: 'Mirabello Monferrato' },
  { code: 'E015', name: 'Giarole' },
  { code: 'C531', name: 'Cerrina Monferrato' },
];

/** Northern towns people move to Casale from (and emigrate to). */
export const NORTH_PLACES: Weighted<Place>[] = [
  { value: { code: 'L219', name: 'Torino' }, weight: 10 },
  { value: { code: 'A182', name: 'Alessandria' }, weight: 10 },
  { value: { code: 'F205', name: 'Milano' }, weight: 6 },
  { value: { code: 'L750', name: 'Vercelli' }, weight: 5 },
  { value: { code: 'A479', name: 'Asti' }, weight: 4 },
  { value: { code: 'L570', name: 'Valenza' }, weight: 3 },
  { value: { code: 'D969', name: 'Genova' }, weight: 3 },
  { value: { code: 'F952', name: 'Novara' }, weight: 2 },
  { value: { code: 'G388', name: 'Pavia' }, weight: 2 },
];

/** Southern birthplaces: the 1950s–70s migration to Piedmont. */
export const SOUTH_PLACES: Weighted<Place>[] = [
  { value: { code: 'F839', name: 'Napoli' }, weight: 5 },
  { value: { code: 'G273', name: 'Palermo' }, weight: 4 },
  { value: { code: 'H224', name: 'Reggio di Calabria' }, weight: 4 },
  { value: { code: 'A662', name: 'Bari' }, weight: 3 },
  { value: { code: 'C351', name: 'Catania' }, weight: 3 },
  { value: { code: 'D086', name: 'Cosenza' }, weight: 3 },
  { value: { code: 'F158', name: 'Messina' }, weight: 3 },
  { value: { code: 'A089', name: 'Agrigento' }, weight: 3 },
  { value: { code: 'D643', name: 'Foggia' }, weight: 2 },
  { value: { code: 'E506', name: 'Lecce' }, weight: 2 },
];

/** Italians born abroad (children of emigrants who came back). */
export const ABROAD_BIRTHPLACES_OF_ITALIANS: Weighted<Place>[] = [
  { value: { code: 'Z133', name: 'Svizzera' }, weight: 4 },
  { value: { code: 'Z110', name: 'Francia' }, weight: 3 },
  { value: { code: 'Z112', name: 'Germania' }, weight: 3 },
  { value: { code: 'Z600', name: 'Argentina' }, weight: 2 },
  { value: { code: 'Z103', name: 'Belgio' }, weight: 2 },
];

/** Where emigrating residents go abroad. */
export const EMIGRATION_ABROAD: Weighted<Place>[] = [
  { value: { code: 'Z114', name: 'Regno Unito' }, weight: 4 },
  { value: { code: 'Z112', name: 'Germania' }, weight: 4 },
  { value: { code: 'Z110', name: 'Francia' }, weight: 3 },
  { value: { code: 'Z133', name: 'Svizzera' }, weight: 3 },
  { value: { code: 'Z131', name: 'Spagna' }, weight: 2 },
  { value: { code: 'Z126', name: 'Paesi Bassi' }, weight: 1 },
];

export interface CountryProfile {
  /** English name as used in foreign_residents_casale.tsv */
  dataName: string;
  iso: string;
  place: Place;
  /** first year with noticeable arrivals in Casale (our estimate) */
  arrivalsFrom: number;
  /** surnames to add to the ones the data has for this country */
  surnames: string[];
  /** surnames borne by women (Sikh families: men Singh, women Kaur) */
  femaleSurnames?: string[];
  male: string[];
  female: string[];
}

/**
 * Foreign communities. The data has the counts and a handful of surnames (Chinese, Ukrainian,
 * Sri Lankan, Singh/Kaur, Popa/Popescu, Hoxha, Mohamed/Ahmed); Moroccan, Moldovan, most Albanian
 * and Romanian surnames and all foreign given names are filled in here by hand.
 */
export const COUNTRIES: CountryProfile[] = [
  {
    dataName: 'Albania',
    iso: 'AL',
    place: { code: 'Z100', name: 'Albania' },
    arrivalsFrom: 1991,
    surnames: list('Shehu, Hoxhaj, Leka, Dervishi, Marku, Gjoka, Kola, Prifti, Cela, Muça, Hysa'),
    male: list('Arben, Gentian, Ilir, Erion, Besnik, Artan, Fatmir, Klodian, Ermal, Dritan, Kristian'),
    female: list('Elona, Anila, Blerina, Mirela, Entela, Alketa, Jonida, Ornela, Valbona, Ermira, Klea'),
  },
  {
    dataName: 'Romania',
    iso: 'RO',
    place: { code: 'Z129', name: 'Romania' },
    arrivalsFrom: 1998,
    surnames: list('Ionescu, Pop, Radu, Dumitru, Stan, Stoica, Gheorghe, Matei, Munteanu, Constantin'),
    male: list('Ion, Andrei, Mihai, Alexandru, Gheorghe, Florin, Adrian, Constantin, Vasile, Marius'),
    female: list('Maria, Elena, Ioana, Andreea, Mihaela, Gabriela, Ana, Cristina, Alina, Florentina'),
  },
  {
    dataName: 'Morocco',
    iso: 'MA',
    place: { code: 'Z330', name: 'Marocco' },
    arrivalsFrom: 1988,
    surnames: list('El Idrissi, Benali, Bouzid, El Amrani, Alaoui, Tahiri, Haddad, Chakir, El Mansouri'),
    male: list('Mohamed, Ahmed, Youssef, Said, Rachid, Abdelali, Karim, Hamza, Omar, Mustapha'),
    female: list('Fatima, Khadija, Aicha, Naima, Samira, Latifa, Salma, Hanane, Meryem, Imane'),
  },
  {
    dataName: 'Moldova',
    iso: 'MD',
    place: { code: 'Z140', name: 'Moldova' },
    arrivalsFrom: 2000,
    surnames: list('Rusu, Ceban, Ciobanu, Turcan, Cebotari, Lungu, Rotari, Sirbu, Botnari, Melnic'),
    male: list('Ion, Vasile, Sergiu, Igor, Dumitru, Victor, Andrei, Nicolae, Vladimir, Alexandru'),
    female: list('Natalia, Elena, Tatiana, Olga, Svetlana, Ana, Maria, Irina, Ludmila, Cristina'),
  },
  {
    dataName: 'China',
    iso: 'CN',
    place: { code: 'Z210', name: 'Cina' },
    arrivalsFrom: 1995,
    surnames: [],
    male: list('Wei, Jian, Jun, Hao, Lei, Qiang, Ming, Tao, Yong, Jie'),
    female: list('Li, Na, Fang, Jing, Ying, Xiaoyan, Hui, Yan, Mei, Lina'),
  },
  {
    dataName: 'El Salvador',
    iso: 'SV',
    place: { code: 'Z506', name: 'El Salvador' },
    arrivalsFrom: 2000,
    surnames: list('Hernández, López, Martínez, García, Rodríguez, Ramírez, Flores, Rivera, Mejía'),
    male: list('José, Carlos, Juan, Luis, Jorge, Mario, Óscar, Francisco'),
    female: list('María, Ana, Rosa, Carmen, Gloria, Sandra, Karla, Verónica'),
  },
  {
    dataName: 'Ukraine',
    iso: 'UA',
    place: { code: 'Z138', name: 'Ucraina' },
    arrivalsFrom: 2001,
    surnames: [],
    male: list('Oleksandr, Andriy, Serhiy, Volodymyr, Mykola, Ivan, Dmytro, Yuriy'),
    female: list('Olena, Natalia, Oksana, Tetiana, Iryna, Svitlana, Halyna, Liudmyla'),
  },
  {
    dataName: 'India',
    iso: 'IN',
    place: { code: 'Z222', name: 'India' },
    arrivalsFrom: 2000,
    surnames: list('Kumar'),
    femaleSurnames: list('Kaur'),
    male: list('Gurpreet, Harpreet, Manpreet, Jaswinder, Sukhwinder, Amandeep, Rajinder, Kuldeep'),
    female: list('Simranjeet, Harpreet, Manpreet, Navneet, Jasleen, Rajwinder, Kamaljeet'),
  },
  {
    dataName: 'Sri Lanka',
    iso: 'LK',
    place: { code: 'Z209', name: 'Sri Lanka' },
    arrivalsFrom: 1998,
    surnames: list('Perera, Silva, De Silva, Jayasinghe, Rathnayake'),
    male: list('Nuwan, Chaminda, Saman, Ruwan, Kasun, Roshan'),
    female: list('Dilani, Nadeesha, Chamari, Sanduni, Nirosha'),
  },
  {
    dataName: 'Pakistan',
    iso: 'PK',
    place: { code: 'Z236', name: 'Pakistan' },
    arrivalsFrom: 2002,
    surnames: list('Khan, Ali, Hussain, Iqbal, Butt, Malik'),
    male: list('Muhammad, Ali, Imran, Asif, Bilal, Usman'),
    female: list('Ayesha, Fatima, Sana, Nadia, Rabia'),
  },
  {
    dataName: 'Nigeria',
    iso: 'NG',
    place: { code: 'Z335', name: 'Nigeria' },
    arrivalsFrom: 1998,
    surnames: list('Okafor, Okonkwo, Eze, Adeyemi, Ogunleye, Obi, Nwosu, Osagie, Idahosa'),
    male: list('Chinedu, Emeka, Osaro, Samuel, Daniel, Godwin, Friday'),
    female: list('Blessing, Joy, Precious, Faith, Gift, Esther, Mercy'),
  },
  {
    dataName: 'Senegal',
    iso: 'SN',
    place: { code: 'Z343', name: 'Senegal' },
    arrivalsFrom: 1990,
    surnames: list('Diop, Ndiaye, Fall, Sow, Diallo, Gueye, Sarr, Mbaye, Diagne'),
    male: list('Mamadou, Moussa, Cheikh, Ibrahima, Abdoulaye, Modou, Ousmane'),
    female: list('Fatou, Awa, Aminata, Mariama, Ndeye, Khady, Coumba'),
  },
  {
    dataName: 'Tunisia',
    iso: 'TN',
    place: { code: 'Z352', name: 'Tunisia' },
    arrivalsFrom: 1990,
    surnames: list('Ben Ali, Trabelsi, Gharbi, Jebali, Hammami, Mejri'),
    male: list('Mohamed, Ahmed, Sami, Walid, Nabil, Karim'),
    female: list('Fatma, Amel, Sonia, Leila, Nour, Ines'),
  },
];

/**
 * The data names 6 communities and 20 single residents of other nationalities; the rest of
 * Casale's foreign residents (about 770 in 2015) are spread over these nationalities, weighted
 * roughly by their presence in Italy. Single-resident nationalities without a profile above
 * are folded into this remainder.
 */
export const OTHER_NATIONALITIES: Weighted<string>[] = [
  { value: 'Ukraine', weight: 30 },
  { value: 'Senegal', weight: 10 },
  { value: 'Nigeria', weight: 10 },
  { value: 'India', weight: 10 },
  { value: 'Tunisia', weight: 8 },
  { value: 'Pakistan', weight: 8 },
  { value: 'Sri Lanka', weight: 5 },
];

/** Nationalities of foreign spouses in Italian households and of live-in carers (badanti). */
export const MIXED_COUPLE_NATIONALITIES: Weighted<string>[] = [
  { value: 'Romania', weight: 5 },
  { value: 'Moldova', weight: 4 },
  { value: 'Ukraine', weight: 4 },
  { value: 'Albania', weight: 3 },
  { value: 'Morocco', weight: 1 },
];

/**
 * Surnames typical of the Casale/Monferrato area. The data has only top-10 lists for the
 * province, so the local long tail is filled by hand (several also name Casale streets).
 */
export const MONFERRATO_SURNAMES: string[] = list(
  'Accornero, Bagna, Barbano, Bava, Bergamasco, Bertana, Bosco, Botto, Buzio, Cane, Capra, ' +
    'Cavallero, Coppo, Cravino, Deambrogio, Demichelis, Deregibus, Fassio, Grassi, Grignolio, ' +
    'Guaschino, Lavagno, Luparia, Manacorda, Marchino, Mensio, Novarese, Oddone, Oggero, Ottone, ' +
    'Patrucco, Piccinini, Pugno, Ravizza, Riccardi, Robotti, Saletta, Scagliotti, Serra, Sozzi, ' +
    'Tartara, Torriani, Varvello, Visconti, Zavattaro, Zanotti',
);

/**
 * Given names for people born before 1950 and in 1950–1989: the data has no rankings for
 * those decades (README), only a short all-ages list, so these are hand-written, in rough
 * order of frequency.
 */
export const OLD_GIVEN_NAMES: Record<'M' | 'F', string[]> = {
  M: list(
    'Giuseppe, Giovanni, Mario, Luigi, Carlo, Pietro, Angelo, Franco, Bruno, Renato, Piero, ' +
      'Giorgio, Sergio, Aldo, Antonio, Francesco, Ernesto, Felice, Enrico, Luciano, Gino, ' +
      'Domenico, Vittorio, Ezio, Guido, Armando, Italo, Silvio, Remo, Attilio',
  ),
  F: list(
    'Maria, Anna, Giuseppina, Teresa, Rosa, Lucia, Angela, Carla, Franca, Luisa, Bruna, Pierina, ' +
      'Margherita, Giovanna, Elena, Carolina, Rina, Lidia, Ida, Rosanna, Wanda, Iolanda, Adele, ' +
      'Elsa, Emilia, Natalina, Luigia, Caterina, Ines, Mirella',
  ),
};

export const MIDDLE_GIVEN_NAMES: Record<'M' | 'F', string[]> = {
  M: list(
    'Roberto, Paolo, Marco, Stefano, Massimo, Maurizio, Claudio, Fabrizio, Alberto, Luca, ' +
      'Andrea, Alessandro, Davide, Gianni, Gianfranco, Giancarlo, Pierluigi, Daniele, Fabio, ' +
      'Enrico, Riccardo, Mauro, Walter, Sergio, Franco, Giorgio, Mario, Giuseppe, Antonio, Luigi, ' +
      'Michele, Simone, Matteo, Emanuele, Alessio, Cristiano, Dario, Diego, Corrado',
  ),
  F: list(
    'Paola, Laura, Patrizia, Daniela, Cristina, Barbara, Monica, Roberta, Elisabetta, Antonella, ' +
      'Manuela, Simona, Sabrina, Raffaella, Stefania, Marina, Loredana, Silvia, Francesca, ' +
      'Federica, Valentina, Elena, Chiara, Sara, Alessandra, Michela, Claudia, Marta, Anna, Maria, ' +
      'Gabriella, Graziella, Rita, Marisa, Silvana, Luisella, Ornella, Tiziana, Cinzia, Emanuela',
  ),
};

/**
 * Streets for the small comuni: plausible, common names (Via Roma, Piazza Municipio…), not
 * checked against the ANNCSU street register, which is not reachable from here.
 */
export const SMALL_COMUNE_STREETS: [string, string][] = [
  ['Via', 'Roma'],
  ['Piazza', 'Municipio'],
  ['Via', 'Garibaldi'],
  ['Via', 'Mazzini'],
  ['Via', 'Cavour'],
  ['Via', 'XX Settembre'],
  ['Via', 'Vittorio Veneto'],
  ['Via', 'Matteotti'],
  ['Via', 'Marconi'],
  ['Via', 'della Chiesa'],
  ['Via', 'Casale'],
  ['Via', 'IV Novembre'],
  ['Via', 'Umberto I'],
  ['Via', 'Dante Alighieri'],
  ['Via', 'Vittorio Emanuele II'],
  ['Via', 'San Giovanni'],
  ['Vicolo', 'del Forno'],
  ['Strada', 'Vicinale dei Prati'],
];

/** Extra streets named after each small comune's neighbours or river. */
export const SMALL_COMUNE_EXTRA_STREETS: Record<string, [string, string][]> = {
  A605: [
    ['Via', 'Vercelli'],
    ['Via', 'Morano'],
  ],
  B037: [
    ['Via', 'Occimiano'],
    ['Via', 'Alessandria'],
  ],
  D780: [
    ['Via', 'Po'],
    ['Via', 'Valenza'],
  ],
  G204: [
    ['Via', 'Cella Monte'],
    ['Via', 'San Giorgio'],
  ],
  F995: [
    ['Via', 'Mirabello'],
    ['Via', 'Giarole'],
  ],
  G858: [
    ['Via', 'Po'],
    ['Via', 'Serralunga'],
  ],
};

/** Vialarda has no population figure in the data; assumed close to the smaller frazioni. */
export const VIALARDA_POPULATION_ESTIMATE = 300;

/** No data on foreigners in the small comuni: assumed lower than Casale's share. */
export const SMALL_COMUNE_FOREIGN_SHARE = 0.075;
