/** The account list's search and page, kept in the URL. */
export interface UsersSearch {
  q?: string;
  page?: number;
}

export function parseUsersSearch(raw: Record<string, unknown>): UsersSearch {
  const q = typeof raw.q === 'string' ? raw.q.trim().slice(0, 100) : '';
  const page = Number(raw.page);
  return {
    ...(q ? { q } : {}),
    ...(Number.isInteger(page) && page > 1 ? { page } : {}),
  };
}
