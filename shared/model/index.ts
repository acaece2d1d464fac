// The canonical data model as pure data (tables, columns, closed lists and their pt-BR/en words), shared by the
// engine (main/model builds DDL, staging and rules on it) and the renderer (labels). Imports nothing outside shared/.
export * from './enums';
export * from './tables';
export * from './text';
export * from './columnWords';
