import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';

const extensions = ['.ts', '.tsx', '.js', '.mjs'];

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!/node_modules|dist|media/.test(entry.name)) sourceFiles(path, out);
    } else if (extensions.includes(extname(entry.name)) && !/\.(test|test-d|stories)\./.test(entry.name)) {
      out.push(resolve(path));
    }
  }
  return out;
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, ...extensions.map((x) => base + x), ...extensions.map((x) => join(base, `index${x}`))];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/**
 * Every import cycle among the source files of `dirs` (relative imports; type-only imports count too), each as
 * the list of files around it, relative to `root`.
 */
export function findImportCycles(root: string, dirs: string[]): string[][] {
  const files = dirs.flatMap((dir) => (existsSync(join(root, dir)) ? sourceFiles(join(root, dir)) : []));
  const graph = new Map<string, string[]>();
  const pattern = /^\s*(?:import|export)\s+(?:[^'"]*?from\s+)?['"](\.[^'"]+)['"]/gm;
  for (const file of files) {
    const deps = new Set<string>();
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      const target = resolveImport(file, match[1] as string);
      if (target) deps.add(target);
    }
    graph.set(file, [...deps]);
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const dep of graph.get(node) ?? []) {
      if (state.get(dep) === 'open') cycles.push([...stack.slice(stack.indexOf(dep)), dep]);
      else if (!state.has(dep)) visit(dep);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles.map((cycle) => cycle.map((file) => relative(root, file)));
}
