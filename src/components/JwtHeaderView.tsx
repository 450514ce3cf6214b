import { useT } from '../i18n/index.js';
import { describeHeader } from '../ui-logic/jwt-header.js';
import { ExplainedFieldsTable } from './ExplainedFieldsTable.js';
import '../i18n/messages/tokens.js';

interface JwtHeaderViewProps {
  /** The decoded JOSE header of a JWT. */
  header: Record<string, unknown>;
  caption: string;
}

/** The JOSE header, each parameter explained (alg, typ and kid first, with a note on their values). */
export function JwtHeaderView({ header, caption }: JwtHeaderViewProps) {
  const t = useT();
  const rows = describeHeader(header).map((row) => ({
    key: row.name,
    name: row.name,
    value: <span className="block font-mono text-xs leading-5 break-all">{row.value}</span>,
    meaning: row.explanationKey ? t(row.explanationKey) : undefined,
    note: row.valueNoteKey ? t(row.valueNoteKey) : undefined,
  }));
  return (
    <ExplainedFieldsTable
      caption={caption}
      columns={{ name: t('tokens.header.parameter'), value: t('tokens.claims.value'), meaning: t('tokens.claims.meaning') }}
      rows={rows}
      unexplained={t('tokens.claims.unknown')}
    />
  );
}
