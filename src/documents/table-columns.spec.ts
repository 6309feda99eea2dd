import { markdownToBlocks } from './markdown-blocks';
import { loadFamily } from './pdf-fonts';
import { layBlock } from './pdf-layout';

const fonts = loadFamily('serif-condensed');

describe('table columns fit their content', () => {
  it('the list of deliberations keeps "Adoptée à l\'unanimité" and the numbers on one line; the object wraps', () => {
    const objects = [
      'CREATION DU CAMPUS DES METIERS ET DES QUALIFICATIONS INDUSTRIE ET TRANSITION NUMERIQUE',
      'CONVENTION DE SERVICE COMMUN POUR L’INSTRUCTION DES AUTORISATIONS D’URBANISME ET DES DÉCLARATIONS PRÉALABLES',
      'SUBVENTION',
    ];
    const markdown = [
      '| N° | Objet | Résultat |',
      '|:--|:--|:--|',
      ...objects.map((o, i) => `| 19-09-10${i} | ${o} | ${i === 1 ? 'Adoptée (voix prépondérante du président)' : "Adoptée à l'unanimité"} |`),
    ].join('\n');
    const laid = layBlock(markdownToBlocks(markdown)[0] as never, fonts);
    if (laid.type !== 'table') throw new Error(laid.type);
    for (const row of laid.rows) {
      expect(row.cells[0].lines).toHaveLength(1);
      expect(row.cells[2].lines).toHaveLength(1);
    }
    expect(laid.rows[1].cells[1].lines.length).toBeGreaterThan(1);
    expect(laid.columns.reduce((a, b) => a + b, 0)).toBeCloseTo(595.28 - 108, 1);
  });
});
