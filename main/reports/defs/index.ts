// Every report definition, in catalogue order (reports.md), then the extra ones.
import type { ReportDefinition } from '../types';
import { salesSummary } from './salesSummary';

export const ALL_REPORTS: ReportDefinition[] = [salesSummary];
