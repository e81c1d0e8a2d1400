// Which pages each role may open, in the order its menu shows them, and where it lands after logging in. The
// same rules as the API's (backend/src/auth/roles.ts): reports for beleid, bestuur, raad and admin; case ids
// (signal list, cases) only for registrator, beleid and admin.
import type { Role } from '../api/client.ts';

export interface NavItem {
  path: string;
  label: string;
}

const PAGES = {
  jaarrapportage: { path: '/jaarrapportage', label: 'Jaarrapportage' },
  pactbeloften: { path: '/pactbeloften', label: 'Pactbeloften' },
  maandcijfers: { path: '/maandcijfers', label: 'Maandcijfers' },
  signalen: { path: '/signalen', label: 'Signaleringslijst' },
  casus: { path: '/casus', label: 'Casus' },
  definities: { path: '/definities', label: 'Definities' },
} satisfies Record<string, NavItem>;

const MENUS: Record<Role, (keyof typeof PAGES)[]> = {
  registrator: ['signalen', 'casus', 'definities'],
  beleid: ['maandcijfers', 'jaarrapportage', 'pactbeloften', 'signalen', 'casus', 'definities'],
  bestuur: ['jaarrapportage', 'pactbeloften', 'maandcijfers', 'definities'],
  raad: ['pactbeloften', 'jaarrapportage', 'definities'],
  admin: ['jaarrapportage', 'pactbeloften', 'maandcijfers', 'signalen', 'casus', 'definities'],
};

export const navFor = (role: Role): NavItem[] => MENUS[role].map((page) => PAGES[page]);

/** The first page of the role's menu. */
export const HOME: Record<Role, string> = Object.fromEntries(Object.entries(MENUS).map(([role, pages]) => [role, PAGES[pages[0]].path])) as Record<Role, string>;

/** Pages every logged-in user may open, besides the menu. */
const ALWAYS = ['/wachtwoord'];

/** May this role open this path? A page's sub-paths (a case) and its print version go with it. */
export function mayOpen(role: Role, path: string): boolean {
  if (ALWAYS.includes(path)) return true;
  const page = path.startsWith('/print/') ? path.slice('/print'.length) : path;
  return navFor(role).some((item) => page === item.path || page.startsWith(`${item.path}/`));
}
