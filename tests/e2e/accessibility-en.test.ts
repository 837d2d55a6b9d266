import { describe } from 'vitest';
import { defineAxeChecks } from './axe-check';

describe('accessibility (axe-core), English', () => defineAxeChecks('en'));
