// One ECharts chart (tree-shaken core with only the charts we draw), resized with its box, with a text summary
// for screen readers and a caption; re-themed when the app theme changes.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, PieChart, HeatmapChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, MarkLineComponent, CanvasRenderer]);

export interface EChartProps {
  option: EChartsCoreOption;
  /** A sentence or two saying what the chart shows, for screen readers and as the visible caption's detail. */
  summary: string;
  height?: number;
  testId?: string;
  onClickItem?(params: { dataIndex: number; name: string; seriesIndex: number }): void;
}

export function EChart({ option, summary, height = 260, testId, onClickItem }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClickItem);
  clickRef.current = onClickItem;

  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      const params = p as unknown as { dataIndex: number; name: string; seriesIndex: number };
      clickRef.current?.(params);
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(box.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div className="echart" style={{ height }} data-testid={testId}>
      <div ref={box} className="echart-canvas" role="img" aria-label={summary} style={{ height }} />
      <p className="visually-hidden">{summary}</p>
    </div>
  );
}
