"""Templates are workspace input: they run sandboxed, read only their own folder, and fail as one line."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import REPO, make_workspace, run_publish

from publisher.errors import ResourceError
from publisher.source.manifest import load_manifest
from publisher.typeset.templates import Templates


@pytest.fixture
def manifest(tmp_path: Path):  # a real Manifest: it carries paths, which a template must not touch
    folder = tmp_path / "ws" / "source" / "pub"
    folder.mkdir(parents=True)
    (folder / "manifest.toml").write_text('title = "عنوان"\nauthors = ["أ"]\ndate = 2026-11-30\n', encoding="utf-8")
    (folder / "article.txt").write_text("نص.", encoding="utf-8")
    return load_manifest(folder)


def templates_with(root: Path, name: str, text: str) -> Templates:
    own = root / "templates"
    (own / name).parent.mkdir(parents=True, exist_ok=True)
    (own / name).write_text(text, encoding="utf-8")
    return Templates((own.resolve(), (REPO / "templates").resolve()))


HOSTILE = {
    "globals through cycler": "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "globals through lipsum": "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "globals through joiner": "{{ joiner.__init__.__globals__ }}",
    "the class tree": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "the template's context": "{{ self._TemplateReference__context }}",
    "a huge range": "{% for i in range(10**12) %}{% endfor %}",
    "nested loops": "{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}",
    "loops over a list made long": "{% for i in [0] * 1000 %}{% for j in [0] * 1000 %}{% for k in [0] * 1000 %}"
    "{% endfor %}{% endfor %}{% endfor %}",
    "a recursive macro": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "gigabytes written": "{% for i in range(100000) %}{{ 'x' * 2**20 }}{% endfor %}",
    "a huge power": "{{ 10 ** 100000 }}",
    "a huge string": "{{ ('x' * 10**9) | length }}",
    "a huge list": "{{ ([0] * 10**8) | length }}",
    "a file through the manifest's path": "{{ m.path.read_text() }}",
    "a path through a tuple": "{{ m.text_files[0].read_text() }}",
    "a path by subscript": "{{ m['path'] }}",
    "a dataclass's fields": "{{ m.__dataclass_fields__ }}",
    "a date's class": "{{ m.date.__class__.__init__ }}",
    "changing a list": "{% set items = [1] %}{{ items.append(2) }}",
    "changing a dict": "{% set table = {} %}{{ table.update(a=1) }}",
    "str.format into internals": "{{ '{0.__class__}'.format(m) }}",
    "an absolute include": '{% include "/etc/passwd" %}',
    "a climbing include": '{% include "../../../../etc/passwd" %}',
    "an absolute extends": '{% extends "/etc/hostname" %}',
    "a syntax error": "{% if %}",
    "an unknown name": "{{ request.application }}",
    "a division by zero": "{{ 1 / 0 }}",
}


@pytest.mark.parametrize("attack", sorted(HOSTILE))
def test_a_hostile_template_is_one_error_naming_template_and_line(tmp_path: Path, manifest, attack: str) -> None:
    templates = templates_with(tmp_path, "pdf/x.html.j2", "<p>first line</p>\n" + HOSTILE[attack] + "\n")
    with pytest.raises(ResourceError) as caught:
        templates.render("pdf/x.html.j2", m=manifest)
    (message,) = caught.value.messages
    assert message.startswith("templates/pdf/x.html.j2 line 2: "), message
    assert "\n" not in message and "uid=" not in message


def test_the_sandbox_leaves_a_normal_template_alone(tmp_path: Path, manifest) -> None:
    text = (
        "{% set n = namespace(count=0) %}{% for a in m.authors %}{% set n.count = n.count + 1 %}{% endfor %}"
        "{{ m.title | upper }} {{ n.count }} {{ m.date.isoformat() }} {{ m.pdf.page_size }} {{ 2 ** 10 }} "
        "{{ '-' * 3 }} {{ range(3) | list | join(',') }} {{ m.emphasis_face }} {{ '%s!' | format(m.language) }}"
    )
    templates = templates_with(tmp_path, "pdf/ok.html.j2", text)
    assert templates.render("pdf/ok.html.j2", m=manifest) == "عنوان 1 2026-11-30 A5 1024 --- 0,1,2 bold ar!"


def test_an_include_of_a_missing_template_names_the_including_line(tmp_path: Path, manifest) -> None:
    templates = templates_with(tmp_path, "pdf/x.html.j2", "a\nb\n{% include 'partials/nothing.html.j2' %}\n")
    with pytest.raises(ResourceError, match=r'^templates/pdf/x\.html\.j2 line 3: uses the template "partials/nothing'):
        templates.render("pdf/x.html.j2", m=manifest)


def test_an_error_in_an_included_template_names_that_template(tmp_path: Path, manifest) -> None:
    templates = templates_with(tmp_path, "partials/bad.html.j2", "ok\n\n{{ cycler.__init__ }}\n")
    templates = templates_with(tmp_path, "pdf/x.html.j2", "{% include 'partials/bad.html.j2' %}\n")
    with pytest.raises(
        ResourceError, match=r"^templates/partials/bad\.html\.j2 line 3: access to attribute '__init__'"
    ):
        templates.render("pdf/x.html.j2", m=manifest)


def fifo(path: Path) -> Path:
    """A named pipe: a build that opened it to read would hang, so the test would time out."""
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("name", ["pdf/x.html.j2", "pdf/book.css", "partials/labels.j2"])
@pytest.mark.parametrize("target", ["file outside", "pipe outside", "pipe inside"])
def test_a_template_linked_out_of_its_folder_is_never_read(tmp_path: Path, name: str, target: str) -> None:
    own = tmp_path / "ws" / "templates"
    (own / name).parent.mkdir(parents=True)
    outside = tmp_path / "secret"
    if target == "file outside":
        outside.write_text("SECRET {{ 7 * 7 }}")
    else:
        fifo(outside if target == "pipe outside" else own / "pipe")
    (own / name).symlink_to(outside if target != "pipe inside" else own / "pipe")
    templates = Templates((own.resolve(), (REPO / "templates").resolve()))
    with pytest.raises(ResourceError, match=rf"^templates/{name}: is "):
        if name.endswith(".css"):
            templates.file(name)
        elif name.endswith("labels.j2"):
            templates.labels("ar")
        else:
            templates.render(name)


def test_a_link_inside_the_templates_folder_is_fine(tmp_path: Path, manifest) -> None:
    templates = templates_with(tmp_path, "partials/real.html.j2", "{{ m.title }}")
    (tmp_path / "templates" / "pdf").mkdir()
    (tmp_path / "templates" / "pdf" / "x.html.j2").symlink_to("../partials/real.html.j2")
    assert templates.render("pdf/x.html.j2", m=manifest) == "عنوان"


def test_a_hostile_workspace_template_fails_the_build_with_one_line_and_no_output(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", REPO / "source" / "beni-mellal-social-pole")
    (root / "templates" / "epub").mkdir(parents=True)
    shutil.copy(REPO / "templates" / "epub" / "titlepage.xhtml.j2", root / "templates" / "epub")
    page = root / "templates" / "epub" / "titlepage.xhtml.j2"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "{{ lipsum.__globals__.os.popen('id').read() }}")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")

    for jobs in ("2", "1"):  # one job: the PDF is made and staged in dist/ before the EPUB fails
        result = run_publish("-C", str(root), "build", "--jobs", jobs)

        assert result.returncode == 2, result.stderr
        assert result.stderr == "error: templates/epub/titlepage.xhtml.j2 line 4: 'lipsum' is undefined\n"
        assert not (root / "dist").exists()


def test_a_template_is_compiled_once_a_process_and_anew_when_edited(tmp_path: Path, manifest) -> None:
    """Environments share compiled templates (jinja_sandbox._CompiledOnce): the same text is compiled once, an edited
    one again, code taken from the cache keeps the sandbox's budgets, and an environment whose settings shape other
    code (here: no trim_blocks) does not take it."""
    from publisher.typeset import jinja_sandbox

    name = "pdf/x.html.j2"
    loop = "{% for i in range(n) %}{% for j in range(n) %}{% if i + j == 0 %}\n{{ m.title }}{% endif %}{% endfor %}"
    loop += "{% endfor %}\n"
    compiled = []
    original = jinja_sandbox.TemplateSandbox.compile
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jinja_sandbox.TemplateSandbox, "compile", lambda *a, **k: compiled.append(1) or original(*a, **k))
        for _ in range(2):
            assert templates_with(tmp_path, name, loop).render(name, m=manifest, n=3) == "عنوان"
        assert len(compiled) == 1
        with pytest.raises(ResourceError, match="loops take more than"):
            templates_with(tmp_path, name, loop).render(name, m=manifest, n=100_000)
        assert len(compiled) == 1  # from the cache, still counting its loop's steps
        edited = templates_with(tmp_path, name, loop.replace("m.title", "m.title | upper ~ '!'"))
        assert edited.render(name, m=manifest, n=3) == "عنوان!" and len(compiled) == 2
        assert templates_with(tmp_path, name, loop).render(name, m=manifest, n=3) == "عنوان" and len(compiled) == 3
        untrimmed = jinja_sandbox.TemplateSandbox(loader=edited.env.loader, keep_trailing_newline=True)
        assert untrimmed.get_template(name).render(m=manifest, n=3) == "\nعنوان\n" and len(compiled) == 4
