import { actStatus } from '../domain/act-status';
import { actFactLines } from './act-facts';

const lines = (sentOn: string | null, receivedOn: string | null, publishedOn: string | null, voted = true) =>
  Object.fromEntries(actFactLines(sentOn, actStatus({ receivedOn, publishedOn, acteId: null }), voted).map((l) => [l.label, l.value]));

describe('the way of a deliberation to enforceability (L2131-1)', () => {
  it.each([
    ['nothing yet', null, null, null, {
      'Envoi en préfecture': 'non envoyée', 'Réception en préfecture': 'non reçue', Publication: 'non publiée',
      'Caractère exécutoire': 'non exécutoire, en attente de la réception en préfecture et de la publication (article L2131-1 du CGCT)',
    }],
    ['sent, not yet received, published', '2019-10-01', null, '2019-10-03', {
      'Envoi en préfecture': 'le 1er octobre 2019', 'Réception en préfecture': 'non reçue', Publication: 'le 3 octobre 2019',
      'Caractère exécutoire': 'non exécutoire, en attente de la réception en préfecture (article L2131-1 du CGCT)',
    }],
    ['received after publication: exécutoire from the receipt', '2019-10-01', '2019-10-04', '2019-10-03', {
      'Envoi en préfecture': 'le 1er octobre 2019', 'Réception en préfecture': 'le 4 octobre 2019', Publication: 'le 3 octobre 2019',
      'Caractère exécutoire': 'exécutoire depuis le 4 octobre 2019 (article L2131-1 du CGCT)',
    }],
    ['received before publication: exécutoire from the publication', '2019-10-01', '2019-10-02', '2019-10-03', {
      'Envoi en préfecture': 'le 1er octobre 2019', 'Réception en préfecture': 'le 2 octobre 2019', Publication: 'le 3 octobre 2019',
      'Caractère exécutoire': 'exécutoire depuis le 3 octobre 2019 (article L2131-1 du CGCT)',
    }],
  ])('%s', (_, sentOn, receivedOn, publishedOn, expected) => {
    expect(lines(sentOn, receivedOn, publishedOn)).toEqual(expected);
  });

  it('says nothing of enforceability before the vote', () => {
    expect(lines(null, null, null, false)).not.toHaveProperty('Caractère exécutoire');
  });
});
