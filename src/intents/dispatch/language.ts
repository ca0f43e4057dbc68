import { chooseLocale } from '../../domain/users/language.ts';
import { say, type Dispatch } from './turn.ts';

/** The answer comes in the language just chosen (or, for auto, the one that now applies). */
export const dispatchLanguage: Dispatch<'language'> = async (turn, intent) => {
  const actor = await chooseLocale(turn.ctx, intent.locale);
  const speaker = { locale: actor.locale, timeZone: turn.timeZone };
  return {
    tone: 'success',
    title: say(speaker, 'title.language.set'),
    text: say(speaker, intent.locale ? 'text.language.chosen' : 'text.language.auto'),
    visibility: 'private',
  };
};
