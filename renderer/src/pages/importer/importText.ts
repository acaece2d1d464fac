// Words of the Import page (pt-BR and en): steps, mapping fields, per-cell problems and the reasons rows were
// rejected, so a person never reads an internal field id or an English engine reason in a pt-BR app.
import { useI18n } from '../../i18n/useI18n';

type Pair = [string, string];

const TEXT = {
  title: ['Importar', 'Import'],
  intro: ['Planilhas de qualquer sistema (CSV, XLSX, Parquet) ou as tabelas do Painel.', 'Spreadsheets from any system (CSV, XLSX, Parquet) or Painel\'s own tables.'],
  drop: ['Arraste arquivos para cá', 'Drop files here'],
  choose: ['Escolher arquivos', 'Choose files'],
  chooseFolder: ['Escolher pasta', 'Choose folder'],
  uploading: ['Enviando arquivos', 'Uploading files'],
  looking: ['Lendo os arquivos…', 'Reading the files…'],
  mapTitle: ['Colunas de {name}', 'Columns of {name}'],
  mapIntro: ['Diga o que cada coluna é. Sugerimos pelo nome e pelos valores; confira antes de importar.', 'Say what each column is. Suggested from names and values; check before importing.'],
  column: ['Coluna da planilha', 'Sheet column'],
  field: ['Campo no Painel', 'Painel field'],
  examples: ['Exemplos', 'Examples'],
  notImported: ['(não importar)', '(do not import)'],
  byValues: ['pelos valores', 'from the values'],
  byTemplate: ['modelo salvo', 'saved mapping'],
  dates: ['Datas', 'Dates'],
  decimal: ['Decimais', 'Decimals'],
  saveAs: ['Salvar este mapeamento como', 'Save this mapping as'],
  templateUsed: ['Usando o mapeamento salvo "{name}".', 'Using the saved mapping "{name}".'],
  missing: ['Falta indicar: {fields}', 'Still missing: {fields}'],
  preview: ['Como as primeiras linhas vão entrar', 'How the first rows will land'],
  line: ['Linha', 'Line'],
  problems: ['{n} células com problema nas primeiras linhas (serão rejeitadas, com o motivo)', '{n} cells with problems in the first rows (they will be rejected, with the reason)'],
  importNow: ['Importar', 'Import'],
  ready: ['Pronto para importar', 'Ready to import'],
  canonical: ['Tabela do Painel: {table}', 'Painel table: {table}'],
  dataset: ['Dados exportados do Painel (Parquet): {tables}', 'Data exported from Painel (Parquet): {tables}'],
  folder: ['Pasta com tabelas do Painel: {tables}', 'Folder of Painel tables: {tables}'],
  folderOther: ['Pasta de arquivos', 'Folder of files'],
  shop: ['Exportação de loja reconhecida', 'Recognised shop export'],
  resultTitle: ['Resultado', 'Result'],
  nothingLoaded: ['Nada foi importado deste arquivo.', 'Nothing was imported from this file.'],
  needsMapping: ['As colunas deste arquivo precisam ser mapeadas.', 'This file\'s columns need a mapping.'],
  mapIt: ['Mapear colunas', 'Map columns'],
  table: ['Tabela', 'Table'],
  loaded: ['Novas', 'New'],
  replaced: ['Substituídas', 'Replaced'],
  unchanged: ['Iguais', 'Unchanged'],
  allUnchanged: ['Nada mudou: as {n} linhas já estavam no Painel, inalteradas.', 'Nothing changed: all {n} rows were already in Painel, unchanged.'],
  rejected: ['Rejeitadas', 'Rejected'],
  rejectsTitle: ['Linhas rejeitadas', 'Rejected rows'],
  reason: ['Motivo', 'Reason'],
  value: ['Valor', 'Value'],
  historyTitle: ['Importações anteriores', 'Past imports'],
  historyEmpty: ['Nenhuma importação ainda.', 'No imports yet.'],
  when: ['Quando', 'When'],
  files: ['Arquivos', 'Files'],
  file: ['Arquivo', 'File'],
  undo: ['Desfazer', 'Undo'],
  undoneLabel: ['Desfeita', 'Undone'],
  notLoaded: ['Nada importado', 'Nothing imported'],
  nothingChanged: ['Nada mudou ({n} linhas já estavam no Painel)', 'Nothing changed ({n} rows were already in Painel)'],
  nothingChangedOne: ['Nada mudou (1 linha já estava no Painel)', 'Nothing changed (1 row was already in Painel)'],
  onlyReplaced: ['Nenhuma linha nova; {n} atualizadas', 'No new rows; {n} updated'],
  onlyReplacedOne: ['Nenhuma linha nova; 1 atualizada', 'No new rows; 1 updated'],
  undone: ['Desfeita: {n} linhas removidas.', 'Undone: {n} rows removed.'],
  confirmUndo: ['Remover as linhas que esta importação trouxe? As demais ficam.', 'Remove the rows this import brought? Everything else stays.'],
  demoTitle: ['Dados de demonstração', 'Demo data'],
  removeDemo: ['Remover os dados de demonstração', 'Remove the demo data'],
  confirmDemo: ['Remover os dados de demonstração? O que você importou de arquivos fica.', 'Remove the demo data? What you imported from files stays.'],
  demoRemoved: ['Dados de demonstração removidos: {n} linhas.', 'Demo data removed: {n} rows.'],
  demoLabel: ['Demonstração', 'Demo'],
} satisfies Record<string, Pair>;

export const FIELD_LABELS: Record<string, Pair> = {
  'sale.id': ['Nº da venda / comanda', 'Sale number'],
  'sale.date': ['Data da venda', 'Sale date'],
  'sale.paidDate': ['Data do pagamento', 'Payment date'],
  'sale.time': ['Hora', 'Time'],
  'sale.status': ['Situação', 'Status'],
  'sale.total': ['Total da venda', 'Sale total'],
  'sale.shipping': ['Frete', 'Shipping'],
  'sale.discount': ['Desconto', 'Discount'],
  'line.item': ['Serviço / produto', 'Service / product'],
  'line.itemKind': ['Tipo (serviço ou produto)', 'Kind (service or product)'],
  'line.category': ['Categoria', 'Category'],
  'line.quantity': ['Quantidade', 'Quantity'],
  'line.unitPrice': ['Preço unitário', 'Unit price'],
  'line.total': ['Valor', 'Amount'],
  'employee.name': ['Profissional', 'Professional'],
  'customer.id': ['Código do cliente', 'Customer code'],
  'customer.name': ['Nome do cliente', 'Customer name'],
  'customer.lastName': ['Sobrenome do cliente', 'Customer last name'],
  'customer.phone': ['Telefone', 'Phone'],
  'customer.email': ['E-mail', 'E-mail'],
  'customer.document': ['CPF / CNPJ', 'CPF / CNPJ'],
  'customer.birthDate': ['Nascimento', 'Birth date'],
  'customer.gender': ['Sexo', 'Gender'],
  'customer.city': ['Cidade', 'City'],
  'customer.state': ['UF', 'State'],
  'customer.optIn': ['Aceita marketing', 'Accepts marketing'],
  'payment.method': ['Forma de pagamento', 'Payment method'],
  'payment.amount': ['Valor pago', 'Amount paid'],
};

const PROBLEMS: Record<string, Pair> = {
  date: ['não é uma data', 'not a date'],
  time: ['não é uma hora', 'not a time'],
  number: ['não é um número', 'not a number'],
  yesno: ['não é sim/não', 'not yes/no'],
  status: ['situação desconhecida', 'unknown status'],
  email: ['e-mail inválido', 'not an e-mail'],
};

/** Engine reasons (English) by their start, in pt-BR. */
const REASONS: [RegExp, string][] = [
  [/^not a date\/time/, 'não é uma data/hora (use DD/MM/AAAA HH:MM ou AAAA-MM-DD)'],
  [/^not a date/, 'não é uma data (use DD/MM/AAAA ou AAAA-MM-DD)'],
  [/^not a number/, 'não é um número (use 1.234,56 ou 1234.56)'],
  [/^not a whole number/, 'não é um número inteiro'],
  [/^not a yes\/no/, 'não é sim/não'],
  [/^not one of: (.*)/, 'não é um dos valores aceitos: $1'],
  [/^missing required value/, 'valor obrigatório em branco'],
  [/^must not be negative/, 'não pode ser negativo'],
  [/^its sale was rejected/, 'a venda desta linha foi rejeitada (veja o motivo da venda)'],
  [/^the row has fewer columns than the header(.*)/, 'a linha tem menos colunas que o cabeçalho$1'],
  [/^the row has more columns than the header(.*)/, 'a linha tem mais colunas que o cabeçalho$1'],
  [/^a quote is not closed/, 'uma aspa não foi fechada (confira as aspas desta linha)'],
  [/^the line has characters/, 'a linha tem caracteres inválidos para a codificação do arquivo'],
  [/^the line is too long/, 'a linha é longa demais (provavelmente uma aspa não fechada)'],
  [/^the line could not be read/, 'a linha não pôde ser lida como CSV'],
  [/^duplicate (.*) within the file/, 'repetida no arquivo ($1); a primeira ficou'],
  [/^total_amount .* is not gross/, 'o total não bate com bruto - desconto + impostos + frete'],
];

export type ImportTextKey = keyof typeof TEXT;

export function useImportText() {
  const { locale, f } = useI18n();
  const i = locale === 'pt-BR' ? 0 : 1;
  const tx = (key: ImportTextKey, params?: Record<string, string | number>) =>
    TEXT[key][i].replace(/\{(\w+)\}/g, (m, n: string) => (params && n in params ? String(params[n]) : m));
  const field = (id: string) => FIELD_LABELS[id]?.[i] ?? id;
  const problem = (code: string) => PROBLEMS[code]?.[i] ?? code;
  const reason = (text: string) => {
    if (i === 1) return text;
    for (const [re, pt] of REASONS) {
      const m = re.exec(text);
      if (m) return pt.replace(/\$(\d)/g, (_, k: string) => m[Number(k)] ?? '');
    }
    return text;
  };
  return { tx, field, problem, reason, locale, f };
}
