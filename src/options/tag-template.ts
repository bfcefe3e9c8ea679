/**
 * Renders Docker's `tag` log-opt: a Go text/template executed on the container's log-tag context
 * (moby loggerutils.ParseLogTag → templates.NewParse; docker/docs logging/log_tags.md). The daemon renders
 * nothing for plugins (docker-logging-protocol.md §3), so we do, with our own small engine:
 *   template-lexer.ts → template-parser.ts → template-eval.ts (+ template-funcs.ts, template-printf.ts),
 *   on the data built by tag-context.ts.
 * Any parse or execution error becomes an InvalidOptionError for `tag` that quotes the template, so it fails
 * `docker run` the way a bad tag fails awslogs.
 */
import { InvalidOptionError } from '../errors';
import type { ContainerInfo } from '../protocol/container-info';
import { TagContext } from './tag-context';
import { executeTemplate } from './template-eval';
import { isTemplateFunction, TemplateExecError } from './template-funcs';
import { lexTemplate, TemplateSyntaxError } from './template-lexer';
import { parseTemplate } from './template-parser';

export const TAG_OPTION = 'tag';

const EXPECTED =
  'expected a Go template over the log tag fields, e.g. {{.Name}}, {{.ID}}, {{.FullID}}, {{.ImageName}} or {{index .ContainerLabels "key"}}';

/** Renders `template` for one container. `option` names the log-opt in errors (always `tag` for Docker). */
export function renderTagTemplate(template: string, info: ContainerInfo, hostname: string, option = TAG_OPTION): string {
  let nodes;
  try {
    nodes = parseTemplate(lexTemplate(template), isTemplateFunction);
  } catch (e) {
    if (e instanceof TemplateSyntaxError) throw tagError(option, template, `template parse error: ${e.message}`);
    throw e;
  }
  try {
    return executeTemplate(nodes, new TagContext(info, hostname));
  } catch (e) {
    if (e instanceof TemplateExecError) throw tagError(option, template, `template execution error: ${e.message}`);
    throw e;
  }
}

function tagError(option: string, template: string, detail: string): InvalidOptionError {
  return new InvalidOptionError(option, `invalid log opt '${option}'='${template}': ${detail}; ${EXPECTED}`);
}
