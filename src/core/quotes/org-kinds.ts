// Organisation head nouns and name suffixes of general English, by the kind of body they name. A speaker or
// a name that ends in (or holds) one of these words is an organisation; the kind says which anaphors can
// stand for it ("the company" for "Acme Ltd", "the agency" for "the Transport Department").
export type OrgKind = 'business' | 'government' | 'police' | 'municipal' | 'union' | 'association' | 'education' | 'health' | 'court' | 'party' | 'team' | 'military' | 'media' | 'church';

/** Head nouns (lower case) and the kinds each can name; one noun may name several kinds. */
export const ORG_KIND_WORDS: Record<string, OrgKind[]> = {
  // business
  company: ['business'], companies: ['business'], firm: ['business'], business: ['business'], corporation: ['business'], corp: ['business'],
  inc: ['business'], incorporated: ['business'], ltd: ['business'], limited: ['business'], llc: ['business'], plc: ['business'], co: ['business'],
  holdings: ['business'], industries: ['business'], enterprises: ['business'], technologies: ['business'], systems: ['business'], motors: ['business'],
  airline: ['business'], airlines: ['business'], airways: ['business'], retailer: ['business'], chain: ['business'], automaker: ['business'],
  carmaker: ['business'], manufacturer: ['business'], maker: ['business'], giant: ['business'], insurer: ['business'], lender: ['business'],
  bank: ['business'], startup: ['business'], 'start-up': ['business'], brand: ['business'], conglomerate: ['business'], utility: ['business', 'government'],
  railway: ['business'], railroad: ['business'], carrier: ['business'], operator: ['business'], provider: ['business'], supplier: ['business'],
  producer: ['business'], developer: ['business'], publisher: ['business', 'media'], pharmaceuticals: ['business'], energy: ['business'],
  resources: ['business'], mining: ['business'], partners: ['business'], capital: ['business'], investments: ['business'], fund: ['business'],
  // government
  government: ['government'], ministry: ['government'], department: ['government'], agency: ['government'], office: ['government'],
  authority: ['government', 'health'], administration: ['government'], service: ['government', 'police'], services: ['government'],
  commission: ['government'], bureau: ['government'], regulator: ['government'], watchdog: ['government'], secretariat: ['government'],
  directorate: ['government'], inspectorate: ['government'], embassy: ['government'], consulate: ['government'], board: ['government', 'education'],
  // police
  police: ['police'], constabulary: ['police'], detachment: ['police'],
  // municipal
  city: ['municipal'], town: ['municipal'], municipality: ['municipal'], county: ['municipal'], township: ['municipal'], village: ['municipal'],
  council: ['municipal', 'association'], province: ['government'], region: ['municipal'],
  // unions
  union: ['union'], federation: ['union', 'association'], guild: ['union'], confederation: ['union', 'association'],
  // associations, charities, groups
  association: ['association'], society: ['association'], institute: ['association', 'education'], foundation: ['association'],
  charity: ['association'], coalition: ['association'], alliance: ['association'], league: ['association', 'team'], network: ['association', 'media', 'business'],
  movement: ['association'], committee: ['association', 'government'], chamber: ['association'], centre: ['association'], center: ['association'],
  trust: ['association'], campaign: ['association'], organization: ['association'], organisation: ['association'],
  // education
  university: ['education'], college: ['education'], school: ['education'], academy: ['education'],
  // health
  hospital: ['health'], clinic: ['health'],
  // courts
  court: ['court'], tribunal: ['court'],
  // parties
  party: ['party'], caucus: ['party'],
  // teams and clubs
  team: ['team'], club: ['team', 'association'], franchise: ['team'],
  // military
  army: ['military'], navy: ['military'], military: ['military'], forces: ['military'], force: ['military', 'police'],
  // media
  newspaper: ['media'], broadcaster: ['media'], outlet: ['media'], station: ['media'], magazine: ['media'], news: ['media'], press: ['media'],
  herald: ['media'], journal: ['media'], tribune: ['media'], gazette: ['media'],
  // churches
  church: ['church'], diocese: ['church'], archdiocese: ['church'], parish: ['church'],
};

/** Anaphoric nouns that can stand for a body of any kind ("the group", "the organisation"). */
export const ORG_ANY_KIND = new Set(['group', 'organization', 'organisation', 'body', 'institution', 'entity', 'outfit']);

/** Organisation words that are also common English surnames ("Charlotte Church", "Margaret Court"): as a
 * name's last word they do not make it an organisation's. */
export const SURNAME_LIKE = new Set(['brand', 'carrier', 'church', 'court', 'guild', 'parish', 'chamber', 'herald', 'bank', 'press', 'town', 'post', 'trust', 'force', 'chain', 'giant', 'maker', 'village', 'station', 'star']);
