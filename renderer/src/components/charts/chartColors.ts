// Chart colours for the current theme, so axes, labels and series read well on light and dark backgrounds.
import { useUiStore, type Theme } from '../../state/uiStore';

export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  series: string[];
  previous: string;
  band80: string;
  band95: string;
  heat: [string, string];
}

const LIGHT: ChartColors = {
  text: '#1c2430',
  muted: '#5d6878',
  grid: '#e6e9ee',
  surface: '#ffffff',
  series: ['#7b3fa0', '#1f9d8a', '#e0823d', '#3d6fe0', '#c2417a', '#7a8b1f', '#8c5b3a', '#5a5f6b'],
  previous: '#9aa3af',
  band80: 'rgba(123,63,160,0.22)',
  band95: 'rgba(123,63,160,0.10)',
  heat: ['#f4ecf8', '#6a2c91'],
};

const DARK: ChartColors = {
  text: '#e6e9ef',
  muted: '#9aa5b5',
  grid: '#2c3441',
  surface: '#1b2029',
  series: ['#c18ae6', '#4fd1bd', '#f3a467', '#7aa2ff', '#f07ab0', '#b8cc55', '#d19a72', '#a3a9b5'],
  previous: '#6b7483',
  band80: 'rgba(193,138,230,0.28)',
  band95: 'rgba(193,138,230,0.12)',
  heat: ['#241c2e', '#d7a6f5'],
};

export function chartColors(theme: Theme): ChartColors {
  return theme === 'dark' ? DARK : LIGHT;
}

export function useChartColors(): ChartColors {
  return chartColors(useUiStore((s) => s.theme));
}
