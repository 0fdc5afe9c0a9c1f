// Word lists for reading what a question asks for and what a sentence holds: general English news
// vocabulary (no names), one list per use. Lists are space-separated for easy reading.

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** Nouns after "which"/"what" that ask for a place. */
export const PLACE_NOUNS = set(`
  city cities country countries town towns village region regions state states nation nations county counties
  capital province district area areas island islands venue venues ground stadium arena airport port continent
  constituency seat seats location locations place places street neighbourhood suburb borough`);

/** Nouns after "which"/"what" that ask for an organisation or group. */
export const ORG_NOUNS = set(`
  company companies firm firms bank banks group groups party parties club clubs team teams side sides
  organisation organisations organization organizations body bodies network networks provider providers maker makers
  makers carrier carriers airline airlines channel channels broadcaster broadcasters newspaper newspapers paper
  agency agencies council councils authority authorities union unions university universities college school schools
  charity charities exchange government governments band bands label labels studio studios retailer retailers chain
  chains supermarket supermarkets operator operators developer developers publisher publishers watchdog regulator
  tank institute institution institutions association federation league manufacturer manufacturers producer producers
  business businesses giant giants rival rivals brand brands outlet outlets station stations service services
  department ministry court courts committee board trust foundation charity insurer insurers lender lenders investor
  investors fund funds`);

/** Nouns after "which"/"what" (and the words "who" stands for) that ask for a person. */
export const PERSON_NOUNS = set(`
  person people man men woman women player players minister ministers leader leaders member members official officials
  actor actors actress singer singers mp mps peer peers athlete athletes manager managers coach coaches boss bosses
  chief chiefs director directors academic academics professor president judge judges star stars footballer
  footballers striker strikers keeper goalkeeper captain presenter presenters host hosts executive executives
  chairman chairwoman spokesman spokeswoman politician politicians candidate candidates referee referees
  winger defender midfielder forward batsman bowler driver rider runner champion champions musician artist artists
  writer author director producer designer founder owner analyst analysts economist scientist doctor lawyer
  secretary chancellor governor senator mayor prince princess king queen royal royals son daughter wife husband
  brother sister father mother rival opponent opponents teenager boy girl student students pupil pupils
  chef comedian dancer model rapper drummer guitarist composer journalist editor reporter broadcaster inventor
  entrepreneur businessman businesswoman billionaire tycoon investor donor victim suspect`);

/** Nouns after "which"/"what" that ask for a date or a year. */
export const TIME_NOUNS = set(`year years month months day days date dates season decade century week weekend time`);

/** Nouns after "which"/"what" that ask for a title or a product's name. */
export const TITLE_NOUNS = set(`
  song songs single singles album albums record records film films movie movies show shows programme programmes
  program book books novel series game games title titles drug drugs medicine medicines product products prize prizes
  award awards track tracks play plays documentary documentaries brand model models software system device devices
  console consoles phone phones vehicle car cars website site sites magazine musical opera`);

/** Words before a name that make it a person's: honorifics and titles. */
export const HONORIFICS = set(`
  mr mrs ms miss dr sir dame lord lady prof professor president prince princess king queen judge justice rev
  pope sen senator gen general capt captain sheikh rabbi bishop archbishop cardinal baroness baron earl duke`);

/** Last words that make a name an organisation's ("Film Council", "Deutsche Bank"). */
export const ORG_SUFFIXES = set(`
  council association bank corp corporation inc ltd plc llc group party foundation society centre center institute
  agency authority commission office department ministry university college club fc union network networks exchange
  airlines airways motors records laboratories labs games studios entertainment media press times news post bureau
  service services trust fund board court committee federation league organisation organization alliance holdings
  partners industries international electronics systems technologies communications telecom pictures brothers bros
  capital securities insurance energy oil gas petroleum airline railways foods stores channel`);

/** Capitalised words that start a sentence without being a name (in addition to stop words). */
export const NOT_NAMES = set(`
  the a an but and or so yet however meanwhile also earlier later last next this that these those there here
  it its he she they we i you his her their our my your mr mrs ms dr in on at for from with by of to as after
  before since while when where who what which why how if although though despite during under over about
  according both each every many most some such other another all any no not one two three four five six seven
  eight nine ten shares sales profits analysts officials critics experts police whilst amongst nevertheless
  furthermore moreover instead indeed perhaps still even now then yesterday today tomorrow asked speaking writing
  having being once thanks given meanwhile overall elsewhere again only just yes no well`);

/** Nationality adjectives and their countries: "Japanese" in a question looks for "Japan" too. */
export const DEMONYMS: Record<string, string> = Object.fromEntries(
  `afghan:afghanistan american:america argentine:argentina argentinian:argentina australian:australia austrian:austria
  belgian:belgium brazilian:brazil british:britain bulgarian:bulgaria canadian:canada chilean:chile chinese:china
  colombian:colombia croatian:croatia czech:czech danish:denmark dutch:netherlands egyptian:egypt english:england
  ethiopian:ethiopia european:europe filipino:philippines finnish:finland french:france german:germany greek:greece
  hungarian:hungary icelandic:iceland indian:india indonesian:indonesia iranian:iran iraqi:iraq irish:ireland
  israeli:israel italian:italy jamaican:jamaica japanese:japan kenyan:kenya korean:korea lebanese:lebanon
  libyan:libya malaysian:malaysia mexican:mexico moroccan:morocco nigerian:nigeria norwegian:norway pakistani:pakistan
  palestinian:palestine peruvian:peru polish:poland portuguese:portugal romanian:romania russian:russia
  saudi:saudi scottish:scotland serbian:serbia singaporean:singapore slovak:slovakia spanish:spain swedish:sweden
  swiss:switzerland syrian:syria taiwanese:taiwan thai:thailand turkish:turkey ukrainian:ukraine venezuelan:venezuela
  vietnamese:vietnam welsh:wales zimbabwean:zimbabwe`.trim().split(/\s+/).map((pair) => pair.split(':') as [string, string]),
);

/** Prepositions after which a capitalised name is read as a place ("in Leeds", "near Gaydon"). */
export const PLACE_PREPOSITIONS = set(`in at near outside inside across throughout around from to into towards toward via`);

/** Month and weekday names: capitalised, but times, not names. */
export const CALENDAR = set(`
  january february march april may june july august september october november december jan feb mar apr jun
  jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday`);

/** Countries and the larger world regions, for names not preceded by a place word. */
export const COUNTRIES = set(`
  afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain bangladesh belarus
  belgium bolivia bosnia brazil britain bulgaria cambodia cameroon canada chile china colombia congo croatia cuba
  cyprus czech denmark ecuador egypt england estonia ethiopia europe finland france georgia germany ghana greece
  holland hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea
  kosovo kuwait latvia lebanon libya lithuania luxembourg malaysia mexico moldova mongolia montenegro morocco
  mozambique nepal netherlands nigeria norway pakistan palestine peru philippines poland portugal qatar romania
  russia rwanda scotland senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria
  taiwan tanzania thailand tunisia turkey uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia
  zimbabwe africa asia america americas antarctica arctic uk us usa uae eu`);
