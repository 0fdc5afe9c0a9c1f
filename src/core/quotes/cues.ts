// Reporting verbs ("said", "told", "warned", ...) and the small word lists attribution rules lean on.

/** Verbs that report speech, by base form, with irregular forms where English has them. */
const REPORTING: Record<string, string[] | null> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'writing'],
  add: null,
  note: null,
  explain: null,
  warn: null,
  claim: null,
  insist: null,
  vow: null,
  announce: null,
  confirm: null,
  state: null,
  tweet: null,
  argue: null,
  allege: null,
  suggest: null,
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  acknowledge: null,
  concede: null,
  repeat: null,
  respond: null,
  reply: ['reply', 'replies', 'replied', 'replying'],
  joke: null,
  stress: ['stress', 'stresses', 'stressed', 'stressing'],
  report: null,
  testify: ['testify', 'testifies', 'testified', 'testifying'],
  declare: null,
  predict: null,
  maintain: null,
  contend: null,
  assert: null,
  emphasize: null,
  emphasise: null,
  recall: null,
  deny: ['deny', 'denies', 'denied', 'denying'],
  reveal: null,
  promise: null,
  remark: null,
  observe: null,
  comment: null,
  complain: null,
  caution: null,
  counter: null,
  mention: null,
  disclose: null,
  estimate: null,
  agree: null,
  point: null, // "pointed out" (see PARTICLE_CUES)
  shout: null,
  chant: null,
  scream: null,
  yell: null,
  pledge: null,
  boast: null,
  acknowledged: null,
  urge: null,
  ask: null,
  accuse: null,
  predicted: null,
  believe: null,
  describe: null,
  call: null,
  indicate: null,
  recount: null,
  reiterate: null,
  underline: null,
  underscore: null,
  conclude: null,
  lament: null,
  muse: null,
  quip: ['quip', 'quips', 'quipped', 'quipping'],
  wonder: null,
  whisper: null,
  cry: ['cry', 'cries', 'cried', 'crying'],
  demand: null,
  propose: null,
  question: null,
  hope: null,
  think: ['think', 'thinks', 'thought', 'thinking'],
  feel: ['feel', 'feels', 'felt', 'feeling'],
  fear: null,
  worry: ['worry', 'worries', 'worried', 'worrying'],
  find: ['find', 'finds', 'found', 'finding'],
  show: ['show', 'shows', 'showed', 'showing'],
  posted: ['post', 'posts', 'posted', 'posting'],
  read: ['read', 'reads'],
  recommend: null,
  advise: null,
  forecast: ['forecast', 'forecasts', 'forecasting'],
  project: null,
  expect: null,
  remind: null,
  voice: null,
  assure: null,
  inform: null,
};

/** Cues that report only when what follows is a clause or a quote (they have other uses). Beliefs and
 * findings ("believes", "found") report for groups and studies ("The study found that ...") but only with "that". */
export const NEEDS_THAT = new Set(['respond', 'reply', 'report', 'believe', 'think', 'feel', 'fear', 'worry', 'find', 'show', 'hope', 'expect', 'agree', 'project', 'read', 'question', 'wonder']);
/** Cues that need a quote in what they report ("called it 'a disaster'", "urged Russia to 'play a role'"). A
 * conclusion without one ("the inquiry concluded that ...") is a finding, not speech. */
export const NEEDS_QUOTE = new Set(['conclude', 'describe', 'call', 'ask', 'accuse', 'demand', 'propose', 'recommend', 'promise', 'pledge', 'voice']);
/** Cues whose first object is the listener: "told reporters (that)". */
export const TAKES_LISTENER = new Set(['tell', 'warn', 'assure', 'remind', 'inform', 'ask', 'promise']);

function regularForms(base: string): string[] {
  const ed = base.endsWith('e') ? `${base}d` : /[^aeiou][aeiou][pt]$/.test(base) && base.length <= 4 ? `${base}${base.at(-1)}ed` : `${base}ed`;
  const s = /(s|sh|ch|x)$/.test(base) ? `${base}es` : `${base}s`;
  const ing = base.endsWith('e') && !base.endsWith('ee') ? `${base.slice(0, -1)}ing` : `${base}ing`;
  return [base, s, ed, ing];
}

/** Lowercase cue form → its base form. */
export const CUE_FORMS = new Map<string, string>();
for (const [base, forms] of Object.entries(REPORTING)) {
  const b = forms ? forms[0] : base;
  for (const f of forms ?? regularForms(base)) CUE_FORMS.set(f, b);
}
CUE_FORMS.delete('point');
CUE_FORMS.delete('points');
CUE_FORMS.delete('pointed');
CUE_FORMS.delete('pointing');
// "state" and "report" as nouns ("the state", "a report") are handled by context; bare forms are verbs too rarely.
CUE_FORMS.delete('state');
CUE_FORMS.delete('report');
CUE_FORMS.delete('counter');
CUE_FORMS.delete('comment');
CUE_FORMS.delete('comments');
CUE_FORMS.delete('reports');
CUE_FORMS.delete('claims');
CUE_FORMS.delete('claim');
CUE_FORMS.delete('joke');
CUE_FORMS.delete('hopes');
CUE_FORMS.delete('fears');
CUE_FORMS.delete('worries');
CUE_FORMS.delete('thoughts');
CUE_FORMS.delete('feelings');
CUE_FORMS.delete('jokes');
CUE_FORMS.delete('finding');
CUE_FORMS.delete('findings');
CUE_FORMS.delete('reading');
CUE_FORMS.delete('showing');
CUE_FORMS.delete('feeling');
CUE_FORMS.delete('thinking');
CUE_FORMS.delete('posting');
CUE_FORMS.delete('questioning');
CUE_FORMS.delete('hoping');
CUE_FORMS.delete('statement');
CUE_FORMS.delete('remark');
CUE_FORMS.delete('remarks');
CUE_FORMS.delete('estimates');
CUE_FORMS.delete('posts');
CUE_FORMS.delete('counters');
CUE_FORMS.delete('notes');
CUE_FORMS.delete('question');
CUE_FORMS.delete('call');
CUE_FORMS.delete('project');
CUE_FORMS.delete('projects');
CUE_FORMS.delete('show');
CUE_FORMS.delete('find');
CUE_FORMS.delete('read');
CUE_FORMS.delete('hope');
CUE_FORMS.delete('fear');
CUE_FORMS.delete('tweet');
CUE_FORMS.delete('promise');
CUE_FORMS.delete('estimate');
CUE_FORMS.delete('forecast');

/** Multi-word cues: verb + particle. */
export const PARTICLE_CUES = /\b(point(?:s|ed|ing)? out|went on to say|goes on to say|made clear|makes clear|made it clear|spoke of|wrote in|said in a statement)\b/i;

/** A cue word anywhere: one regex over all forms (longest first), case-insensitive on the first letter. */
export const CUE_WORD = new RegExp(
  `\\b(${[...CUE_FORMS.keys()].sort((a, b) => b.length - a.length).join('|')})\\b`,
  'g',
);

export function cueBase(word: string): string | undefined {
  return CUE_FORMS.get(word.toLowerCase());
}

/** Words between a subject and its cue that do not belong to the subject ("also", "has", "would"). */
export const CUE_ADVERBS = new Set([
  'also', 'later', 'previously', 'earlier', 'then', 'again', 'repeatedly', 'publicly', 'further', 'once', 'recently',
  'first', 'initially', 'has', 'had', 'have', 'will', 'would', 'could', 'might', 'may', 'can', 'should', 'must', 'shall',
  'is', 'was', 'are', 'were', 'been', 'be', 'simply', 'only', 'still', 'now', 'often', 'frequently', 'already', 'always',
  'quickly', 'just', 'even', 'openly', 'privately', 'flatly', 'firmly', 'strongly', 'separately', 'subsequently',
  'reportedly', 'allegedly', 'apparently', 'reportedly', 'specifically', 'last', 'since', 'too', 'both', 'all', 'each',
  'himself', 'herself', 'themselves', 'itself', 'personally', 'clearly', 'bluntly', 'candidly', 'angrily', 'proudly',
  'emphatically', 'confidently', 'cautiously', 'ultimately', 'eventually', 'finally', 'similarly', 'likewise', 'however',
  'especially', 'particularly', 'mostly', 'generally', 'largely', 'widely', 'broadly', 'jointly', 'together', 'unanimously',
  'quietly', 'loudly', 'calmly', 'firmly', 'frankly', 'honestly', 'privately', 'officially', 'formally', 'consistently',
]);

export const AUXILIARIES = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'having', 'do', 'does', 'did', 'can',
  'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', "isn't", "aren't", "wasn't", "weren't", "don't",
  "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "hasn't", "haven't", "hadn't", "shouldn't",
]);

export const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);

/** Words that open a clause or a phrase and so cannot be part of a speaker's name. */
export const CLAUSE_WORDS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'what', 'when', 'where', 'while', 'because', 'if', 'unless', 'although',
  'though', 'since', 'whether', 'so', 'than', 'not', "n't", 'never', 'no', 'how', 'why', 'there', 'here', 'this',
  'these', 'those', 'it', 'if', 'as', 'but', 'or', 'nor', 'yet', 'to', 'i', 'we', 'you', 'he', 'she', 'they', 'me', 'him',
  'us', 'them', 'very', 'too', 'more', 'less', 'most', 'being',
]);

/** Words that open an introductory phrase before a subject ("On Thursday, ...", "In a statement, ..."). */
export const INTRO_WORDS = new Set([
  'on', 'in', 'at', 'after', 'before', 'during', 'despite', 'meanwhile', 'however', 'earlier', 'later', 'last', 'also',
  'but', 'and', 'still', 'yet', 'for', 'since', 'while', 'when', 'as', 'following', 'speaking', 'asked', 'by', 'with',
  'without', 'from', 'under', 'over', 'through', 'throughout', 'now', 'then', 'today', 'yesterday', 'instead', 'indeed',
  'moreover', 'furthermore', 'besides', 'nevertheless', 'nonetheless', 'although', 'though', 'if', 'once', 'until',
  'unlike', 'like', 'among', 'amid', 'against', 'according', 'about', 'regarding', 'overall', 'separately', 'similarly',
  'addressing', 'writing', 'responding', 'reacting', 'commenting', 'so', 'thus', 'here', 'there', 'this', 'that', 'in',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'initially', 'ultimately', 'finally',
  'first', 'second', 'third', 'again', 'otherwise', 'sometimes', 'often', 'elsewhere', 'back', 'along', 'around', 'near',
  'outside', 'inside', 'within', 'between', 'because', 'given', 'based', 'until', 'upon', 'toward', 'towards', 'into',
  'earlier', 'recently', 'currently', 'previously', 'notably', 'specifically', 'importantly', 'interestingly', 'ironically',
  'unfortunately', 'fortunately', 'hopefully', 'clearly', 'obviously', 'of', 'whether', 'where', 'why', 'what', 'how',
]);

export const PREPOSITIONS = new Set([
  'in', 'at', 'on', 'to', 'for', 'from', 'with', 'by', 'of', 'about', 'after', 'before', 'during', 'over', 'under',
  'into', 'onto', 'through', 'across', 'against', 'among', 'amid', 'around', 'near', 'outside', 'inside', 'within',
  'without', 'toward', 'towards', 'via', 'per', 'since', 'until', 'upon', 'behind', 'beyond', 'between',
]);

export const DAY_WORDS = /^(?:(?:on|late|early|last|this|earlier|later)\s+)*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|overnight|(?:this|last|next) (?:week|month|year|weekend|spring|summer|fall|autumn|winter|morning|afternoon|evening)|earlier|later|recently|previously|on \w+ \d{1,2}|in (?:January|February|March|April|May|June|July|August|September|October|November|December))(?:'s)?\b(?:\s+(?:morning|afternoon|evening|night))?/i;

/** Settings of a statement: "in a statement", "at a news conference", "on Twitter", "in an interview with CBC". */
export const SETTING = /^(?:by (?:text(?: message)?|phone|telephone|e-?mail|video ?link|letter)\b(?:\s+(?:from|to)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?|(?:in|at|on|during|via|through|to|with|from|after|before|outside|following)\s+(?:(?:a|an|the|his|her|their|its|this|that|[A-Z][\w.&'-]*(?:'s)?)\s+)?(?:[\w.&'-]+\s+){0,3}?(?:statement|statements|release|response|reply|news release|press release|interview|interviews|email|e-mail|e-mails|emails|letter|news conference|press conference|conference|briefing|news briefing|press briefing|speech|address|post|posts|tweet|tweets|video|message|meeting|hearing|session|Twitter|Facebook|Instagram|YouTube|LinkedIn|report|court|court documents|documents|filing|filings|testimony|phone interview|telephone interview|rally|event|ceremony|debate|summit|podcast|blog|op-ed|column|editorial|memo|note|radio|television|TV|broadcast|show|program|programme|text message|news agency)\b(?:\s+(?:with|to|on|from|by|at|in)\s+(?:the\s+|a\s+|an\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})?)/;

/** Speaker nouns: heads of a speaking noun phrase that is not a name ("officials", "the ministry"). */
export const SPEAKER_HEADS = new Set([
  'official', 'officials', 'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'spokespersons', 'minister',
  'ministers', 'ministry', 'secretary', 'president', 'police', 'authorities', 'authority', 'expert', 'experts', 'analyst',
  'analysts', 'researcher', 'researchers', 'resident', 'residents', 'critic', 'critics', 'report', 'study', 'studies',
  'statement', 'release', 'department', 'government', 'company', 'union', 'coalition', 'force', 'agency', 'court', 'judge',
  'lawyer', 'lawyers', 'attorney', 'attorneys', 'prosecutor', 'prosecutors', 'military', 'army', 'navy', 'general',
  'commander', 'commanders', 'leader', 'leaders', 'group', 'groups', 'activist', 'activists', 'organizers', 'organisers',
  'witness', 'witnesses', 'source', 'sources', 'diplomat', 'diplomats', 'survey', 'poll', 'data', 'figures', 'document',
  'documents', 'letter', 'council', 'committee', 'board', 'commission', 'office', 'party', 'team', 'family', 'families',
  'mother', 'father', 'parents', 'sister', 'brother', 'son', 'daughter', 'wife', 'husband', 'friend', 'friends', 'chief',
  'dad', 'mom', 'mum', 'grandmother', 'grandfather', 'aunt', 'uncle', 'cousin', 'boyfriend', 'girlfriend', 'fiancee', 'fiance',
  'director', 'manager', 'owner', 'owners', 'ceo', 'chair', 'chairman', 'chairwoman', 'founder', 'professor', 'scientist',
  'scientists', 'doctor', 'doctors', 'economist', 'economists', 'observers', 'people', 'public', 'staff', 'employees',
  'workers', 'members', 'member', 'students', 'student', 'teachers', 'teacher', 'investigators', 'investigator',
  'regulator', 'regulators', 'forecasters', 'media', 'website', 'newspaper', 'paper', 'agency', 'service', 'network',
  'broadcaster', 'channel', 'campaign', 'movement', 'ministry', 'embassy', 'administration', 'cabinet', 'premier',
  'mayor', 'governor', 'senator', 'lawmakers', 'legislators', 'mp', 'mps', 'candidate', 'candidates', 'coach',
  'player', 'players', 'victim', 'victims', 'survivor', 'survivors', 'neighbour', 'neighbours', 'neighbor', 'neighbors',
  'representative', 'representatives', 'advocate', 'advocates', 'supporters', 'opponents', 'protesters', 'demonstrators',
  'citizens', 'voters', 'consumers', 'customers', 'users', 'patients', 'nurses', 'officers', 'officer', 'troops',
  'soldiers', 'rebels', 'militants', 'insurgents', 'fighters', 'forces', 'coalition', 'alliance', 'bank', 'banks',
  'firm', 'firms', 'companies', 'industry', 'association', 'institute', 'foundation', 'society', 'university', 'hospital',
  'school', 'city', 'province', 'state', 'country', 'nation', 'region', 'town', 'village', 'community', 'organization',
  'organisation', 'organizations', 'organisations', 'federation', 'network', 'unit', 'task', 'tribunal', 'panel',
  'inquiry', 'review', 'audit', 'auditor', 'watchdog', 'ombudsman', 'commissioner', 'inspector', 'coroner', 'sergeant',
  'constable', 'superintendent', 'detective', 'captain', 'lieutenant', 'colonel', 'major', 'sheriff', 'warden',
  'steward', 'ambassador', 'envoy', 'negotiator', 'negotiators', 'mediator', 'spokesmen', 'women', 'men', 'man', 'woman',
  'person', 'child', 'children', 'kids', 'youth', 'elder', 'elders', 'chief', 'councillor', 'councillors', 'councilor',
  'trustee', 'trustees', 'developer', 'developers', 'landlord', 'landlords', 'tenant', 'tenants', 'farmer', 'farmers',
  'agencies', 'governments', 'ministries', 'departments', 'courts', 'judges', 'experts', 'studies', 'reports', 'polls',
  'surveys', 'filings', 'records', 'article', 'post', 'tweet', 'message', 'email', 'memo', 'lawsuit', 'suit', 'claim',
  'complaint', 'indictment', 'ruling', 'decision', 'notice', 'bulletin', 'advisory', 'forecast', 'analysis', 'paper',
  'research', 'findings', 'results', 'numbers', 'statistics', 'estimates', 'projections', 'models', 'guidelines',
  'ads', 'ad', 'website', 'site', 'blog', 'journal', 'magazine', 'outlet', 'outlets', 'station', 'newswire',
  // bodies that speak as one: businesses, clubs, services
  'club', 'clubs', 'league', 'squad', 'utility', 'charity', 'charities', 'airline', 'airlines', 'retailer', 'retailers',
  'chain', 'railway', 'railroad', 'band', 'operator', 'operators', 'provider', 'providers', 'carrier', 'carriers',
  'insurer', 'insurers', 'lender', 'lenders', 'manufacturer', 'manufacturers', 'automaker', 'carmaker', 'corporation',
  'council', 'studio', 'label', 'publisher', 'broadcasters', 'exchange', 'museum', 'zoo', 'church', 'diocese', 'airport',
  // people by office or part, where the noun's ending does not say so
  'executive', 'executives', 'boss', 'bosses', 'aide', 'aides', 'deputy', 'deputies', 'head', 'star', 'stars', 'fan', 'fans',
  'locals', 'pilot', 'pilots', 'referee', 'athlete', 'athletes', 'rookie', 'veteran', 'veterans', 'colleague', 'colleagues',
  // players by position
  'wing', 'winger', 'centre', 'center', 'forward', 'defenceman', 'defenseman', 'goalie', 'goaltender', 'goalkeeper', 'keeper',
  'quarterback', 'pitcher', 'catcher', 'guard', 'midfielder', 'defender', 'striker', 'fullback', 'linebacker', 'receiver',
]);

/** Cue forms that English also uses as nouns ("a Treasury note", "its sales forecasts", "the crowd's chants"). */
export const NOUN_CUE_FORMS = new Set([
  'note', 'forecast', 'forecasts', 'states', 'replies', 'tweets', 'promises', 'demands', 'calls', 'shows', 'finds', 'questions',
  'vows', 'pledges', 'boasts', 'cries', 'shouts', 'chants', 'screams', 'yells', 'whispers', 'laments', 'voices', 'wonders', 'answers',
]);

/** Modal verbs: a cue after one ("will argue", "could say") tells of a possibility or a plan, not of words said. */
export const MODALS = ['will', 'would', 'shall', 'must', 'may', 'might', 'could', 'should', 'can', 'cannot'];

/** Adverbs that may stand between a modal and its verb ("can also suggest", "will likely argue"). */
export const MODAL_ADVERBS = ['also', 'still', 'likely', 'probably', 'certainly', 'surely', 'only', 'just', 'then', 'now', 'again', 'simply', 'undoubtedly', 'doubtless'];
