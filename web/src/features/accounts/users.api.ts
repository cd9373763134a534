import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role, User } from '../../../../contracts/accounts';
import { apiGet, apiSend } from '../../lib/api';
import { meKey } from './accounts.api';

export const userPageSize = 25;

export type UserInput = {
  roles: { role: Role; programmeId: number | null; organisationId: number | null }[];
};
export type CreateUserInput = UserInput & { email: string; name: string; password?: string };
export type UpdateUserInput = Partial<UserInput> & { name?: string; isActive?: boolean };

/** One page of accounts, filtered by name or e-mail. */
export function useUsers(search: { q?: string; page?: number }) {
  return useQuery({
    queryKey: ['users', 'list', search],
    queryFn: ({ signal }) =>
      apiGet<{ items: User[]; total: number }>(
        '/users',
        { q: search.q, page: search.page ?? 1, pageSize: userPageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** One account, for labels in the audit log. */
export function useUser(userId: number | undefined) {
  return useQuery({
    queryKey: ['users', 'detail', userId],
    queryFn: ({ signal }) => apiGet<User>(`/users/${userId}`, undefined, signal),
    enabled: userId !== undefined,
    staleTime: 5 * 60_000,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => apiSend<User>('POST', '/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUserInput & { id: number }) => apiSend<User>('PATCH', `/users/${id}`, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      // Admins may change their own roles.
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}

/**
 * Erases a person: their personal data goes, the records they touched stay (as "Gelöschte Person N").
 * The list drops them; audit entries about them are redacted.
 */
export function useErasePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: number) => apiSend<{ ok: true }>('POST', `/users/${userId}/erase`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
