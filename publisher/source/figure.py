"""Figures in Markdown: an image alone in its paragraph, its title the caption, with an optional credit.

```
![A fishing boat at dawn in the port of Essaouira](img/port.jpg "The port at dawn"){credit="Photo: Salma B."}
```

becomes a `<figure>` holding the image (alt text kept) and a `<figcaption>` with the caption and the
credit, each in a span of its own class; the credit is an attribute in the syntax of mdit-py-plugins'
attrs plugin, and the only attribute an image may carry. An image inside a line of text stays inline,
and must then have neither caption nor credit: they would print nowhere. Numbers ("الشكل ١") are
the typesetting stage's business (typeset/figures.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin

from ..errors import SourceError, quoted
from ..workspace import display_path

ATTRIBUTES = ("credit",)  # what `{...}` after an image may set


def use_figures(md: MarkdownIt) -> None:
    """Teach a markdown-it parser the `{credit="..."}` of images and how figures render."""
    md.use(attrs_plugin, after=("image",), allowed=ATTRIBUTES)
    md.add_render_rule("figure_open", lambda *a: '<figure class="figure">\n')
    md.add_render_rule("figure_close", lambda *a: "</figure>\n")
    md.add_render_rule("figcaption", _render_figcaption)


def check_image_attributes(image: Token, where: str) -> None:
    """Refuse attributes other than `credit` after an image: `{width=...}` or `{onclick=...}` must
    not pass silently, nor reach the page."""
    refused = image.meta.get("insecure_attrs") or {}
    if refused:
        name = next(iter(refused))
        src = quoted(str(image.attrGet("src") or ""))
        raise SourceError(
            f"{where}: image {src} has the attribute {quoted(name)}; an image may only have "
            f'{{credit="..."}} (its caption is its title: ![what it shows](photo.jpg "Caption"))'
        )


def shape_figures(tokens: list[Token], path: Path) -> list[Token]:
    """The tokens with each paragraph that holds one image and nothing else made a figure; raise
    SourceError for a caption or credit on an image that shares its line with text, or in a note."""
    out: list[Token] = []
    problems: list[str] = []
    notes = 0  # inside a footnote, a paragraph becomes inline text in print: no figure there
    index = 0
    while index < len(tokens):
        token = tokens[index]
        notes += {"footnote_open": 1, "footnote_close": -1}.get(token.type, 0)
        image = _lone_image(tokens, index) if not notes else None
        if image is not None:
            out.extend(_figure(token, tokens[index + 1], image))
            index += 3
            continue
        for child in _inline_children(token):
            if child.type == "image" and (child.attrGet("title") or child.attrGet("credit")):
                try:
                    _refuse_inline_caption(child, token, path, bool(notes))
                except SourceError as exc:  # every such image of the file is named
                    problems.extend(exc.messages)
        out.append(token)
        index += 1
    if problems:
        raise SourceError(*problems)
    return out


def _lone_image(tokens: list[Token], index: int) -> Token | None:
    """The image of a paragraph that holds nothing else, starting at `tokens[index]`."""
    if tokens[index].type != "paragraph_open" or index + 2 >= len(tokens):
        return None
    inline, close = tokens[index + 1], tokens[index + 2]
    if inline.type != "inline" or close.type != "paragraph_close":
        return None
    children = [c for c in inline.children or () if not (c.type == "text" and not c.content.strip())]
    return children[0] if len(children) == 1 and children[0].type == "image" else None


def _figure(paragraph: Token, inline: Token, image: Token) -> list[Token]:
    """A paragraph's tokens made a figure: open, the image, the caption and credit, close."""
    caption = str(image.attrs.pop("title", "") or "").strip()
    credit = str(image.attrs.pop("credit", "") or "").replace('\\"', '"').strip()
    opening = Token("figure_open", "figure", 1, map=paragraph.map, block=True)
    figcaption = Token("figcaption", "figcaption", 0, meta={"caption": caption, "credit": credit}, block=True)
    return [opening, inline, figcaption, Token("figure_close", "figure", -1, block=True)]


def _render_figcaption(self, tokens, idx, options, env) -> str:
    caption, credit = tokens[idx].meta["caption"], tokens[idx].meta["credit"]
    if not (caption or credit):
        return "\n"
    parts = [f'<span class="caption">{escapeHtml(caption)}</span>' if caption else ""]
    parts.append(f'<span class="credit">{escapeHtml(credit)}</span>' if credit else "")
    return "\n<figcaption>" + "".join(parts) + "</figcaption>\n"


def _refuse_inline_caption(image: Token, block: Token, path: Path, in_note: bool) -> None:
    line = (block.map[0] + 1) if block.map else 0
    what = "a caption" if image.attrGet("title") else "a credit"
    where = "is in a footnote" if in_note else "shares its paragraph with text"
    raise SourceError(
        f"{display_path(path)} line {line}: image {quoted(str(image.attrGet('src') or ''))} has {what} but {where}; "
        "only an image in a paragraph of its own becomes a figure with a caption"
    )


def _inline_children(token: Token) -> Iterator[Token]:
    for child in token.children or ():
        yield child
        yield from _inline_children(child)
