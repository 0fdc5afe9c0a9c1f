// Common English-language given names by usual gender: a hint for "he"/"she" when the article gives none.

const MALE = `aaron adam adrian ahmed alan albert alex alexander ali allan andre andrew andy anthony antonio arthur ash ashton
austin barry ben benjamin bernard bill billy blake bob bobby brad bradley brandon brendan brent brett brian bruce bryan
caleb calvin cameron carl carlos chad charles charlie chris christopher chuck clark clint colin connor craig dale dan
daniel danny darren dave david dean dennis derek don donald doug douglas drew dustin dwayne dylan earl ed eddie edward
elon emmanuel eric erik ernie ethan evan frank fred gary gavin geoff geoffrey george gerald glen glenn gordon graham
grant greg gregory harold harry henry howard hugh ian isaac jack jacob jake james jamie jared jason jay jeff jeffrey
jens jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan jordan jose joseph josh joshua juan justin keith
ken kenneth kevin kyle larry lawrence lee leo leonard liam louis luke marc marcus mark martin matt matthew michael
mike mitch mohamed mohammad mohammed muhammad nathan neil nicholas nick nigel noah norman oliver omar patrick paul
peter phil philip pierre ralph randy ray raymond richard rick rob robert robin rod rodney roger ron ronald ross roy
russell ryan sam samuel scott sean seamus sergei shane shawn simon stan stanley stephen steve steven stuart ted terry
thomas tim timothy todd tom tommy tony travis trevor troy tyler victor vincent vladimir walter wayne william xavier
yves zach zachary justin doug jagmeet andrew maxime bernie donald mitch chuck nino erik victor alfonso xander darrin`;

const FEMALE = `abigail alexandra alice alison allison amanda amber amy andrea angela anita ann anna anne annie april ashley
audrey barbara beth betty beverly brenda brittany caitlin candice carla carmen carol caroline carolyn catherine cathy
charlotte cheryl chloe christina christine chrystia cindy claire claudia colleen courtney crystal cynthia dana danielle
darian deb debbie deborah debra denise diana diane donna doris dorothy eileen elaine eleanor elizabeth ellen emily emma
erin eva evelyn fiona frances gail gillian gloria grace hannah heather helen holly irene isabel jacqueline jane janet
janice jean jeanine jennifer jenny jessica jill joan joanne jody josephine joy joyce judith judy julia julie karen
kate katherine kathleen kathryn kathy katie kay kelly kim kimberly kristen kristin laura lauren leah leslie linda lisa
lori louise lucy lynn madison margaret maria marie marilyn marion martha mary megan melanie melissa michelle monica
nancy natalie nicole nina olivia pamela patricia paula pauline peggy penny rachel rebecca renee rita roberta rose
ruth sally samantha sandra sara sarah shannon sharon sheila shelley sherry stacy stephanie sue susan suzanne tamara
tara teresa theresa tiffany tina tracy valerie vanessa victoria virginia wanda wendy whitney yvonne zoe moyra
shanaaz lucille nancy hillary kamala theresa angela marine jacinda catherine mélanie melanie caroline fouzia megan
amanda ronda dorie anne-marie marie-claude mary-ann`;

const maleSet = new Set(MALE.split(/\s+/).filter(Boolean));
const femaleSet = new Set(FEMALE.split(/\s+/).filter(Boolean));

/** 'm', 'f', or null for a given name. */
export function genderOfGivenName(name: string): 'm' | 'f' | null {
  const n = name.toLowerCase();
  if (maleSet.has(n) && !femaleSet.has(n)) return 'm';
  if (femaleSet.has(n) && !maleSet.has(n)) return 'f';
  // many languages' feminine given names end in -a (Tatiana, Yulia, Svetlana); a weak hint
  if (/^[a-z]{3,}a$/.test(n) && !/^(?:joshua|luca|nikita|ilya|sasha|mustafa|musa|andrea|garcia|costa|silva|akira|kuba|jonah|noah|elijah|ezra|isaiah|zacharia|hamza|yahya|taha|saba|bola|dana|sima)$/.test(n)) return 'f';
  // Slavic masculine endings (Alexei, Sergei, Nikolai, Dmitri)
  if (/^[a-z]{3,}(?:ei|ai|ii|iy|slav)$/.test(n)) return 'm';
  return null;
}
