import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  Accepted,
  ChangePasswordInput,
  LoginInput,
  MeResponse,
  ResetConfirmInput,
  ResetRequestInput,
  SignupInput,
} from '../../../../shared/auth';
import type { Locale } from '../../../../shared/messages';
import { api } from '../../lib/api';
import { meQueryKey } from '../../lib/current-user';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api<MeResponse>('/auth/login', { method: 'POST', body: input }),
    onSuccess: async (data) => {
      queryClient.setQueryData<MeResponse>(meQueryKey, data);
      // What a profile shows (contact details, edit rights) depends on who is asking.
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST' }),
    onSuccess: () => {
      // Nothing a signed-in person saw may linger in the cache.
      queryClient.clear();
      queryClient.setQueryData<MeResponse>(meQueryKey, { user: null });
    },
  });
}

export function useSignup() {
  return useMutation({
    mutationFn: (input: SignupInput) => api<Accepted>('/auth/signup', { method: 'POST', body: input }),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (input: ResetRequestInput) => api<Accepted>('/auth/password-reset', { method: 'POST', body: input }),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (input: ResetConfirmInput) => api<void>('/auth/password-reset/confirm', { method: 'POST', body: input }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api<void>('/auth/password', { method: 'POST', body: input }),
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name?: string; locale?: Locale }) => api<MeResponse>('/auth/me', { method: 'PATCH', body: input }),
    onSuccess: (data) => queryClient.setQueryData<MeResponse>(meQueryKey, data),
  });
}
