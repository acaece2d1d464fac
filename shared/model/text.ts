// Words in both languages of the app. Structurally the same as LocalizedText of shared/types.ts, declared here so
// the model imports nothing (shared/types.ts re-exports the model's table list, and a circle would follow).
export interface Words {
  'pt-BR': string;
  en: string;
}
