// Which highlighter a set of files comes from, read from their content (a name or extension
// alone proves nothing), and the import plan they make. A file cut short, or one that is not of
// any format Trailmark reads, is refused with the reason before anything could be written.
import { CsvError } from './csv';
import { isHypothesisExport, isHypothesisSearch, parseHypothesis } from './hypothesis';
import { ImportRefused, type ImportPlan } from './import-plan';
import { isObsidianClipper, parseObsidianClipper } from './obsidian-clipper';
import { isOmnivoreMetadata, type NamedText, parseOmnivore } from './omnivore';
import { parseReadwiseCsv } from './readwise-csv';
import { isReadwiseMarkdown, parseReadwiseMarkdown } from './readwise-markdown';
import { isRecord } from './values';

export type { NamedText };

const EXPECTED =
  'Trailmark reads Hypothesis exports (JSON), Readwise CSV and Markdown exports, the Obsidian Web Clipper’s highlights (JSON) and Omnivore export archives';

type Kind = { kind: 'json'; data: unknown } | { kind: 'markdown' } | { kind: 'csv' };

function parseJson(file: NamedText): unknown {
  try {
    return JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ImportRefused(`${file.name} is not complete JSON, it may be cut short (${why})`);
  }
}

function kindOf(file: NamedText): Kind {
  const start = file.text.replace(/^\uFEFF/, '').trimStart()[0];
  if (start === '{' || start === '[') return { kind: 'json', data: parseJson(file) };
  if (isReadwiseMarkdown(file.text) || /\.(md|markdown)$/i.test(file.name))
    return { kind: 'markdown' };
  return { kind: 'csv' };
}

function jsonPlan(file: NamedText, data: unknown, now: number): ImportPlan {
  if (isHypothesisExport(data) || isHypothesisSearch(data)) {
    return parseHypothesis(data as Record<string, unknown>, now);
  }
  if (isObsidianClipper(data)) return parseObsidianClipper(data, now);
  if (isOmnivoreMetadata(data)) return parseOmnivore([data], [], now);
  if (isRecord(data) && data.format === 'trailmark-backup') {
    throw new ImportRefused(
      `${file.name} is a Trailmark backup: bring it in under “Import a backup”`,
    );
  }
  throw new ImportRefused(`${file.name} is JSON, but of no format Trailmark reads. ${EXPECTED}.`);
}

function csvPlan(file: NamedText, now: number): ImportPlan {
  let plan: ImportPlan | null;
  try {
    plan = parseReadwiseCsv(file.text, now);
  } catch (error) {
    if (error instanceof CsvError) throw new ImportRefused(`${file.name}: ${error.message}`);
    throw error;
  }
  if (!plan) throw new ImportRefused(`${file.name} is of no format Trailmark reads. ${EXPECTED}.`);
  return plan;
}

/** Omnivore's metadata with its highlight files, chosen together or read from the archive. */
function omnivorePlan(files: readonly NamedText[], kinds: Kind[], now: number): ImportPlan | null {
  const metadata = kinds.flatMap((k) =>
    k.kind === 'json' && isOmnivoreMetadata(k.data) ? [k.data] : [],
  );
  if (metadata.length === 0) return null;
  const rest = files.filter((_, i) => kinds[i]?.kind !== 'json');
  const markdown = rest.filter((f) => /\.md$/i.test(f.name));
  if (
    markdown.length !== rest.length ||
    metadata.length !== kinds.filter((k) => k.kind === 'json').length
  ) {
    throw new ImportRefused('Omnivore’s metadata came with files that are not part of its export');
  }
  return parseOmnivore(metadata, markdown, now);
}

/** Kindle's "My Clippings.txt": entries between lines of equals signs, naming books. */
const isKindleClippings = (text: string): boolean =>
  /^={10}\s*$/m.test(text) && /^- Your (Highlight|Note|Bookmark)/m.test(text);

function refuseKnownOthers(file: NamedText): void {
  if (isKindleClippings(file.text)) {
    throw new ImportRefused(
      `${file.name} holds Kindle clippings, which name books, not web pages: Trailmark has nowhere to place them`,
    );
  }
}

/** The plan for the files chosen together (the contents of an archive count as chosen). */
export function planImport(files: readonly NamedText[], now: number): ImportPlan {
  const chosen = files.filter((f) => f.text.trim().length > 0);
  if (chosen.length === 0) throw new ImportRefused(`the file is empty. ${EXPECTED}.`);
  chosen.forEach(refuseKnownOthers);
  const kinds = chosen.map(kindOf);
  const omnivore = omnivorePlan(chosen, kinds, now);
  if (omnivore) return omnivore;
  if (kinds.every((k) => k.kind === 'markdown')) {
    const texts = chosen.map((f) => f.text);
    if (!texts.some(isReadwiseMarkdown)) {
      throw new ImportRefused(`this Markdown is not a Readwise export. ${EXPECTED}.`);
    }
    return parseReadwiseMarkdown(texts, now);
  }
  const [first] = chosen;
  const [kind] = kinds;
  if (chosen.length > 1 || !first || !kind) {
    throw new ImportRefused('choose one export at a time (or the files of one Omnivore export)');
  }
  return kind.kind === 'json' ? jsonPlan(first, kind.data, now) : csvPlan(first, now);
}
