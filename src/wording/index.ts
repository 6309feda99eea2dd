// The French words of an act (ARCHITECTURE.md): results and their legal wording, attendance lines, gender and
// elisions, signatures, articles by kind of collectivity, mentions. Pure; src/documents and src/web both use it.
export * from './act-facts';
export * from './articles';
export * from './attendance';
export * from './bodies';
export * from './documents';
export * from './people';
export * from './results';
export * from './signatures';
export { capitalize, countNoun, formatDateLong, formatDateShort, formatDateWithWeekday, formatTimeInWords, ordinalInWords } from '../documents/french-format';
export * from './convocation';
export * from './rectification';
