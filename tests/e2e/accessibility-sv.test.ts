import { describe } from 'vitest';
import { defineAxeChecks } from './axe-check';

describe('accessibility (axe-core), Swedish', () => defineAxeChecks('sv'));
