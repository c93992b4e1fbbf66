import { encodeSegment } from './http';
import type { RecordingContext } from './context';
import { accept, send } from './request';
import { categorySchema, entity, listOf, templateSchema } from './schemas';
import type { Category, RequestOptions, Template } from './types';

const listAccept = /* @__PURE__ */ accept('asr.list.v2');
const categoriesAnswer = /* @__PURE__ */ listOf<Category>(categorySchema);
const categoryAnswer = /* @__PURE__ */ entity<Category>(categorySchema);
const templatesAnswer = /* @__PURE__ */ listOf<Template>(templateSchema);
const templateAnswer = /* @__PURE__ */ entity<Template>(templateSchema);

/** Every category of the tenant. */
export async function listCategories(context: RecordingContext, options?: RequestOptions): Promise<Category[]> {
  return send(context, {
    method: 'GET',
    path: context.config.resources.categoriesUrl,
    accept: listAccept,
    signal: options?.signal,
    answer: { schema: categoriesAnswer },
  });
}

/** One category. */
export async function getCategory(context: RecordingContext, id: string, options?: RequestOptions): Promise<Category> {
  return send(context, {
    method: 'GET',
    path: `${context.config.resources.categoriesUrl}/${encodeSegment(id, 'id')}`,
    accept: accept('asr.program.category.v2'),
    signal: options?.signal,
    answer: { schema: categoryAnswer },
  });
}

/** Every recording template of the tenant. */
export async function listTemplates(context: RecordingContext, options?: RequestOptions): Promise<Template[]> {
  return send(context, {
    method: 'GET',
    path: context.config.resources.templatesUrl,
    accept: listAccept,
    signal: options?.signal,
    answer: { schema: templatesAnswer },
  });
}

/** One template. */
export async function getTemplate(context: RecordingContext, id: string, options?: RequestOptions): Promise<Template> {
  return send(context, {
    method: 'GET',
    path: `${context.config.resources.templatesUrl}/${encodeSegment(id, 'id')}`,
    accept: accept('asr.program.template.v2'),
    signal: options?.signal,
    answer: { schema: templateAnswer },
  });
}
