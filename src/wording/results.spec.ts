import { joinFrench } from './people';
import { deliberatedSentence, ordinalFrench, resultWording, WordableResult } from './results';

const r = (pour: number, contre: number, abstention: number, extra: Partial<WordableResult> = {}): WordableResult => ({
  pour,
  contre,
  abstention,
  castingVote: false,
  outcome: pour > contre ? 'adopted' : 'rejected',
  ...extra,
});

describe('resultWording', () => {
  it.each([
    [r(44, 0, 0), "à l'unanimité"],
    [r(1, 0, 0), "à l'unanimité"],
    [r(30, 0, 2), "à l'unanimité des suffrages exprimés (2 abstentions)"],
    [r(30, 0, 1), "à l'unanimité des suffrages exprimés (1 abstention)"],
    [r(30, 3, 2), 'par 30 voix pour, 3 voix contre et 2 abstentions'],
    [r(30, 3, 0), 'par 30 voix pour et 3 voix contre'],
    [r(1, 1, 1, { outcome: 'rejected' }), 'par 1 voix pour, 1 voix contre et 1 abstention'],
    [r(0, 3, 0), 'par 0 voix pour et 3 voix contre'],
    [r(0, 0, 4), 'par 0 voix pour et 4 abstentions'],
    [r(0, 0, 0), 'par 0 voix pour'],
    [r(5, 5, 0, { outcome: 'adopted', castingVote: true }), 'par 5 voix pour et 5 voix contre, la voix du président étant prépondérante'],
    [r(5, 5, 2, { outcome: 'rejected', castingVote: true }), 'par 5 voix pour, 5 voix contre et 2 abstentions, la voix du président étant prépondérante'],
  ])('%j → %s', (result, text) => {
    expect(resultWording(result)).toBe(text);
  });

  // Issue 10: "la voix de le président" was printed; the casting vote agrees with who presides.
  it.each([
    ['Mme', 'par 6 voix pour, 6 voix contre et 1 abstention, la voix de la présidente étant prépondérante'],
    ['M.', 'par 6 voix pour, 6 voix contre et 1 abstention, la voix du président étant prépondérante'],
  ] as const)('casting vote of a president %s', (civility, text) => {
    expect(resultWording(r(6, 6, 1, { outcome: 'adopted', castingVote: true }), civility)).toBe(text);
  });
});

describe('deliberatedSentence', () => {
  it('introduces the operative part', () => {
    expect(deliberatedSentence('le conseil municipal', "à l'unanimité", true, true)).toBe("Après en avoir délibéré, le conseil municipal, à l'unanimité,");
  });
  it('never leaves "à l\'unanimité," hanging when the operative part is empty', () => {
    expect(deliberatedSentence('le conseil municipal', "à l'unanimité", true, false)).toBe("Après en avoir délibéré, le conseil municipal, à l'unanimité, **ADOPTE** la proposition.");
  });
  it('rejects', () => {
    expect(deliberatedSentence('le conseil municipal', 'par 3 voix pour et 5 voix contre', false, true)).toBe('Après en avoir délibéré, le conseil municipal, par 3 voix pour et 5 voix contre, **REJETTE** la proposition.');
  });
});

describe('joinFrench / ordinalFrench', () => {
  it.each([[[], ''], [['a'], 'a'], [['a', 'b'], 'a et b'], [['a', 'b', 'c'], 'a, b et c']])('%j → %s', (parts, text) => {
    expect(joinFrench(parts)).toBe(text);
  });
  it.each([[1, '1er'], [2, '2e'], [3, '3e']])('%i → %s', (n, text) => {
    expect(ordinalFrench(n)).toBe(text);
  });
});
