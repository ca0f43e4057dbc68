// Reads the customer's mood from the words of a summary. Negations are looked for first and taken
// out, so "不满意" is not read as "满意" nor "not happy" as "happy". When several moods are named the
// most cautious wins (negative over hesitant over positive): a rep who writes "happy with the demo
// but hesitant on price" wants the follow-up to treat the deal as hesitant.
import type { Mood } from '../intent.ts';

const NEGATIVE = [
  /\bnot\s+(?:happy|interested|pleased|satisfied|keen)\b/gi,
  /\b(?:negative|unhappy|angry|upset|annoyed|frustrated|furious|refused|rejected|declined|complained|disappointed|dissatisfied)\b/gi,
  /不满意|不满|拒绝|生气|反感|不感兴趣|投诉|不高兴|不开心|失望|抱怨|消极/g,
];
const HESITANT = [
  /\b(?:hesitant|hesitating|hesitates|hesitated|unsure|undecided|not\s+sure|on\s+the\s+fence|wait-and-see|wait\s+and\s+see)\b/gi,
  /犹豫|观望|纠结|再考虑|考虑一下|考虑考虑|不确定|拿不定/g,
];
const POSITIVE = [
  /\b(?:positive|happy|pleased|excited|keen|enthusiastic|satisfied|delighted|interested|loved)\b/gi,
  /满意|积极|开心|高兴|感兴趣|认可|很好|喜欢|兴趣浓厚/g,
];

export function moodFromWords(text: string): Mood | undefined {
  let rest = text;
  let found = false;
  for (const re of NEGATIVE) {
    rest = rest.replace(re, () => {
      found = true;
      return ' ';
    });
  }
  if (found) return 'negative';
  if (HESITANT.some((re) => new RegExp(re.source, re.flags).test(rest))) return 'hesitant';
  if (POSITIVE.some((re) => new RegExp(re.source, re.flags).test(rest))) return 'positive';
  return undefined;
}
