"""What a template may do: Jinja2's immutable sandbox, a loader that stays in its folder, and the one
line a template's failure becomes.

A template is workspace input like an article: it may print the values it is given, loop, branch,
call filters and include other templates of the override chain; it may not reach Python's internals
(`cycler.__init__.__globals__`, `''.__class__.__mro__`), change the objects it is given, touch a path
object (`m.path.read_text()`), read a file outside its folder, or make a huge number or string. Its
loops share a budget of iterations per render, and what it writes a budget of characters, so that
nested loops (`range(100000)` in `range(100000)`) end at once in an error, not minutes later.
"""

from __future__ import annotations

import os
import traceback
import typing
from collections.abc import Callable, Generator, Iterable, Iterator
from io import IOBase
from pathlib import Path, PurePath
from types import ModuleType
from typing import Any

import jinja2
from jinja2 import BaseLoader, Template, TemplateNotFound, TemplateSyntaxError, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..errors import ResourceError
from ..workspace import confined_file, read_small

MAX_TEMPLATE_BYTES = 2 * 2**20
MAX_POWER = 4096  # 10 ** 4096 has 4097 digits: any number a layout needs, none that takes minutes
MAX_REPEAT = 2**20  # "x" * n and [x] * n
MAX_ITERATIONS = 250_000  # loop steps of one render: the packaged layouts take about one per heading
MAX_OUTPUT = 64 * 2**20  # characters one render may write: some 25 000 pages of HTML
# Objects whose attributes a template never sees: paths (read_text, unlink), modules, classes, files.
_OPAQUE = (PurePath, ModuleType, type, IOBase, os.DirEntry)
_JINJA = (Path(jinja2.__file__).parent,)


class TemplateSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, closed further: no path, module or class attribute, no huge power
    or repetition, and no `lipsum` (random text would make equal inputs give different bytes)."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(bytecode_cache=_COMPILED, **options)
        self.globals.pop("lipsum", None)
        self.code_generator_class = _CountingCodeGenerator
        self.iterations = 0

    def render_bounded(self, template: Template, context: dict[str, Any]) -> str:
        """Render `template` within the budgets of loop steps and characters written."""
        self.iterations, written, parts = 0, 0, []
        stream = typing.cast(Generator[str, None, None], template.generate(**context))  # typed as an Iterator
        for part in stream:
            written += len(part)
            if written > MAX_OUTPUT:  # raised where the template wrote it, so the error names that line
                stream.throw(OverBudget(f"the template writes more than {MAX_OUTPUT} characters"))
            parts.append(part)
        return "".join(parts)

    def counted(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """What every {% for %} iterates through: the items, counted against the render's budget."""
        for item in iterable:
            self.iterations += 1
            if self.iterations > MAX_ITERATIONS:
                raise OverBudget(
                    f"the template's loops take more than {MAX_ITERATIONS} steps (a loop over a huge range?)"
                )
            yield item

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, _OPAQUE) or isinstance(value, _OPAQUE):
            return False
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_POWER:
            raise jinja2.sandbox.SecurityError(f"the power {right} is larger than a template may use ({MAX_POWER})")
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if (
                    isinstance(sequence, str | list | tuple)
                    and isinstance(count, int)
                    and len(sequence) * count > MAX_REPEAT
                ):
                    raise jinja2.sandbox.SecurityError(
                        f"{len(sequence) * count} items or characters are more than a template may make ({MAX_REPEAT})"
                    )
        return super().call_binop(context, operator, left, right)


class _CompiledOnce(jinja2.BytecodeCache):
    """Each template compiled once a process, not once an environment: a build makes one for its check and one in
    each render worker, and compiled the layouts in each (a fixture's text-fidelity test: 1.67 s, 1.27 s with this).
    A template is found again by its name, its file, the settings that shape its code (the sandbox's loop counting
    among them) and, checked by Jinja2, the digest of its text: an edited template is compiled anew."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def get_bucket(self, environment: Any, name: str, filename: str | None, source: str) -> jinja2.bccache.Bucket:
        shaping = (
            type(environment),
            environment.code_generator_class,
            *(getattr(environment, setting) for setting in _LEXING),
            environment.optimized,
            environment.is_async,
            environment.finalize,
            tuple(environment.extensions),
            environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape,
        )
        return super().get_bucket(environment, f"{name}\0{shaping!r}", filename, source)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledOnce()
_LEXING = (  # the settings Jinja2 makes a lexer of (jinja2.lexer.get_lexer)
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
)


class OverBudget(jinja2.sandbox.SecurityError):
    """A template looped or wrote more than one render may."""


class _CountingCodeGenerator(CodeGenerator):
    """Compiles `{% for x in items %}` as `{% for x in environment.counted(items) %}`: the sandbox has
    no hook of its own for iteration, and a template that loops long enough never reaches one that it has."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        count = nodes.Call(nodes.EnvironmentAttribute("counted"), [node.iter], [], None, None, lineno=node.lineno)
        fields = [count if name == "iter" else getattr(node, name) for name in node.fields]
        super().visit_For(nodes.For(*fields, lineno=node.lineno), frame)


class ConfinedLoader(BaseLoader):
    """Templates from one folder; a link out of it, a device or a template over 2 MiB is a ResourceError."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*split_template_path(template))
        if not (path.is_file() or path.is_symlink()):
            raise TemplateNotFound(template)
        shown = f"templates/{template}"
        data = read_small(confined_file(path, self.folder, shown).resolve(), MAX_TEMPLATE_BYTES)
        if data is None:
            raise ResourceError(f"{shown}: unreadable, or larger than {MAX_TEMPLATE_BYTES // 2**20} MiB")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ResourceError(f"{shown}: not UTF-8 text (byte {exc.start})") from None
        mtime = path.stat().st_mtime
        return text, str(path), lambda: path.is_file() and path.stat().st_mtime == mtime


def template_failure(error: BaseException, folders: tuple[Path, ...], name: str) -> ResourceError | None:
    """The ResourceError a template's own failure becomes, naming the template and the line; None when
    `error` did not come from a template (a bug of this tool stays one)."""
    if isinstance(error, TemplateSyntaxError):
        shown = _shown(error.filename or error.name or name, folders)
        return ResourceError(f"{shown} line {error.lineno}: {error.message}")
    frames = traceback.extract_tb(error.__traceback__)
    inner = [i for i, frame in enumerate(frames) if _template(frame.filename, folders)]
    blamed = isinstance(error, jinja2.TemplateError) or (
        inner and all(_under(Path(frame.filename), _JINJA) for frame in frames[inner[-1] + 1 :])
    )
    if not blamed:
        return None
    where = _shown(name, folders)
    if inner:
        where = f"{_shown(frames[inner[-1]].filename, folders)} line {frames[inner[-1]].lineno}"
    return ResourceError(f"{where}: {_reason(error)}")


def _reason(error: BaseException) -> str:
    if isinstance(error, OverBudget):
        return str(error)
    if isinstance(error, jinja2.sandbox.SecurityError):
        return f"{str(error).rstrip('.')}; a template prints the values it is given, it cannot reach into Python"
    if isinstance(error, TemplateNotFound):
        return f'uses the template "{error.name}", which is not in templates/ or among the packaged ones'
    if isinstance(error, jinja2.TemplateError):
        return str(error.message)
    return f"{type(error).__name__}: {error}"


def _template(filename: str, folders: tuple[Path, ...]) -> bool:
    return _under(Path(filename), folders)


def _under(path: Path, folders: tuple[Path, ...]) -> bool:
    return any(path.is_relative_to(folder) for folder in folders)


def _shown(filename: str, folders: tuple[Path, ...]) -> str:
    """A template as errors name it: templates/<name> in the workspace, else the packaged one."""
    path = Path(filename)
    for index, folder in enumerate(folders):
        if path.is_relative_to(folder):
            relative = path.relative_to(folder).as_posix()
            return f"templates/{relative}" if index < len(folders) - 1 else f"the packaged template {relative}"
    return f"templates/{filename}"
