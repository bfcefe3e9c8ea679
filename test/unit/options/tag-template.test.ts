/**
 * Expected outputs follow Go's text/template and fmt semantics and moby's templates.go / loginfo.go
 * (stringid.TruncateID, strings.Title, padWithSpace, truncateWithLength).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidOptionError } from '../../../src/errors';
import { renderTagTemplate } from '../../../src/options/tag-template';
import { CONTAINER_ID, IMAGE_ID, containerInfo } from './container-info-fixture';

const info = containerInfo({ tag: 'x', 'awslogs-group': 'app' });
const render = (t: string): string => renderTagTemplate(t, info, 'host-1');

function rendersAs(cases: readonly (readonly [string, string])[]): void {
  for (const [tpl, want] of cases) test(`renders ${tpl} as ${JSON.stringify(want)}`, () => assert.equal(render(tpl), want));
}

describe('tag template fields', () => {
  rendersAs([
    ['{{.ID}}', CONTAINER_ID.slice(0, 12)],
    ['{{.FullID}}', CONTAINER_ID],
    ['{{.Name}}', 'clever_sanderson'],
    ['{{.ImageID}}', IMAGE_ID.slice('sha256:'.length, 'sha256:'.length + 12)],
    ['{{.ImageFullID}}', IMAGE_ID],
    ['{{.ImageName}}', 'registry.example:5000/team/app:1.27'],
    ['{{.DaemonName}}', 'docker'],
    ['{{.Command}}', 'sh -c echo hi'],
    ['{{.Hostname}}', 'host-1'],
    ['{{.ContainerName}}', '/clever_sanderson'],
    ['{{.ContainerID}}', CONTAINER_ID],
    ['{{.ContainerEntrypoint}}', 'sh'],
    ['{{.ContainerArgs}}', '[-c echo hi]'],
    ['{{.ContainerImageName}}', 'registry.example:5000/team/app:1.27'],
    ['{{.ContainerEnv}}', '[FOO=1 PATH=/bin EMPTY=]'],
    ['{{.ContainerLabels}}', 'map[a:b com.example.team:web]'],
    ['{{.Config}}', 'map[awslogs-group:app tag:x]'],
    ['{{.ContainerCreated}}', '2026-11-28 19:06:41.89552288 +0000 UTC'],
    ['[{{.LogPath}}]', '[]'],
    ['{{index .ContainerLabels "com.example.team"}}', 'web'],
    ['{{.ContainerLabels.a}}', 'b'],
    ['{{.ContainerLabels.missing}}', '<no value>'],
    ['[{{index .ContainerLabels "missing"}}]', '[]'],
    ['{{index .ContainerEnv 1}}', 'PATH=/bin'],
    ['{{index .ContainerArgs 0}}', '-c'],
  ]);

  test('gives .ID and .ImageID as at most 12 characters when the IDs are short', () => {
    const short = containerInfo({}, { containerId: 'abc', imageId: 'sha256:def' });
    assert.equal(renderTagTemplate('{{.ID}}/{{.ImageID}}', short, 'h'), 'abc/def');
  });
});

describe('tag template functions', () => {
  rendersAs([
    ['{{json .ContainerLabels}}', '{"a":"b","com.example.team":"web"}'],
    ['{{json "<a&b>"}}', '"<a&b>"'],
    ['{{json .ContainerArgs}}', '["-c","echo hi"]'],
    ['{{split .ImageName ":"}}', '[registry.example 5000/team/app 1.27]'],
    ['{{split "abc" ""}}', '[a b c]'],
    ['{{join (split .ImageName ":") "_"}}', 'registry.example_5000/team/app_1.27'],
    ['{{ with split .ImageName ":" }}{{join . "_"}}{{end}}', 'registry.example_5000/team/app_1.27'],
    ['{{title "hello wORLD foo_bar x-y élan"}}', 'Hello WORLD Foo_bar X-Y Élan'],
    ['{{lower "ÀBC"}}', 'àbc'],
    ['{{upper "straße"}}', 'STRAßE'],
    ['{{pad .Name 2 3}}|', '  clever_sanderson   |'],
    ['[{{pad "" 2 3}}]', '[]'],
    ['{{truncate .Name 6}}', 'clever'],
    ['{{truncate "abc" 10}}', 'abc'],
    ['{{truncate "héllo" 2}}', 'h'],
    ['{{.Name | upper}}', 'CLEVER_SANDERSON'],
    ['{{.Name | printf "%s!" | upper}}', 'CLEVER_SANDERSON!'],
  ]);
});

describe('tag template builtins and actions', () => {
  rendersAs([
    ['{{printf "%s-%d-%v" .Name 42 .ContainerArgs}}', 'clever_sanderson-42-[-c echo hi]'],
    ['{{printf "%d" .Name}}', '%!d(string=clever_sanderson)'],
    ['{{printf "%s %s" "a"}}', 'a %!s(MISSING)'],
    ['{{printf "%s" "a" 1}}', 'a%!(EXTRA int=1)'],
    ['{{printf "%05d|%-4s|%x|%q" -42 "ab" 255 "q"}}', '-0042|ab  |ff|"q"'],
    ['{{print 1 2 "a" 3}}', '1 2a3'],
    ['{{println "a" 1}}', 'a 1\n'],
    ['{{if eq .Name "clever_sanderson"}}yes{{else}}no{{end}}', 'yes'],
    ['{{if ne .Name "clever_sanderson"}}yes{{else if eq .ID "x"}}id{{else}}no{{end}}', 'no'],
    ['{{if eq .Name "a" "b" "clever_sanderson"}}any{{end}}', 'any'],
    ['{{with .ContainerLabels.missing}}x{{else with .Name}}{{.}}{{end}}', 'clever_sanderson'],
    ['{{with $n := .Name}}{{$n}}{{end}}', 'clever_sanderson'],
    ['{{range $i, $e := .ContainerArgs}}{{$i}}={{$e}};{{end}}', '0=-c;1=echo hi;'],
    ['{{range $k, $v := .ContainerLabels}}{{$k}}:{{$v}} {{end}}', 'a:b com.example.team:web '],
    ['{{range .ContainerLabels.missing}}x{{else}}empty{{end}}', 'empty'],
    ['{{range 3}}{{.}}{{end}}', '012'],
    ['{{range $i, $e := .ContainerEnv}}{{if eq $i 1}}{{continue}}{{end}}{{if eq $i 2}}{{break}}{{end}}{{$e}}{{end}}', 'FOO=1'],
    ['{{$x := "a"}}{{$x = "b"}}{{$x}}', 'b'],
    ['{{len .Name}} {{len "é"}} {{len .ContainerArgs}}', '16 2 2'],
    ['{{and 1 0}} {{and 1 2}} {{or 0 "" "z"}} {{not .Name}}', '0 2 z false'],
    ['{{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1 2}}', 'true true true false'],
    ['{{3.0}} {{1e6}} {{1.5}} {{0x10}} {{-3}} {{1_000}} {{\'a\'}}', '3 1e+06 1.5 16 -3 1000 97'],
    ['{{`raw\\n`}}|{{"esc\\t"}}', 'raw\\n|esc\t'],
    ['a  {{- .ID -}}  b', `a${CONTAINER_ID.slice(0, 12)}b`],
    ['x {{- /* comment */ -}} y', 'xy'],
    ['{{/* only a comment */}}z', 'z'],
    ['{{(index .ContainerLabels "a") | upper}}', 'B'],
    ['{{$.Name}}', 'clever_sanderson'],
  ]);
});

describe('tag template errors', () => {
  const fails = (tpl: string, detail: string): void => {
    test(`rejects ${tpl} with "${detail}"`, () => {
      assert.throws(
        () => render(tpl),
        (e: unknown) => e instanceof InvalidOptionError && e.option === 'tag' && e.message.includes(`'tag'='${tpl}'`) && e.message.includes(detail),
      );
    });
  };
  fails('{{.Foo}}', "can't evaluate field Foo in type *logger.Info");
  fails('{{.Name', 'unclosed action');
  fails('{{nosuch}}', 'function "nosuch" not defined');
  fails('{{if .Name}}x', 'unexpected EOF');
  fails('{{else}}', 'unexpected {{else}}');
  fails('{{$y}}', 'undefined variable "$y"');
  fails('{{}}', 'missing value for command');
  fails('{{.Name | "x"}}', 'non executable command in pipeline stage 2');
  fails('{{break}}', '{{break}} outside {{range}}');
  fails('{{define "x"}}{{end}}', 'not supported');
  fails('{{upper 3}}', 'expected string; got int');
  fails('{{pad .Name "2" 3}}', 'expected int; got string');
  fails('{{.Name | truncate 3}}', 'expected string; got int');
  fails('{{truncate .Name -1}}', 'slice bounds out of range');
  fails('{{pad .Name -1 0}}', 'negative Repeat count');
  fails('{{upper .ContainerLabels.missing}}', 'invalid value; expected string');
  fails('{{index .ContainerArgs 5}}', 'index out of range: 5');
  fails('{{eq .Name 1}}', 'incompatible types for comparison');
  fails('{{.Name.Foo}}', "can't evaluate field Foo in type string");
  fails('{{"a" "b"}}', "can't give argument to non-function");
  fails('{{range .Name}}{{end}}', "range can't iterate over clever_sanderson");
  fails('{{range 1000000000}}x{{end}}', 'more than 100000 iterations');
  fails('{{upper 1x}}', 'bad number syntax');
});
