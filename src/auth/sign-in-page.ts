// The console's sign-in page (French), self-contained so that it shows even when the rest of the console fails.
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A local path to go back to after signing in ("/console/..."), never another site ("//evil", "https:..."). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && next.length <= 2000 ? next : '/';
}

export function signInPage(o: { next?: string; email?: string; error?: string } = {}): string {
  const error = o.error ? `<p class="erreur" role="alert" id="erreur">${escape(o.error)}</p>` : '';
  const described = o.error ? ' aria-describedby="erreur"' : '';
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connexion — Registre</title>
<link rel="stylesheet" href="/console/style.css">
</head>
<body>
<main class="connexion">
<h1>Connexion au registre</h1>
${error}
<form method="post" action="/connexion">
<input type="hidden" name="suite" value="${escape(safeNext(o.next))}">
<p><label for="email">Adresse électronique</label><br>
<input id="email" name="email" type="email" autocomplete="username" required value="${escape(o.email ?? '')}"${described}></p>
<p><label for="password">Mot de passe</label><br>
<input id="password" name="password" type="password" autocomplete="current-password" required${described}></p>
<p><button type="submit">Se connecter</button></p>
</form>
<p>Les actes publiés se consultent sans compte.</p>
</main>
</body>
</html>
`;
}

/** The sign-out button that console pages put in their header. */
export function signOutForm(csrfToken: string): string {
  return `<form method="post" action="/deconnexion" class="deconnexion"><input type="hidden" name="_csrf" value="${escape(csrfToken)}"><button type="submit">Se déconnecter</button></form>`;
}

export const SIGN_IN_MESSAGES = {
  SIGN_IN_FAILED: 'Adresse électronique ou mot de passe incorrect.',
  SIGN_IN_THROTTLED: 'Trop de tentatives de connexion échouées : réessayez dans un quart d’heure.',
  VALIDATION_FAILED: 'Indiquez votre adresse électronique et votre mot de passe.',
} as const;
