import { encodeSegment } from './http';
import type { RecordingContext } from './context';
import { listAccept, read } from './operation';
import { accept } from './request';
import { categorySchema, entity, listOf, templateSchema } from './schemas';
import type { Category, RequestOptions, Template } from './types';

const categoriesAnswer = /* @__PURE__ */ listOf<Category>(categorySchema);
const categoryAnswer = /* @__PURE__ */ entity<Category>(categorySchema);
const templatesAnswer = /* @__PURE__ */ listOf<Template>(templateSchema);
const templateAnswer = /* @__PURE__ */ entity<Template>(templateSchema);

/** Every category of the tenant. */
export async function listCategories(context: RecordingContext, options?: RequestOptions): Promise<Category[]> {
  return read(context, context.config.resources.categoriesUrl, listAccept, categoriesAnswer, options);
}

/** One category. */
export async function getCategory(context: RecordingContext, id: string, options?: RequestOptions): Promise<Category> {
  const path = `${context.config.resources.categoriesUrl}/${encodeSegment(id, 'id')}`;
  return read(context, path, accept('asr.program.category.v2'), categoryAnswer, options);
}

/** Every recording template of the tenant. */
export async function listTemplates(context: RecordingContext, options?: RequestOptions): Promise<Template[]> {
  return read(context, context.config.resources.templatesUrl, listAccept, templatesAnswer, options);
}

/** One template. */
export async function getTemplate(context: RecordingContext, id: string, options?: RequestOptions): Promise<Template> {
  const path = `${context.config.resources.templatesUrl}/${encodeSegment(id, 'id')}`;
  return read(context, path, accept('asr.program.template.v2'), templateAnswer, options);
}
