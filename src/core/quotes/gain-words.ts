// What "added" counts when it reports a gain, not words ("added three more goals", "added 0.3 per cent"):
// the counting words before the thing, and the things (regular-expression alternatives, plurals optional).
export const GAIN_COUNTS = ['a', 'an', 'another', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export const GAIN_NOUNS = [
  'goals?', 'assists?', 'points?', 'runs?', 'touchdowns?', 'tries', 'try', 'baskets?', 'rebounds?', 'wickets?', 'saves?', 'hits?',
  'birdies', 'per cent', 'percent', 'cents?', 'pence', 'yen', 'shares?', 'jobs', 'seats?', 'games?', 'wins?', 'medals?',
];
