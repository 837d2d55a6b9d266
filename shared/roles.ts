import { z } from 'zod';
import { optionError } from './validation';

// A person has one system role; organisation member/admin is per organisation (memberships).
export const systemRoles = ['user', 'coordinator', 'official', 'admin'] as const;
export const systemRoleSchema = z.enum(systemRoles, { error: optionError });
export type SystemRole = z.infer<typeof systemRoleSchema>;

export const membershipRoles = ['member', 'admin'] as const;
export const membershipRoleSchema = z.enum(membershipRoles, { error: optionError });
export type MembershipRole = z.infer<typeof membershipRoleSchema>;

export const membershipStatuses = ['pending', 'active'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];
