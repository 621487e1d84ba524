"""Raw HTML inside Markdown: a short allow-list is kept, dangerous tags are refused, the rest is shown as text.

Allowed (inline, balanced, only the attributes listed): b, i, em, strong, u, s, sub, sup, small,
mark, q, cite, abbr (title), kbd, code, bdi, bdo, span (dir, lang), br. Any tag that can run code,
load something or submit something (script, style, iframe, object, embed, link, meta, base,
form, input, button, svg, math, template, ...) is an error naming the file and line. Everything
else, comments and HTML blocks included, appears in the book as the literal text that was typed.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it.token import Token

from ..errors import SourceError
from ..workspace import display_path

ALLOWED = {
    "b": set(),
    "i": set(),
    "em": set(),
    "strong": set(),
    "u": set(),
    "s": set(),
    "sub": set(),
    "sup": set(),
    "small": set(),
    "mark": set(),
    "q": set(),
    "cite": set(),
    "abbr": {"title"},
    "kbd": set(),
    "code": set(),
    "bdi": {"dir"},
    "bdo": {"dir"},
    "span": {"dir", "lang"},
    "br": set(),
}
VOID = {"br"}
DIRECTIONS = ("ltr", "rtl", "auto")  # what `dir` may say
REFUSED = {
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "link",
    "meta",
    "base",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "svg",
    "math",
    "template",
    "noscript",
    "audio",
    "video",
    "source",
    "track",
    "canvas",
    "portal",
    "img",
    "picture",
}
_TAG = re.compile(r"^<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^>]*?)?)\s*(/?)>$", re.DOTALL)
_ATTR = re.compile(r'([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_ANY_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9-]*)")


def apply_policy(tokens: list[Token], path: Path) -> None:
    """Keep allowed inline tags (normalised), turn the rest into text, in place; then raise one
    SourceError naming every dangerous tag, each with its line."""
    problems: list[str] = []
    for token in tokens:
        line = (token.map[0] + 1) if token.map else 0
        if token.type == "html_block":
            problems += _dangerous(token.content, path, line)
            token.type, token.tag, token.nesting = "paragraph_text", "p", 0
        for child in token.children or ():
            if child.type == "html_inline":
                problems += _dangerous(child.content, path, line)
        _balance_inline(token.children or [])
    if problems:
        raise SourceError(*problems)


def render_paragraph_text(self: object, tokens: list[Token], idx: int, options: object, env: object) -> str:
    """An HTML block that is not kept: its text, escaped, as a paragraph."""
    import html

    return f"<p>{html.escape(tokens[idx].content.strip(), quote=False)}</p>\n"


def _dangerous(markup: str, path: Path, line: int) -> list[str]:
    """A problem for each tag of `markup` that could run code, load or submit something."""
    problems = []
    for match in _ANY_TAG.finditer(markup):
        tag = match.group(1).lower()
        if tag in REFUSED:
            hint = "use ![what it shows](file)" if tag in ("img", "picture") else "remove it"
            problems.append(f"{display_path(path)} line {line}: raw HTML <{tag}> is not allowed in an article; {hint}")
    return problems


def _balance_inline(children: list[Token]) -> None:
    """Keep an allowed tag only when it opens and closes properly; show everything else as text."""
    stack: list[tuple[str, Token]] = []
    kept: set[int] = set()
    for child in children:
        if child.type != "html_inline":
            continue
        parsed = _parse(child.content)
        if parsed is None:
            continue
        closing, tag, attrs = parsed
        if tag in VOID and not closing:
            child.content = f"<{tag} />"
            kept.add(id(child))
        elif not closing:
            child.content = f"<{tag}{attrs}>"
            stack.append((tag, child))
        elif stack and stack[-1][0] == tag:
            _, opener = stack.pop()
            kept.update((id(opener), id(child)))
            child.content = f"</{tag}>"
    for child in children:
        if child.type == "html_inline" and id(child) not in kept:
            child.type = "text"  # rendered escaped, as typed


def _parse(markup: str) -> tuple[bool, str, str] | None:
    """(closing, tag, normalised attributes) of an allowed tag, or None."""
    match = _TAG.match(markup.strip())
    if not match:
        return None
    closing, tag, raw_attrs, _ = match.groups()
    tag = tag.lower()
    if tag not in ALLOWED or (closing and raw_attrs.strip()):
        return None
    attrs = ""
    for name, double, single in _ATTR.findall(raw_attrs):
        value = double or single
        name = name.lower()
        if name not in ALLOWED[tag]:
            return None
        if name == "dir" and value not in DIRECTIONS:
            return None
        attrs += f' {name}="{_escape(value)}"'
    if _ATTR.sub("", raw_attrs).strip():  # an attribute without a quoted value, or stray text
        return None
    return bool(closing), tag, attrs


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
