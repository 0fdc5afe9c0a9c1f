// Quote extraction and speaker attribution (/who-said): direct, reported and mixed quotes, and who said them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { extractQuotes } from '../src/core/quotes/extract.ts';
import type { Quote } from '../src/core/types.ts';

const quotesOf = (text: string): Quote[] => extractQuotes(parseArticles('t.txt', text)[0]);
const find = (qs: Quote[], words: string) => qs.find((q) => q.text.includes(words));
const sample = (file: string) => extractQuotes(parseArticles(file, readFileSync(new URL(`./fixtures/samples/${file}`, import.meta.url), 'utf8'))[0]);

describe('direct quotes', () => {
  it('reads a pull quote set off with the name of a person the article quotes', () => {
    const text = [
      'Storm damage left thousands without power on the island.',
      '"We have never seen anything like it," said Carla Dunne, the mayor of Port Ellis.',
      'Crews will need days to restore power to the worst-hit areas. Carla Dunne, Port Ellis mayor.',
      'The Weather Service expects calmer winds by Friday.',
    ].join('\n\n');
    const qs = quotesOf(text);
    expect(qs.map((q) => [q.speaker, q.text])).toEqual([
      ['Carla Dunne', 'We have never seen anything like it'],
      ['Carla Dunne', 'Crews will need days to restore power to the worst-hit areas.'],
    ]);
  });

  it('does not read a sentence ending in an organisation nobody quotes as a pull quote', () => {
    expect(quotesOf('The league has yet to file a response with the Supreme Court.\n\nThe Supreme Court will hear the case in May.')).toEqual([]);
  });

  it('reports the words on each side of a mid-sentence attribution as two reports by one speaker', () => {
    const qs = quotesOf('Dr. Lena Hart, the province\'s chief medical officer, spoke on Monday. The drugs have a narrow set of uses, she says, and are meant to be taken only for a few weeks.');
    expect(qs.map((q) => [q.speaker, q.text])).toEqual([
      ['Lena Hart', 'The drugs have a narrow set of uses'],
      ['Lena Hart', 'and are meant to be taken only for a few weeks'],
    ]);
  });

  it('names the person after a role written before the full name, and gives her "she" to her', () => {
    const qs = quotesOf('Green Party spokeswoman for transport Helen Marsh said: "This fare rise will drive people back to their cars." She said her party would freeze fares for two years.');
    expect(qs.map((q) => [q.speaker, q.kind])).toEqual([['Helen Marsh', 'direct'], ['Helen Marsh', 'indirect']]);
    expect(qs[0].role).toContain('spokeswoman for transport');
  });

  it('reads a quotation reopened at each sentence, without a closing mark between them, as one quote', () => {
    const qs = quotesOf('Health Secretary Joan Pike said: "We have already cut waiting lists by a third. "We are going to halve them again by 2026." She said more nurses were being trained.');
    expect(qs[0]).toMatchObject({ speaker: 'Joan Pike', kind: 'direct', text: 'We have already cut waiting lists by a third. We are going to halve them again by 2026.' });
    expect(qs[1]).toMatchObject({ speaker: 'Joan Pike', kind: 'indirect', text: 'more nurses were being trained' });
    expect(qs).toHaveLength(2);
  });

  it('reads a double-quoted quote with its speaker after it', () => {
    const qs = quotesOf('"All of this sends a clear message to all NATO citizens. NATO will defend you, NATO is on the ground, NATO is ready," Stoltenberg said.');
    expect(qs).toHaveLength(1);
    expect(qs[0]).toMatchObject({ speaker: 'Stoltenberg', kind: 'direct', cue: 'said' });
    expect(qs[0].text).toBe('All of this sends a clear message to all NATO citizens. NATO will defend you, NATO is on the ground, NATO is ready');
  });

  it('keeps apostrophes inside single-quoted speech', () => {
    const qs = quotesOf("'We've seen increasingly unprofessional behavior from Russian forces. They have shot cruise missiles from a ship in the Caspian Sea without warning,' Carter said after NATO defense talks in Brussels.");
    expect(qs).toHaveLength(1);
    expect(qs[0].text).toContain("We've seen increasingly unprofessional behavior");
    expect(qs[0].text).toContain('without warning');
    expect(qs[0].speaker).toBe('Carter');
  });

  it('reads curly marks and a quote of several sentences', () => {
    const qs = quotesOf('“It’s a positive thing for the workers at Stella’s. They now have a unified voice,” UFCW Local 832 president Jeff Traeger said Saturday.');
    expect(qs[0]).toMatchObject({ speaker: 'Jeff Traeger', kind: 'direct' });
    expect(qs[0].role).toContain('president');
    expect(qs[0].text).toBe('It’s a positive thing for the workers at Stella’s. They now have a unified voice');
  });

  it('splits a quote around its attribution in the middle', () => {
    const qs = quotesOf("'Russia has the wrong strategy – they continue to hit targets that are not ISIL,' Carter said, referring to an acronym for the Islamic State group. 'We believe this is a fundamental mistake.'");
    expect(qs.map((q) => q.speaker)).toEqual(['Carter', 'Carter']);
    expect(qs[1].text).toBe('We believe this is a fundamental mistake.');
  });

  it('keeps one quote around an attribution in the same sentence: `"A," said X, "B."`', () => {
    const qs = quotesOf('"I don’t know how these guys feel," said Roenick, "but I literally want to go out and try to beat them."');
    expect(qs).toHaveLength(1);
    expect(qs[0]).toMatchObject({ speaker: 'Roenick', kind: 'direct' });
    expect(qs[0].text).toBe('I don’t know how these guys feel but I literally want to go out and try to beat them.');
  });

  it('reads an inverted cue with the role after the name', () => {
    const qs = quotesOf('"The path forward is far from clear," said Matthew Goodwin, a politics professor at the University of Kent.');
    expect(qs[0]).toMatchObject({ speaker: 'Matthew Goodwin', role: 'politics professor at the University of Kent', kind: 'direct' });
  });

  it('gives a floating quote to the last speaker', () => {
    const qs = quotesOf("'NATO is ready and able to defend all allies, including Turkey, against any threats,' Stoltenberg said. 'NATO has already responded by increasing our capacity, our ability, to deploy forces.'");
    expect(qs).toHaveLength(2);
    expect(qs[1]).toMatchObject({ speaker: 'Stoltenberg', cue: '', kind: 'direct' });
  });

  it('carries a quote in its own paragraph over to the speaker of the one before', () => {
    const qs = quotesOf('"I thought this was a good time to write a letter to the city police," Sandra Whitecloud said.\n\n"And if so, could they explain what the timeline is."');
    expect(qs[1]).toMatchObject({ speaker: 'Sandra Whitecloud', kind: 'direct' });
  });

  it('reads two single marks as the close of a double quote (wire copy: `"..., \'\' said X`)', () => {
    const qs = quotesOf("Anna Kerr runs the shelter. \"We take everyone who comes to the door, even on the coldest nights,'' said Kerr.");
    expect(qs).toHaveLength(1);
    expect(qs[0]).toMatchObject({ speaker: 'Anna Kerr', kind: 'direct', text: 'We take everyone who comes to the door, even on the coldest nights' });
    const curly = quotesOf('“We dedicate ourselves to local creators,’’ says Alfonso Espinos.');
    expect(curly[0]).toMatchObject({ speaker: 'Alfonso Espinos', text: 'We dedicate ourselves to local creators' });
  });

  it('reads a quote after a cue and a short phrase: `X joked in his turn to answer, "..."`', () => {
    const qs = quotesOf('Rival candidate Bruce Hayne joked in his turn to answer the question, "It was a twinkle in some engineer’s eye some years ago."');
    expect(qs[0]).toMatchObject({ speaker: 'Bruce Hayne', kind: 'direct', text: 'It was a twinkle in some engineer’s eye some years ago.' });
    const of = quotesOf('Mayor Doug McCallum also claimed of the old arena, "The land underneath is very unstable."');
    expect(of[0]).toMatchObject({ speaker: 'Doug McCallum', kind: 'direct' });
  });

  it('reads "calling it \'...\'" after a clause as its subject\'s words, only with a quote', () => {
    const qs = quotesOf('Vern Sparkes was upset there was no referendum on the migration pact, calling it a "global takeover."');
    expect(qs[0]).toMatchObject({ speaker: 'Vern Sparkes', kind: 'mixed', cue: 'calling' });
    expect(quotesOf('The minister toured the plant on Monday, calling it a model for the industry.')).toHaveLength(0);
    const withNp = quotesOf('Protesters blocked the road on Monday, with a spokesman for the group calling the police response "heavy-handed and reckless."');
    expect(withNp[0].speaker).toBe('a spokesman for the group');
  });

  it('does not read a gain ("added 0.4 per cent", "added a goal and an assist") as speech', () => {
    expect(quotesOf("South Korea's Kospi added 0.4 per cent to 2,106.10 and Hong Kong's Hang Seng rose 0.3 per cent.")).toHaveLength(0);
    expect(quotesOf('Greg McKegg and Dougie Hamilton each added a goal and an assist as the Hurricanes won.')).toHaveLength(0);
    expect(quotesOf('Coach Paul Maurice added that the team needs a win on Friday.')[0].speaker).toBe('Paul Maurice');
  });

  it('does not take scare quotes or titles for speech', () => {
    const qs = quotesOf("After noting the 'troubling escalation' of Russia's military activities, the alliance met in Brussels. The campaign was called \"Not My Stella's.\"");
    expect(qs).toHaveLength(0);
  });
});

describe('reported speech', () => {
  it('reads "X said that ..."', () => {
    const qs = quotesOf('On Thursday, US officials said that four Russian missiles landed in a rural area of Iran, falling short of their Syrian target.');
    expect(qs[0]).toMatchObject({ speaker: 'US officials', kind: 'indirect', cue: 'said' });
    expect(qs[0].text).toBe('four Russian missiles landed in a rural area of Iran, falling short of their Syrian target');
  });

  it('reads "..., X said" with the speaker after the report', () => {
    const qs = quotesOf('Being in a public position as a young person can be hard, Lonechild said.');
    expect(qs[0]).toMatchObject({ speaker: 'Lonechild', kind: 'indirect', text: 'Being in a public position as a young person can be hard' });
  });

  it('reads "X told reporters that ..." and skips the listener', () => {
    const qs = quotesOf('The official told reporters on Friday that there has been no information on damage.');
    expect(qs[0]).toMatchObject({ speaker: 'the official', cue: 'told', text: 'there has been no information on damage' });
  });

  it('reads "According to X, ..." at the start and at the end', () => {
    const qs = quotesOf('According to a US official, there had been no detection of any damage. The union will represent all servers and cooks, according to the union’s Friday release.');
    expect(qs[0]).toMatchObject({ speaker: 'a US official', cue: 'according to', text: 'there had been no detection of any damage' });
    expect(qs[1]).toMatchObject({ cue: 'according to', text: 'The union will represent all servers and cooks' });
  });

  it('reads warned, vowed, announced and confirmed as cues', () => {
    const qs = quotesOf('Ashton Carter, the Defense Secretary warned Russia that its campaign in Syria would lead to consequences. Carter vowed Washington will not coordinate with Moscow on the matter. Four missiles crashed in Iran, a U.S. official confirmed to VOA.');
    expect(qs.map((q) => q.cue)).toEqual(['warned', 'vowed', 'confirmed']);
    expect(qs[0]).toMatchObject({ speaker: 'Ashton Carter', role: 'Defense Secretary', text: 'its campaign in Syria would lead to consequences' });
    expect(qs[1].speaker).toBe('Ashton Carter');
    expect(qs[2].speaker).toBe('a U.S. official');
  });

  it('reads "Interfax quoted the ministry as saying ..."', () => {
    const qs = quotesOf("Russia's air force hit 27 Islamic State targets overnight, Interfax news agency quoted the Russian defense ministry as saying Thursday.");
    expect(qs[0]).toMatchObject({ speaker: 'the Russian defense ministry', cue: 'quoted ... as saying', kind: 'indirect' });
    expect(qs[0].text).toBe("Russia's air force hit 27 Islamic State targets overnight");
  });

  it('takes the subject of a coordinated verb: "X didn\'t discuss ..., but said that ..."', () => {
    const qs = quotesOf("The chief of staff of the Syrian Army, General Ali Ayoub didn't discuss the target locations of the new operation, but said that new fighting units had been created.");
    expect(qs[0]).toMatchObject({ speaker: 'Ali Ayoub', text: 'new fighting units had been created' });
  });

  it('splits a second report joined by "and added"', () => {
    const qs = quotesOf('Traeger said unionization is overdue in the restaurant industry, and added he doesn\'t think customers will mind paying more for a meal.');
    expect(qs.map((q) => [q.cue, q.text])).toEqual([
      ['said', 'unionization is overdue in the restaurant industry'],
      ['added', "he doesn't think customers will mind paying more for a meal"],
    ]);
  });

  it('reads an attribution in the middle of the report ("Police, Sinclair says, have ...")', () => {
    const qs = quotesOf('Murray Sinclair wrote the report. Police, Sinclair says, have no policies to deal effectively with the situation.');
    expect(qs[0]).toMatchObject({ speaker: 'Murray Sinclair', kind: 'indirect', text: 'Police have no policies to deal effectively with the situation' });
  });

  it('gives a second speaker their own report after "but" or ", and"', () => {
    const qs = quotesOf('According to EHS, that target is being met in 90 per cent of cases but Terry Chapman says that is not what the union is seeing.');
    expect(qs.map((q) => [q.speaker, q.text])).toEqual([
      ['EHS', 'that target is being met in 90 per cent of cases'],
      ['Terry Chapman', 'that is not what the union is seeing'],
    ]);
  });

  it('does not read the words before a subordinate clause as its speaker’s report', () => {
    const qs = quotesOf("South Korea's Kospi fell back after Samsung Electronics reported a near 30-per cent drop in operating profit in the last quarter.");
    expect(qs.every((q) => !q.text.includes('Kospi fell back'))).toBe(true);
  });

  it('ignores passives and nouns that look like cues', () => {
    const qs = quotesOf("The Army of Conquest is said to be based in Idlib. Stoltenberg's comments came in Brussels. He was told to leave.");
    expect(qs).toHaveLength(0);
  });
});

describe('mixed quotes', () => {
  it('marks reported speech holding quoted words as mixed, with the whole report as its text', () => {
    const qs = quotesOf('Carl Hvenmark Nilsson, a visiting fellow at the Center for Strategic and International Studies, told VOA\'s Persian news service that the NATO alliance sees Russia\'s growing involvement in Syria as "deeply problematic."');
    expect(qs[0]).toMatchObject({ speaker: 'Carl Hvenmark Nilsson', kind: 'mixed', cue: 'told' });
    expect(qs[0].role).toBe('visiting fellow at the Center for Strategic and International Studies');
    expect(qs[0].text).toBe('the NATO alliance sees Russia\'s growing involvement in Syria as "deeply problematic."');
  });

  it('keeps ", adding that ..." inside one mixed report', () => {
    const qs = quotesOf('Stoltenberg told reporters after the defense ministers\' meeting that he urged Russia to "play a productive role" in Syria, adding that its recent actions, such as breaching Turkish airspace, "are not helpful."');
    expect(qs).toHaveLength(1);
    expect(qs[0]).toMatchObject({ speaker: 'Stoltenberg', kind: 'mixed', cue: 'told' });
    expect(qs[0].text).toContain('"are not helpful.');
  });

  it('lets a mixed quote run over the sentences of its quoted part', () => {
    const qs = quotesOf("He said the increase 'is the biggest reinforcement to our collective defense since the end of the Cold War. And by doing that, we provide the deterrence.'");
    expect(qs).toHaveLength(0); // no one to resolve "He" to
    const withName = quotesOf("Jens Stoltenberg spoke in Brussels.\n\nHe said the increase 'is the biggest reinforcement to our collective defense since the end of the Cold War. And by doing that, we provide the deterrence.'");
    expect(withName[0]).toMatchObject({ speaker: 'Jens Stoltenberg', kind: 'mixed', sentenceIndex: 1 });
    expect(withName[0].text).toContain('And by doing that, we provide the deterrence');
  });

  it('reads a quoted fragment before ", she said" as mixed', () => {
    const qs = quotesOf('Sandra Whitecloud was elected in March. Her time so far has been "life-changing and heartbreaking," she said.');
    expect(qs[0]).toMatchObject({ speaker: 'Sandra Whitecloud', kind: 'mixed', text: 'Her time so far has been "life-changing and heartbreaking"' });
  });
});

describe('speakers in an article', () => {
  it('resolves pronouns, surnames and titles to the fullest name, with role and aliases', () => {
    const qs = sample('004_d812bad6fd6cf605.txt');
    const carter = qs.filter((q) => q.speaker === 'Ash Carter');
    expect(carter.length).toBeGreaterThanOrEqual(5);
    expect(carter[0].role).toBe('U.S. Defense Secretary');
    expect(carter[0].aliases).toContain('Carter');
    // "NATO's secretary general said ..." and "He said ..." are Stoltenberg
    expect(find(qs, 'purely defensive')?.speaker).toBe('Jens Stoltenberg');
    expect(find(qs, 'Hungary and Slovakia')?.speaker).toBe('Jens Stoltenberg');
    expect(find(qs, 'biggest reinforcement')?.speaker).toBe('Jens Stoltenberg');
    expect(find(qs, 'NATO is ready and able')?.role).toBe('NATO Secretary General');
  });

  it('names groups and institutions as written', () => {
    const qs = sample('004_d812bad6fd6cf605.txt');
    expect(find(qs, '18 strikes')?.speaker).toBe('the U.S.-led coalition conducting airstrikes against the Islamic State group');
    expect(find(qs, 'six cities')?.speaker).toBe('the U.S.-led task force');
    expect(find(qs, 'training sites')?.speaker).toBe('the ministry');
  });

  it('resolves "He" to the person named just before', () => {
    const qs = sample('000_1c765ed5a3505be5.txt');
    expect(find(qs, 'bear with casualties')).toMatchObject({ speaker: 'Ashton Carter', kind: 'indirect' });
    expect(find(qs, 'combat capabilities')?.speaker).toBe('Ali Ayoub');
  });

  it('names the person after a description: `says Campbell’s partner, Jason Louth`', () => {
    const qs = quotesOf('"Most places will not print anything less than 1,000 copies," says Campbell’s partner, Jason Louth.');
    expect(qs[0]).toMatchObject({ speaker: 'Jason Louth', role: 'Campbell’s partner', kind: 'direct' });
  });

  it('takes the name before a place or an organisation: "Sen. Richard Shelby of Alabama"', () => {
    const qs = quotesOf('"If we blame each other, this could last a long, long time," said Sen. Richard Shelby of Alabama.');
    expect(qs[0].speaker).toBe('Richard Shelby');
  });

  it('spells out an acronym the article defines', () => {
    const qs = quotesOf('Ayo was adopted under rules set by Immigration, Refugees and Citizenship Canada.\n\nIRCC said the process can take between six and eight months.');
    expect(qs[0].speaker).toBe('Immigration, Refugees and Citizenship Canada');
  });

  it('resolves "the 32-year-old labourer" to the person the article just named', () => {
    const qs = quotesOf('Mohammad Al Mnajer works on a construction site in Mississauga.\n\nThe 32-year-old labourer says each day he learns fresh English from co-workers.');
    expect(qs[0].speaker).toBe('Mohammad Al Mnajer');
  });

  it('gives a participle’s report to its clause’s subject: "X applied for a review, arguing ..."', () => {
    const qs = quotesOf('SNC-Lavalin applied for judicial review of the decision in Federal Court, arguing the refusal was an "unreasonable exercise of her discretion."');
    expect(qs[0]).toMatchObject({ speaker: 'SNC-Lavalin', cue: 'arguing', kind: 'mixed' });
  });

  it('does not give an office ("the minister") to someone who merely appears in the article', () => {
    const qs = quotesOf('Jane Doe lost her son in the crash.\n\n“We will not back down,” the minister told reporters Tuesday.');
    expect(qs[0].speaker).toBe('the minister');
  });

  it('picks the person of the right gender for "she"', () => {
    const qs = quotesOf('Moyra Baxter chairs the board. Rob Fleming, the education minister, visited the school on Monday.\n\n"We need more space for students," she said.');
    expect(qs[0].speaker).toBe('Moyra Baxter');
  });

  it('reads an acronym and one word ("BC Hydro") as an organisation, and "the utility" as it', () => {
    const qs = quotesOf('BC Hydro said in a statement that 66,000 customers remained without power on Saturday.\n\nMore than 800 field personnel will work around the clock, the utility said.');
    expect(qs.map((q) => q.speaker)).toEqual(['BC Hydro', 'BC Hydro']);
    expect(qs[0].speakerKind).toBe('group');
  });

  it('gives "he said" to the man the article turned to after the last quote, not the man quoted before', () => {
    const qs = quotesOf('"Nobody put me under pressure," Justice Minister David Lametti said.\n\nLiberal MP Marco Mendicino went on CBC later in the day to rebut the allegation.\n\n"Neither directed, nor pressured, nor influenced," he said.');
    expect(qs.map((q) => q.speaker)).toEqual(['David Lametti', 'Marco Mendicino']);
  });

  it('gives an uncued quote to the person the paragraph is about, after a lead-in phrase', () => {
    const qs = quotesOf('"We need another vote," said Katy Barnett, a teacher.\n\nDown the street, Mike McFadden also rejoiced among pro-Brexit revellers. He believes Britain should leave without a deal. "I think no deal is the only deal."');
    expect(qs.map((q) => q.speaker)).toEqual(['Katy Barnett', 'Mike McFadden']);
  });

  it('keeps the last speaker when the person named since is not a sentence subject, or only in a photo caption', () => {
    const qs = quotesOf('"We will not comment on the case," Conservative Leader Andrew Scheer said.\n\nU.S. President Donald Trump said on Twitter he might intervene in the case.\n\nIt is a comment that Scheer found concerning.\n\n"It raises a lot of concerns," he said.');
    expect(qs.map((q) => q.speaker)).toEqual(['Andrew Scheer', 'Donald Trump', 'Andrew Scheer']);
    const cap = quotesOf('"The ice was perfect tonight," said coach Paul Maurice.\n\nBlake Wheeler skates up the ice in Winnipeg. ( John Woods / The Canadian Press ).\n\n"We played our best game of the year, start to finish."');
    expect(cap.map((q) => q.speaker)).toEqual(['Paul Maurice', 'Paul Maurice']);
  });

  it('names the body behind a document or its data: "numbers from Statistics Canada", "The RCMP statement"', () => {
    expect(quotesOf('According to the most recent numbers from Statistics Canada, the jobless rate of young people is double the national average.')[0].speaker).toBe('Statistics Canada');
    expect(quotesOf('According to Infrastructure Canada’s public database, most of the gaps have since been filled.')[0].speaker).toBe('Infrastructure Canada');
    expect(quotesOf('The RCMP statement said the two officers were not injured in the crash.')[0].speaker).toBe('RCMP');
    expect(quotesOf('The joint report from the World Bank and the IMF said growth would slow next year.')[0].speaker).toBe('the World Bank and the IMF');
  });

  it('gives "her statement" to the woman it stands for, and keeps a plain "the report" as written', () => {
    const qs = quotesOf('Joanne Wilson-Hart resigned from cabinet on Tuesday.\n\nHer statement said the independence of prosecutors "is a pillar of our democracy."');
    expect(qs[0].speaker).toBe('Joanne Wilson-Hart');
    expect(quotesOf('The report said the railway cut train lengths in extreme cold.')[0].speaker).toBe('the report');
  });

  it('reads a family name written first ("Hua" for "Hua Chunying") as that person', () => {
    const qs = quotesOf('Foreign ministry spokeswoman Hua Chunying spoke to reporters in Beijing.\n\nHua said China expresses its strong dissatisfaction with the arrest.');
    expect(qs[0].speaker).toBe('Hua Chunying');
    const kim = quotesOf('North Korean leader Kim Jong-un met envoy Kim Yong-chol in Pyongyang. Kim Jong-un then travelled to Beijing.\n\nKim said he was ready to meet Trump at any time.');
    expect(kim[0].speaker).toBe('Kim Jong-un');
  });

  it('does not take a possessive for the speaker: "says Wise\'s dad, Darrin", "according to Foster\'s book"', () => {
    const qs = quotesOf('"If Alfonso was not publishing local comics, I do not think Xander would be doing this," says Wise’s dad, Darrin.');
    expect(qs[0].speaker).toBe('Darrin');
    const book = quotesOf('Cecil Foster spent years on the research. In 1950s Calgary, most of the city’s Black population depended on the railways for work, according to Foster’s book.');
    expect(book[0].speaker).toBe('Cecil Foster');
  });

  it('gives "the company said" to the one-word brand quoted just before', () => {
    const qs = quotesOf('In a statement, Facebook said it is restoring its internal apps.\n\nThe company noted that the issue had no impact on its consumer services.');
    expect(qs.map((q) => q.speaker)).toEqual(['Facebook', 'Facebook']);
    const city = quotesOf('Toronto said the shelters were full on Monday.\n\nThe city said 200 more beds would open next week.');
    expect(city[1].speaker).toBe('the city');
  });

  it('gives "said the rookie defenceman" to the player the article turned to, not the one quoted before', () => {
    const qs = quotesOf('"We were great tonight," said Sharks forward Melker Karlsson.\n\nLater, Caleb Jones recorded his first career NHL goal.\n\n"I will have a little smile when I look back on it," said the rookie defenceman.');
    expect(qs.map((q) => q.speaker)).toEqual(['Melker Karlsson', 'Caleb Jones']);
  });

  it('finds the quotes of the clean sample article', () => {
    expect(sample('004_d812bad6fd6cf605.txt').length).toBeGreaterThanOrEqual(28);
  });
});
