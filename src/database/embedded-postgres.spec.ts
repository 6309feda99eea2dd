import { embeddedSocketDir, embeddedUrl } from './embedded-postgres';

// `<dir>/.s.PGSQL.<port>` must fit in sun_path (107 bytes on Linux); past that, PostgreSQL cannot bind the socket.
const dirOf = (pathBytes: number) => `/${'d'.repeat(pathBytes - '/'.length - '/.s.PGSQL.54329'.length)}`;

describe('embeddedUrl', () => {
  it.each([
    ['a short data folder', '/srv/registre/data/postgres', 'postgres://registre:registre@%2Fsrv%2Fregistre%2Fdata%2Fpostgres:54329/registre'],
    ['a folder with a space and a comma', '/srv/my data,1', 'postgres://registre:registre@%2Fsrv%2Fmy%20data%2C1:54329/registre'],
    ['a socket path of 107 bytes', dirOf(107), `postgres://registre:registre@${encodeURIComponent(dirOf(107))}:54329/registre`],
    ['a socket path of 108 bytes: TCP', dirOf(108), 'postgres://registre:registre@127.0.0.1:54329/registre'],
  ])('%s', (_what, dir, url) => {
    if (process.platform !== 'linux') return;
    expect(embeddedUrl(dir, 54329)).toBe(url);
  });

  it('counts bytes, not characters, and names the role and database given', () => {
    expect(embeddedSocketDir(`/${'é'.repeat(50)}`, 54329)).toBeNull();
    expect(embeddedUrl('/srv/pg', 5432, 'other', { name: 'registre_app', password: 'p@ss' })).toBe('postgres://registre_app:p%40ss@%2Fsrv%2Fpg:5432/other');
  });
});
