// Report of the latest stored revenue forecast (analytics.forecast or `painel analytics forecast` computes it):
// points with 80% / 95% intervals, and the backtest errors of every candidate model.
import { codeCol, dateCol, intCol, L, numCol, pctCol, textCol } from '../../columns';
import type { ReportContext, ReportDefinition } from '../../types';

const run = (ctx: ReportContext) => `(SELECT run_id FROM forecast_runs WHERE granularity = ${ctx.p(String(ctx.params.granularity ?? 'day'))})`;

export const forecastReport: ReportDefinition = {
  id: 'forecast',
  category: 'sales',
  title: L('Previsão de receita', 'Revenue forecast'),
  description: L('Quanto você deve faturar nos próximos dias ou meses, com uma faixa de variação.', 'How much you should take in over the coming days or months, with a range.'),
  formula: L(
    'A última previsão calculada (diária ou mensal) com faixas de 80% e 95%. Cada modelo é testado prevendo trechos do próprio passado; os erros (erro percentual, erro percentual simétrico e erro relativo à repetição do último ciclo) decidem qual é mostrado.',
    'The latest computed forecast (daily or monthly) with 80% and 95% ranges. Each model is tested by forecasting stretches of its own past; the errors (percentage error, symmetric percentage error and error relative to repeating the last cycle) decide which one is shown.',
  ),
  view: { id: 'points', title: L('Previsão', 'Forecast') },
  columns: [
    dateCol('date', 'Data', 'Date'),
    numCol('point', 'Previsão', 'Forecast', { decimals: 2, unit: 'currency', total: 'sum' }),
    numCol('lo80', 'Mín. 80%', 'Low 80%', { decimals: 2, unit: 'currency' }),
    numCol('hi80', 'Máx. 80%', 'High 80%', { decimals: 2, unit: 'currency' }),
    numCol('lo95', 'Mín. 95%', 'Low 95%', { decimals: 2, unit: 'currency' }),
    numCol('hi95', 'Máx. 95%', 'High 95%', { decimals: 2, unit: 'currency' }),
    codeCol('model', 'Modelo', 'Model', 'forecastModel'),
  ],
  params: [
    {
      id: 'granularity',
      label: L('Granularidade', 'Granularity'),
      kind: 'enum',
      options: [
        { value: 'day', label: L('Diária', 'Daily') },
        { value: 'month', label: L('Mensal', 'Monthly') },
      ],
      default: 'day',
    },
  ],
  filters: [],
  defaultPreset: 'today',
  defaultSort: [{ column: 'date', desc: false }],
  charts: [
    {
      id: 'forecast',
      title: L('Previsão com intervalos', 'Forecast with intervals'),
      kind: 'line',
      x: 'date',
      series: [{ column: 'point' }, { column: 'lo95' }, { column: 'hi95' }],
    },
  ],
  comparable: false,
  sql(ctx) {
    return `SELECT p.date, round(p.point, 2) AS point, round(p.lo80, 2) AS lo80, round(p.hi80, 2) AS hi80, round(p.lo95, 2) AS lo95,
        round(p.hi95, 2) AS hi95, r.model
      FROM forecast_points p JOIN forecast_runs r ON r.run_id = p.run_id WHERE p.run_id IN ${run(ctx)}`;
  },
  views: [
    {
      id: 'backtest',
      title: L('Backtest', 'Backtest'),
      columns: [
        codeCol('model', 'Modelo', 'Model', 'forecastModel'),
        numCol('mape', 'Erro percentual (%)', 'Percentage error (%)', { decimals: 2 }),
        numCol('smape', 'Erro percentual simétrico (%)', 'Symmetric percentage error (%)', { decimals: 2 }),
        numCol('mase', 'Erro relativo', 'Relative error', { decimals: 3 }),
        pctCol('coverage80', 'Cobertura do intervalo de 80%', '80% interval coverage', null),
        pctCol('coverage95', 'Cobertura do intervalo de 95%', '95% interval coverage', null),
        intCol('origins', 'Períodos testados', 'Periods tested', { unit: undefined, total: 'none' }),
        textCol('shown', 'Mostrado', 'Shown'),
      ],
      defaultSort: [{ column: 'mase', desc: false }],
      charts: [],
      sql(ctx) {
        // The model's code; the column's list says it in the reader's words.
        return `SELECT b.model, b.mape, b.smape, b.mase, b.coverage80, b.coverage95, CAST(b.origins AS BIGINT) AS origins,
            CASE WHEN b.model = r.model THEN '✓' ELSE '' END AS shown
          FROM forecast_runs r, LATERAL (SELECT unnest(from_json(r.backtest, '[{"model":"VARCHAR","mape":"DOUBLE","smape":"DOUBLE","mase":"DOUBLE","coverage80":"DOUBLE","coverage95":"DOUBLE","origins":"INTEGER"}]'), recursive := true)) b
          WHERE r.run_id IN ${run(ctx)}`;
      },
    },
  ],
};
