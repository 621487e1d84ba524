"""Read the text files of a publication into a Document: chapters, headings and safe XHTML fragments.

`.md` is CommonMark with tables and footnotes; raw HTML in it goes through rawhtml.py's allow-list.
`.txt` is plain text whose paragraphs are separated by blank lines. Each file is one chapter.
The text comes out as the author typed it; the typesetting stage (typeset/) decides what running
text becomes: quotes, left-to-right runs, numbers.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from ..errors import InputError, ResourceError, SourceError, quoted
from ..workspace import display_path
from .blockdir import mark_block_directions
from .characters import describe, not_text
from .figure import check_image_attributes, shape_figures, use_figures
from .images import image_problem, pixels_problem
from .languages import text_direction
from .limits import MAX_NESTING, check_plain_text, check_tokens
from .links import Link, Targets, check_scheme, is_internal, resolve_links
from .listmarkers import european_list_markers
from .manifest import Manifest
from .poem import shape_poems, use_poems
from .rawhtml import apply_policy, render_paragraph_text
from .spans import check_span, use_spans

# C0 and C1 controls but tab and line feed: XML cannot carry them and no font draws them.
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
MAX_TEXT_BYTES = 8 * 2**20  # 300 A5 pages of Arabic are about 1 MiB (the seed: 5.6 KiB, 1.7 pages)

CODE_BLOCK = '<pre dir="ltr">'  # how a code block opens: left to right in any book


@dataclass(frozen=True)
class Heading:
    """A heading of a chapter, as the tables of contents list it."""

    level: int
    text: str
    id: str


@dataclass(frozen=True)
class Image:
    """An image used by a chapter: its path relative to the publication folder, and its file."""

    href: str
    path: Path


@dataclass(frozen=True)
class Chapter:
    """One text file: its title, its sanitised XHTML body fragment and what the fragment refers to."""

    id: str
    source: Path
    title: str
    own_heading: bool
    html: str
    headings: tuple[Heading, ...]
    images: tuple[Image, ...]
    sha256: str = ""  # of the file's bytes as read: the cache key hashes exactly what is rendered


@dataclass(frozen=True)
class TocEntry:
    """One line of a table of contents: a chapter or a heading, with the entries below it."""

    title: str
    chapter: str
    anchor: str
    children: tuple[TocEntry, ...] = ()


@dataclass(frozen=True)
class Document:
    """The text of one publication in reading order."""

    chapters: tuple[Chapter, ...]
    numerals: str = "latin"  # the digits of generated numbers, decided by the typesetting stage
    figures: str = "plain"  # "numbered": each figure's caption opens with its number (typeset/figures.py)

    def toc(self) -> tuple[TocEntry, ...]:
        """Chapters, each with its headings nested by level beneath it."""
        entries = []
        for chapter in self.chapters:
            headings = chapter.headings[1:] if chapter.own_heading else chapter.headings
            entries.append(TocEntry(chapter.title, chapter.id, chapter.id, _nest(chapter.id, list(headings))))
        return tuple(entries)

    @property
    def images(self) -> tuple[Image, ...]:
        """Every image of every chapter, once each, in order of first use."""
        return tuple(dict.fromkeys(i for c in self.chapters for i in c.images))


def _nest(chapter_id: str, headings: list[Heading]) -> tuple[TocEntry, ...]:
    """Nest headings under the closest earlier heading of a smaller level."""
    entries = []
    while headings:
        first = headings.pop(0)
        below = []
        while headings and headings[0].level > first.level:
            below.append(headings.pop(0))
        entries.append(TocEntry(first.text, chapter_id, first.id, _nest(chapter_id, below)))
    return tuple(entries)


def read_document(manifest: Manifest, problems: list[str] | None = None) -> Document:
    """Read every text file of the manifest into a Document; raise an InputError listing every
    problem of the text, or, given a `problems` list, add them to it and return what could be read."""
    found: list[InputError] = []
    cover_problem = pixels_problem(manifest.cover_path) if manifest.cover_path else None
    if cover_problem:  # checked here, not with the manifest: a build with nothing to do decodes nothing
        found.append(
            ResourceError(f"{display_path(manifest.path)}: 'cover' {quoted(str(manifest.cover))} {cover_problem}")
        )
    targets = Targets(manifest.folder)
    parsed: list[Chapter | _Parsed] = []
    digests: dict[Path, str] = {}
    footnotes = [0]  # in the publication so far: the limit is on the whole (limits.py)
    for number, path in enumerate(manifest.text_files, start=1):
        chapter_id = f"ch{number:02d}"
        try:
            data = read_text_bytes(path)  # read once: the key hashes the bytes that are rendered
            digests[path] = hashlib.sha256(data).hexdigest()
            text = decode_text(path, data)
            if path.suffix == ".md":
                parsed.append(_parse_markdown(chapter_id, path, text, manifest, targets, found, footnotes))
            else:
                check_plain_text(text, path)
                parsed.append(_plain_chapter(chapter_id, path, text))
                targets.add_chapter(path, chapter_id, [])
        except InputError as exc:  # this file cannot be read further; the others still are
            found.append(exc)
    chapters = []
    single = len(manifest.text_files) == 1
    for item in parsed:
        chapter = item if isinstance(item, Chapter) else _render_markdown(item, targets, found)
        if not chapter.title:
            chapter = replace(chapter, title=manifest.title if single else chapter.source.stem)
        chapters.append(replace(chapter, sha256=digests[chapter.source]))
    messages = [m for exc in found for m in exc.messages]
    if problems is not None:
        problems.extend(messages)
    elif len(found) == 1:
        raise found[0]
    elif found:
        raise SourceError(*messages)
    return Document(tuple(chapters))


def read_text(path: Path) -> str:
    """Decode a text file as UTF-8 (a BOM is allowed), with LF line ends; reject empty or binary files."""
    return decode_text(path, read_text_bytes(path))


def read_text_bytes(path: Path) -> bytes:
    """The bytes of a text file, refused when it is too large to be one."""
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise SourceError(
            f"{display_path(path)}: {size / 2**20:.1f} MiB is too large for one text file (the limit is "
            f"{MAX_TEXT_BYTES // 2**20} MiB, over 2000 A5 pages); split it into chapters"
        )
    return path.read_bytes()


def decode_text(path: Path, data: bytes) -> str:
    """The text of `data`, read from `path`: UTF-8 (a BOM is allowed), with LF line ends; reject
    empty or binary files."""
    shown = display_path(path)
    nul = data.find(b"\0")
    if nul >= 0:
        raise SourceError(f"{shown}: is a binary file, not text (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{shown}: not valid UTF-8 at byte offset {exc.start}") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(f"{shown}: is empty")
    control = _CONTROL.search(text)
    if control:
        char = control.group()
        raise SourceError(
            f"{shown} line {locate(text, char)}: control character U+{ord(char):04X} is not text; remove it"
        )
    odd = not_text(text)  # interlinear annotation, noncharacters
    if odd is not None:
        raise SourceError(f"{shown} line {locate(text, odd)}: {describe(odd)} is not text a book can print; remove it")
    return text


def locate(text: str, char: str) -> int:
    """The 1-based line of the first occurrence of `char` in `text`."""
    return text.count("\n", 0, text.index(char)) + 1


def _plain_chapter(chapter_id: str, path: Path, text: str) -> Chapter:
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    return Chapter(chapter_id, path, "", False, body, (), ())


class _Parser(MarkdownIt):
    def validateLink(self, url: str) -> bool:
        """Let every URL through the parser, so that check_scheme and _image can refuse bad ones by
        name, instead of markdown-it silently leaving them as literal text."""
        return True


def _markdown_parser() -> MarkdownIt:
    md = _Parser("commonmark", {"html": True, "xhtmlOut": True}).enable(["table", "strikethrough"]).use(footnote_plugin)
    # Past maxNesting markdown-it drops the rest of the file without a word; above the limit, the
    # limit's check sees the depth and names it instead.
    md.options["maxNesting"] = 2 * MAX_NESTING
    use_poems(md)
    use_figures(md)
    use_spans(md)
    md.add_render_rule("paragraph_text", render_paragraph_text)
    md.add_render_rule("footnote_ref", _render_footnote_ref)
    md.add_render_rule("footnote_backref", _render_footnote_backref)
    md.add_render_rule("footnote_block_open", lambda *a: '<div class="footnotes">\n')
    md.add_render_rule("footnote_block_close", lambda *a: "</div>\n")
    md.add_render_rule("footnote_open", _render_footnote_open)
    md.add_render_rule("footnote_close", lambda *a: "</aside>\n")
    return md


@dataclass
class _Parsed:
    """A Markdown file parsed and checked, waiting for the other chapters before its links are
    resolved and it is rendered."""

    chapter_id: str
    path: Path
    md: MarkdownIt
    env: dict[str, Any]
    tokens: list[Token]
    headings: list[Heading]
    images: list[Image]
    links: list[tuple[Link, Token]]
    renderable: bool


def _parse_markdown(
    chapter_id: str,
    path: Path,
    text: str,
    manifest: Manifest,
    targets: Targets,
    found: list[InputError],
    footnotes: list[int],
) -> _Parsed:
    """Parse a Markdown file and check it, noting every problem in `found`; register what links may
    reach in it with `targets`; `footnotes` counts the publication's notes so far (limits.py)."""
    md = _markdown_parser()
    env: dict[str, Any] = {"docId": chapter_id}
    text = european_list_markers(text)  # "١." opens a list item too
    tokens = md.parse(text, env)
    _attempt(found, apply_policy, tokens, path)  # refused tags are text now: the file still renders
    try:
        footnotes[0] = check_tokens(tokens, path, footnotes[0])
    except InputError as exc:  # past a limit: not walked further, never rendered
        found.append(exc)
        targets.add_chapter(path, chapter_id, [])
        return _Parsed(chapter_id, path, md, env, tokens, [], [], [], False)
    renderable = _attempt(found, shape_poems, tokens, text, path)
    headings: list[Heading] = []
    images: list[Image] = []
    links: list[tuple[Link, Token]] = []
    for index, token in enumerate(tokens):
        line = (token.map[0] + 1) if token.map else 0
        if token.type == "heading_open":
            heading_id = f"{chapter_id}-h{len(headings) + 1}"
            token.attrSet("id", heading_id)
            level, above = int(token.tag[1]), headings[-1].level if headings else 1  # under the chapter's title
            if level > above + 1:  # PDF/UA (7.4.2) and WCAG: a reader's outline must not jump a level
                after = f"a {'#' * above} heading" if headings else "the chapter's title (#)"
                fix = f"make it {'#' * (above + 1)} (screen readers list headings by level)"
                found.append(
                    SourceError(
                        f"{display_path(path)} line {line}: a {token.markup} heading after {after} skips a level; {fix}"
                    )
                )
            headings.append(Heading(level, _plain(tokens[index + 1]), heading_id))
        for child in _inline_children(token):
            if child.type == "image":
                try:
                    images.append(_image(child, token, path, manifest))
                except InputError as exc:
                    found.append(exc)
            elif child.type == "span_open":
                _attempt(found, check_span, child, f"{display_path(path)} line {line}")
            elif child.type == "link_open":
                href = str(child.attrGet("href") or "")
                if _attempt(found, check_scheme, href, f"{display_path(path)} line {line}") and is_internal(href):
                    links.append((Link(href, line), child))
    _move_footnote_backrefs(tokens)
    mark_block_directions(tokens, manifest.direction or text_direction(manifest.language))
    try:
        tokens = shape_figures(tokens, path)
    except InputError as exc:
        found.append(exc)
    notes = len(env.get("footnotes", {}).get("list", {}))
    own_heading = bool(tokens) and tokens[0].type == "heading_open" and tokens[0].tag == "h1"
    note_ids = [f"{kind}-{chapter_id}-{n}" for n in range(1, notes + 1) for kind in ("fn", "fnref")]
    targets.add_chapter(path, chapter_id, note_ids)
    for number, heading in enumerate(headings):
        # A chapter's own title may not be printed as a heading (an article's head says it): its
        # anchor leads to the chapter, which is always there.
        element = chapter_id if own_heading and number == 0 else heading.id
        targets.add_heading(chapter_id, heading.text, element)
    return _Parsed(chapter_id, path, md, env, tokens, headings, images, links, renderable)


def _attempt(found: list[InputError], step: Callable[..., object], *args: object) -> bool:
    """Run one check of a text; note its problem in `found` and go on with the next (False if it failed)."""
    try:
        step(*args)
    except InputError as exc:
        found.append(exc)
        return False
    return True


def _render_markdown(parsed: _Parsed, targets: Targets, found: list[InputError]) -> Chapter:
    """A parsed file's chapter: its links pointed at what they reach, its body rendered."""
    problems: list[str] = []
    resolve_links(targets, parsed.path, parsed.chapter_id, parsed.links, problems)
    found.extend(SourceError(p) for p in problems)
    tokens, headings = parsed.tokens, parsed.headings
    own_heading = bool(tokens) and tokens[0].type == "heading_open" and tokens[0].tag == "h1"
    title = headings[0].text if own_heading else ""
    # A text whose poems did not parse is not rendered: it has errors to show, and will not be printed.
    body = parsed.md.renderer.render(tokens, parsed.md.options, parsed.env) if parsed.renderable else ""
    # A code block reads left to right in any book (its closing brackets stay at the end of the line);
    # the attribute, not CSS `direction`, which EPUB style sheets must not use.
    body = body.replace("<pre><code", f"{CODE_BLOCK}<code")
    images = tuple(dict.fromkeys(parsed.images))
    return Chapter(parsed.chapter_id, parsed.path, title, own_heading, body, tuple(headings), images)


def _inline_children(token: Token) -> Iterator[Token]:
    for child in token.children or ():
        yield child
        yield from _inline_children(child)


def _plain(inline: Token) -> str:
    return "".join(c.content for c in _inline_children(inline) if c.type in ("text", "code_inline")).strip()


def _image(image: Token, block: Token, path: Path, manifest: Manifest) -> Image:
    """Check a Markdown image: alt text, a relative path inside the publication, a known format."""
    src = str(image.attrGet("src") or "")
    line = (block.map[0] + 1) if block.map else 0
    where = f"{display_path(path)} line {line}"
    if not _plain(image):
        raise SourceError(f"{where}: image {quoted(src)} has no alt text; write ![what it shows]({quoted(src)[1:-1]})")
    check_image_attributes(image, where)
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", src) or src.startswith(("/", "\\")):
        raise ResourceError(f"{where}: image {quoted(src)} must be a relative path inside the publication folder")
    file = (path.parent / src).resolve()
    if not file.is_relative_to(manifest.folder.resolve()):
        raise ResourceError(f"{where}: image {quoted(src)} lies outside the publication folder")
    problem = image_problem(file) or pixels_problem(file)
    if problem:
        raise ResourceError(f"{where}: image {quoted(src)} {problem}")
    href = file.relative_to(manifest.folder.resolve()).as_posix()
    image.attrSet("src", href)
    return Image(href, file)


def _move_footnote_backrefs(tokens: list[Token]) -> None:
    """Put each footnote's back link before its text, as its number, instead of a trailing arrow.

    The plugin's arrow (U+21A9) is in no Arabic font we ship; a number that links back reads well
    in print and on screen.
    """
    first_inline: Token | None = None
    for index, token in enumerate(tokens):
        if token.type == "footnote_open":
            first_inline = None
        elif token.type == "inline" and first_inline is None:
            first_inline = token
        elif token.type == "footnote_anchor" and first_inline is not None:
            backref = Token("footnote_backref", "", 0, meta=token.meta)
            first_inline.children = [backref, *(first_inline.children or [])]
            tokens[index] = Token("text", "", 0)  # renders nothing


def _footnote_name(tokens: list[Token], idx: int, env: dict) -> tuple[str, str]:
    number = str(tokens[idx].meta["id"] + 1)
    return f"-{env.get('docId', '')}-{number}", number


def _render_footnote_ref(self, tokens, idx, options, env) -> str:
    name, number = _footnote_name(tokens, idx, env)
    name_ref = f"{name}_{tokens[idx].meta['subId']}" if tokens[idx].meta.get("subId", 0) > 0 else name
    return (
        f'<sup class="footnote-ref"><a href="#fn{name}" id="fnref{name_ref}" epub:type="noteref" '
        f'role="doc-noteref">{number}</a></sup>'
    )


def _render_footnote_open(self, tokens, idx, options, env) -> str:
    """Each note is an EPUB 3 footnote: an aside that reading systems can pop up, and print can float."""
    name, _ = _footnote_name(tokens, idx, env)
    return f'<aside id="fn{name}" class="footnote" epub:type="footnote" role="doc-footnote">\n'


def _render_footnote_backref(self, tokens, idx, options, env) -> str:
    name, number = _footnote_name(tokens, idx, env)
    return f'<a href="#fnref{name}" class="footnote-backref" role="doc-backlink">{number}</a> '


def text_characters(fragment: str, keep_format: bool = False) -> set[str]:
    """The characters of an XHTML fragment's text, tags dropped and entities decoded.

    Controls and format characters (ZWJ, RLM) need no glyph and are left out, unless `keep_format`
    asks for them (a font subset must keep what shaping may look up).
    """
    visible = html.unescape(re.sub(r"<[^>]*>", " ", fragment))
    return {c for c in visible if is_drawn(c) or (keep_format and unicodedata.category(c) == "Cf")}


def is_drawn(char: str) -> bool:
    """Whether a font must draw `char`: controls and format characters (ZWJ, RLM) need no glyph."""
    return unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp")
