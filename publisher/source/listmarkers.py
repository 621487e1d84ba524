"""Ordered lists numbered in Arabic-Indic digits, as Arabic, Persian and Urdu authors type them ("١. أولا").

CommonMark knows only the digits 0-9 as list numbers, so a list typed "١." "٢." "٣." was one paragraph with
its numbers inside the text. Such a marker is read as the same number in European digits before Markdown is
parsed: the list is a list, and it is numbered in the digits the text uses (`numerals = "auto"`), never
changing a digit in the text. Only at the start of a line, outside fenced code; the lines stay where they are,
so every error still names its line.
"""

from __future__ import annotations

import re

_MARKER = re.compile(r"^([ \t>]*)([\u0660-\u0669]{1,9}|[\u06f0-\u06f9]{1,9})([.)])(?=[ \t]|$)", re.MULTILINE)
_FENCE = re.compile(r"[ \t>]*(`{3,}|~{3,})")


def european_list_markers(text: str) -> str:
    """`text` with each list marker in Arabic-Indic or Extended Arabic-Indic digits written in European ones."""
    if not _MARKER.search(text):
        return text
    out: list[str] = []
    fence = ""  # the fence of the code block we are in
    for line in text.splitlines(keepends=True):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened[1].startswith(fence) and not line[opened.end() :].strip():
                fence = ""  # closed by a fence of its kind, as long at least, with nothing after it
        elif opened:
            fence = opened[1]
        else:
            line = _MARKER.sub(lambda m: m[1] + str(int(m[2])) + m[3], line, count=1)
        out.append(line)
    return "".join(out)
