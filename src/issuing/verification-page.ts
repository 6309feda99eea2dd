// The public verification page (French, no account, no script): is the PDF I hold the act as issued?
import type { PublicActView } from './verification.service';
import { rectifiedByLine, rectifiesLine } from '../wording/rectification';
import type { LinkedAct } from './rectifications.service';
import { frenchDateTime, signerLine } from './signature-wording';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STATUS_WORDS: Record<string, string> = {
  draft: 'en projet', adopted: 'adoptée', signed: 'signée', transmitted: 'transmise en préfecture', received: 'reçue en préfecture',
  published: 'publiée', executoire: 'exécutoire',
};

const MODE_WORDS: Record<string, string> = {
  signers: 'signée électroniquement par chaque signataire',
  seal: 'signée sous le cachet électronique de la collectivité',
  development: 'signée avec un certificat de DÉVELOPPEMENT (sans valeur légale)',
  paper: 'signée au registre papier par les membres présents (article L2121-23 du CGCT alors en vigueur)',
};

export interface CheckOutcome {
  conforme: boolean;
  sha256: string;
}

export function verificationPage(act: PublicActView, outcome: CheckOutcome | null, error: string | null = null): string {
  const verdict = outcome
    ? outcome.conforme
      ? `<p class="verdict ok" role="status"><strong>Document conforme</strong> : ce fichier est l'acte tel qu'il a été délivré (empreinte SHA-256 ${esc(outcome.sha256)}).</p>`
      : `<p class="verdict ko" role="status"><strong>Document non conforme</strong> : ce fichier n'est pas l'acte tel qu'il a été délivré (empreinte SHA-256 ${esc(outcome.sha256)}, attendue ${esc(act.sha256)}).</p>`
    : '';
  // Issue 9: a rectified act stays as it was issued; the page says which later act rectifies it, and links to it.
  const link = (a: LinkedAct, words: string) => (a.verificationUrl ? `<a href="${esc(a.verificationUrl)}">${esc(words)}</a>` : esc(words));
  const rectifiedBy = act.rectifiedBy.length
    ? `<div class="verdict notice" role="note"><strong>Délibération rectifiée</strong> : ${act.rectifiedBy.map((a) => `${link(a, rectifiedByLine(a.kind, a))}${a.issuedAt ? `, délivrée le ${esc(frenchDateTime(a.issuedAt, act.timeZone))}` : ''}`).join(' ; ')}. Elle demeure telle qu'elle a été délivrée.</div>`
    : '';
  const rectifies = act.rectifies ? `<dt>Délibération rectificative</dt><dd>${link(act.rectifies, rectifiesLine(act.rectifies.kind, act.rectifies))}</dd>` : '';
  const signers = act.signers.length
    ? `<ul>${act.signers.map((s) => `<li>${esc(signerLine(s, act.timeZone))}</li>`).join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vérification de l'acte n°${esc(act.number)} — ${esc(act.collectivity)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
.verdict{padding:.8rem 1rem;border-radius:4px}.ok{background:#e3f4e6;border:1px solid #2e7d32}.ko{background:#fde7e7;border:1px solid #c62828}
.notice{background:#fff4e0;border:1px solid #b26a00;margin:1rem 0}
dt{font-weight:600}dd{margin:0 0 .5rem 0}form{margin-top:1rem;padding:1rem;border:1px solid #ccc;border-radius:4px}</style></head>
<body><main>
<h1>Vérification d'un acte délivré</h1>
${verdict}${error ? `<p class="verdict ko" role="alert">${esc(error)}</p>` : ''}${rectifiedBy}
<dl>
<dt>Collectivité</dt><dd>${esc(act.collectivity)} (SIREN ${esc(act.siren)})</dd>
<dt>Délibération</dt><dd>n°${esc(act.number)} — ${esc(act.object)}</dd>
${rectifies}<dt>Séance du</dt><dd>${esc(act.sessionDate.split('-').reverse().join('/'))}</dd>
<dt>Délivrée le</dt><dd>${esc(frenchDateTime(act.issuedAt, act.timeZone))}, ${esc(MODE_WORDS[act.signatureMode] ?? act.signatureMode)}</dd>
${signers ? `<dt>Signataires</dt><dd>${signers}</dd>` : ''}
<dt>État</dt><dd>${esc(STATUS_WORDS[act.status.stage] ?? act.status.stage)}${act.status.enforceableOn ? ` depuis le ${esc(act.status.enforceableOn.split('-').reverse().join('/'))}` : ''}</dd>
<dt>Code de vérification</dt><dd>${esc(act.verificationCode)}</dd>
</dl>
<form method="post" enctype="multipart/form-data">
<p><label>Le fichier PDF que vous détenez : <input type="file" name="file" accept="application/pdf"></label></p>
<p><label>ou son empreinte SHA-256 : <input type="text" name="sha256" size="66" pattern="[0-9a-fA-F]{64}"></label></p>
<p><button type="submit">Vérifier</button></p>
</form>
</main></body></html>`;
}

export function notFoundPage(code: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Acte inconnu</title></head><body><main>
<h1>Aucun acte délivré ne porte ce code</h1><p>Le code ${esc(code)} ne correspond à aucun acte. Vérifiez sa saisie (12 caractères, par exemple ABCD-EF12-3456).</p></main></body></html>`;
}
