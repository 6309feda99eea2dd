// The procès-verbal's own parts (L2121-15): debates per item, ballot requests (L2121-21), draft or adopted.
import { demoSessionRecord, DEMO_MEMBERS } from '../../test/fixtures/demo-session-record';
import type { MemberRef } from '../domain/types';
import { debatesMarkdown, minutesStatus } from './minutes-parts';
import { bodyText, readPdf } from './pdf-text.spec-helper';
import { minutesMarkdown, renderExtract, renderMinutes } from './render';
import type { SessionRecord } from './types';
import { requestSentence } from './view-model-parts';
import { minutesViewModel } from './view-models';

const HEADS = ["Communauté de Communes du Val d'Exemple — Conseil communautaire", 'Séance du 14 mars 2024'];
const who = (id: string): MemberRef => DEMO_MEMBERS.find((m) => m.id === id)!;

/** The fixture's session with debates on its roll call, asked for by three members, and the procès-verbal adopted. */
function adoptedSession(): SessionRecord {
  const s = demoSessionRecord();
  const rollCall = s.items[1];
  rollCall.vote!.requestedBy = [who('CHEVALIER P.'), who('DUMONT C.'), who('KLEIN T.')];
  return {
    ...s,
    minutes: {
      status: 'adopted', adoptedAtSessionId: 'next', adoptedOn: '2024-03-28', publishedOn: '2024-04-02',
      debates: { [rollCall.item.id]: "Mme Claire DUMONT regrette que le montant n'ait pas été examiné en commission.\n\nLa Présidente répond que la commission s'est réunie le 5 mars." },
    },
  };
}

describe('debates as the secretary writes them', () => {
  it.each([
    ['empty', '', null],
    ['blank', ' \n\n ', null],
    ['plain Markdown, kept', 'M. X demande **le coût**.\n\n- premier point', 'M. X demande **le coût**.\n\n- premier point'],
    ['headings, made bold lines', '# Débat\nTexte\n### Réponse ###', '**Débat**\nTexte\n**Réponse**'],
    ['layout hints, removed', 'Avant<!-- keep -->\n<!-- small -->\nAprès', 'Avant\n\nAprès'],
    ['an unclosed comment, removed to the end', 'Texte <!-- keep', 'Texte'],
    ['Windows line ends', 'Un\r\nDeux', 'Un\nDeux'],
    ['a code fence, escaped: it would run to the end of the document', 'Avant\n```\ncode\n  ~~~~', 'Avant\n\\```\ncode\n  \\~~~~'],
    ['raw HTML blocks that a blank line does not end, escaped', '<pre>\n <SCRIPT>x\n<?php\n<![CDATA[ x', '\\<pre>\n \\<SCRIPT>x\n\\<?php\n\\<![CDATA[ x'],
    ['other HTML and inline code, kept', '<b>gras</b> et `code`\n<prefix>', '<b>gras</b> et `code`\n<prefix>'],
  ])('%s', (_what, text, expected) => {
    expect(debatesMarkdown(text)).toBe(expected);
  });
});

describe('ballot requests (L2121-21)', () => {
  it.each([
    ['roll_call', ['KLEIN T.'], 'Le scrutin public a été demandé par M. Thomas KLEIN (article L2121-21 du CGCT).'],
    ['roll_call', ['CHEVALIER P.', 'DUMONT C.', 'KLEIN T.'], 'Le scrutin public a été demandé par M. Paul CHEVALIER, Mme Claire DUMONT et M. Thomas KLEIN (article L2121-21 du CGCT).'],
    ['secret', ['GIRARD É.', 'HENRY M.'], 'Le scrutin secret a été demandé par Mme Émilie GIRARD et M. Marc HENRY (article L2121-21 du CGCT).'],
    ['roll_call', [], null],
    ['show_of_hands', ['KLEIN T.'], null],
  ])('%s by %j', (mode, ids, expected) => {
    expect(requestSentence(mode, ids.map(who))).toBe(expected);
  });
});

describe('draft or adopted', () => {
  const body = { name: 'Conseil communautaire', subject: 'le Conseil communautaire', metVerb: "s'est réuni", deliberating: 'le conseil communautaire' };
  it('a draft says so in its title and notice, and states no adoption', () => {
    expect(minutesStatus({ status: 'draft', adoptedAtSessionId: null, adoptedOn: null, publishedOn: null, debates: {} }, body)).toEqual({
      draft: true,
      documentTitle: 'PROJET DE PROCÈS-VERBAL DE LA SÉANCE',
      draftNotice: "Projet soumis à l'approbation du conseil communautaire lors de sa prochaine séance (article L2121-15 du CGCT).",
      adoptionSentence: null,
      publicationSentence: null,
    });
    expect(minutesStatus({ status: 'draft', adoptedAtSessionId: null, adoptedOn: null, publishedOn: null, debates: {} }, { ...body, deliberating: "l'assemblée" }).draftNotice)
      .toMatch(/^Projet soumis à l'approbation de l'assemblée/);
  });

  it('an adopted one states the session of adoption, and its publication once known', () => {
    const adopted = { status: 'adopted' as const, adoptedAtSessionId: 'next', adoptedOn: '2024-03-28', publishedOn: null, debates: {} };
    expect(minutesStatus(adopted, body)).toEqual({
      draft: false, documentTitle: 'PROCÈS-VERBAL DE LA SÉANCE', draftNotice: null,
      adoptionSentence: 'Procès-verbal adopté lors de la séance du 28 mars 2024.', publicationSentence: null,
    });
    expect(minutesStatus({ ...adopted, publishedOn: '2024-04-02' }, body).publicationSentence).toBe('Publié le 2 avril 2024.');
  });

  it('a session record without minutes is a blank draft: every field present for the strict templates', () => {
    const vm = minutesViewModel(demoSessionRecord());
    expect([vm.header.documentTitle, vm.draft, vm.adoptionSentence, vm.publicationSentence]).toEqual(['PROJET DE PROCÈS-VERBAL DE LA SÉANCE', true, null, null]);
    expect(vm.items.map((i) => [i.debatesMd, i.result.requestSentence])).toEqual([[null, null], [null, null], [null, null]]);
    expect(minutesMarkdown(demoSessionRecord()).markdown).toContain('# PROJET DE PROCÈS-VERBAL DE LA SÉANCE');
  });
});

describe('the procès-verbal and the extract, read back from the PDF', () => {
  it('the adopted procès-verbal states the debates and the requests at their item, and its adoption and publication at the end', async () => {
    const text = bodyText(readPdf((await renderMinutes(adoptedSession())).pdf), HEADS);
    expect(text).not.toContain('PROJET');
    expect(text).toContain('PROCÈS-VERBAL DE LA SÉANCE');
    const item2 = text.slice(text.indexOf("Délibération n°DEL2024-02"), text.indexOf('Délibération n°DEL2024-03'));
    expect(item2).toContain("Débats : Mme Claire DUMONT regrette que le montant n'ait pas été examiné en commission. La Présidente répond que la commission s'est réunie le 5 mars.");
    expect(item2).toContain('Le scrutin public a été demandé par M. Paul CHEVALIER, Mme Claire DUMONT et M. Thomas KLEIN (article L2121-21 du CGCT). Le vote a lieu au scrutin public');
    expect(item2.indexOf('Débats :')).toBeLessThan(item2.indexOf('Le scrutin public a été demandé'));
    expect(text).toMatch(/Procès-verbal adopté lors de la séance du 28 mars 2024\. Publié le 2 avril 2024\.(?!.*Procès-verbal adopté)/);
    expect(text.indexOf('Procès-verbal adopté')).toBeGreaterThan(text.indexOf('Délibération n°DEL2024-03'));
  });

  it('a draft reads "Projet de procès-verbal" and states no adoption', async () => {
    const read = readPdf((await renderMinutes(demoSessionRecord())).pdf);
    const text = bodyText(read, HEADS);
    expect(text).toContain('PROJET DE PROCÈS-VERBAL DE LA SÉANCE');
    expect(text).toContain("Projet soumis à l'approbation du conseil communautaire lors de sa prochaine séance");
    expect(text).not.toContain('adopté lors de la séance');
    expect(read.info.Title).toMatch(/^Projet de procès-verbal/);
  });

  it('the extract of the roll call states who asked for it', async () => {
    const record = adoptedSession().items[1];
    const text = bodyText(readPdf((await renderExtract(record)).pdf), [...HEADS, 'Délibération n°DEL2024-02']);
    expect(text).toContain('Le scrutin public a été demandé par M. Paul CHEVALIER, Mme Claire DUMONT et M. Thomas KLEIN (article L2121-21 du CGCT).');
  });
});

// Issue 10: the mentions cite the article of the collectivity's kind, not always the communes' one.
describe('articles of the kind of collectivity', () => {
  const presidedByAnother = (kind: string): SessionRecord => {
    const s = demoSessionRecord();
    const item = s.items[2];
    item.item.president = { ...DEMO_MEMBERS.find((m) => m.id === 'CHEVALIER P.')!, seat: 'titulaire' };
    return { ...s, collectivity: { ...s.collectivity, kind }, items: s.items.map((it) => ({ ...it, collectivity: { ...it.collectivity, kind } })) };
  };
  it.each([
    ['communaute_de_communes', 'L2121-14', 'L2121-21', 'L2121-15'],
    ['departement', 'L3312-5', 'L3121-15', 'L3121-13'],
  ])('%s: presidency %s, public vote %s, procès-verbal %s', async (kind, presidency, ballot, minutes) => {
    const { markdown: md } = minutesMarkdown(presidedByAnother(kind));
    expect(md).toContain(`(article ${presidency} du CGCT)`);
    expect(md).toContain(`Le vote a lieu au scrutin public (article ${ballot} du CGCT).`);
    expect(md).toContain(`lors de sa prochaine séance (article ${minutes} du CGCT)`);
  });
});
