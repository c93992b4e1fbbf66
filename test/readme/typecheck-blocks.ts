import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../..');

/** One fenced ```ts or ```tsx block of a Markdown document. */
export interface CodeBlock {
  lang: 'ts' | 'tsx';
  /** 1-based line of the opening fence. */
  line: number;
  code: string;
}

/** The ```ts/```tsx (also typescript) blocks of a Markdown text, in order. */
export function extractCodeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(```+|~~~+)\s*(ts|tsx|typescript)\b/.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[2] ?? '```';
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j] ?? '').trimStart().startsWith(fence)) body.push(lines[j++] ?? '');
    blocks.push({ lang: open[3] === 'tsx' ? 'tsx' : 'ts', line: i + 1, code: body.join('\n') });
    i = j;
  }
  return blocks;
}

/** Diagnostics per block (empty when the block typechecks). */
export interface BlockResult {
  block: CodeBlock;
  errors: string[];
}

/**
 * Typechecks each block as its own module against the package's sources, with the project's
 * strict compiler options. `react-recording-service` (and its subpaths) resolve to the entry
 * files the build publishes. Blocks are snippets, so unused locals are allowed.
 */
export function typecheckBlocks(blocks: CodeBlock[]): BlockResult[] {
  const configPath = join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: true,
    noUnusedLocals: false,
    noUnusedParameters: false,
    types: ['node'],
    baseUrl: ROOT,
    paths: {
      'react-recording-service': ['hooks/index.ts'],
      'react-recording-service/components': ['components/index.ts'],
      'react-recording-service/testing': ['src/testing/index.ts'],
    },
  };
  const virtual = new Map<string, string>();
  const names = blocks.map((b, i) => {
    const name = join(ROOT, 'test/readme', `__readme_block_${i + 1}_line_${b.line}.${b.lang}`);
    // `export {}` keeps each block a module of its own, so blocks may reuse names.
    virtual.set(name, `${b.code}\nexport {};\n`);
    return name;
  });
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f);
  host.readFile = (f) => virtual.get(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, onError, create) => {
    const text = virtual.get(f);
    return text !== undefined
      ? ts.createSourceFile(f, text, lang, true, f.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
      : getSourceFile.call(host, f, lang, onError, create);
  };
  const program = ts.createProgram({ rootNames: names, options, host });
  return blocks.map((block, i) => {
    const file = program.getSourceFile(names[i] ?? '');
    const diagnostics = file ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)] : [];
    const errors = diagnostics.map((d) => {
      const where =
        d.file && d.start !== undefined
          ? d.file.getLineAndCharacterOfPosition(d.start).line + block.line + 1
          : block.line;
      return `README.md:${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    return { block, errors };
  });
}

export const README_PATH = join(ROOT, 'README.md');
export const readmeDir = dirname(README_PATH);
