// Nouns for documents and data that a body or a person puts out, general English: a speaker phrase whose
// head is one of these is a document ("the report", "the lawsuit"), named for its body where it has one.
export const DOCUMENT_NOUNS = [
  'numbers', 'figures', 'data', 'statistics', 'stats', 'report', 'study', 'survey', 'poll', 'database', 'records', 'analysis',
  'estimates', 'research', 'findings', 'release', 'statement', 'memo', 'filing', 'paper', 'forecast', 'projections', 'website',
  'post', 'tweet', 'letter', 'book', 'memoir', 'article', 'column',
  // official and legal papers
  'decision', 'ruling', 'judgment', 'judgement', 'lawsuit', 'suit', 'complaint', 'indictment', 'affidavit', 'audit', 'review',
  'assessment', 'submission', 'notice', 'bulletin', 'advisory', 'document', 'documents',
];
