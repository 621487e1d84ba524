"""A keyboard shortcut whose last key is a sign: "Ctrl+-", "Alt+=", "Shift+*", "Ctrl+/", "Ctrl+]".

Found in a text the project had never seen (the hundred-and-forty-fourth batch, a spreadsheet tutorial's "**Alt+=**"):
the run ended at the "+" (typeset/bidi.py: a name's "+" or "++"), and the bidi algorithm set the key after it right
to left, on the run's far side: the page showed "=Alt+", read so by poppler. The key after a letter's "+" is the
run's now. An opening bracket as the key ("Ctrl+[") had cut the run before it, as a bracket left open does: drawn
"[Ctrl+", mirrored. And such a run glued to a prefix in emphasis ("و**Alt+=**"), a box of its own without an isolate,
was drawn right but read "و=Alt+" by both: it is an element of its own now, as a run that opens with a sign is."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import build_article, build_drawn, misread
from test_typeset_pages import visual_lines

SHORTCUTS = [
    "قال اضغط Ctrl+- للتصغير.",
    "قال اضغط Ctrl+/ للتعليق.",
    "قال اضغط Shift+* للضرب ثم **Alt+=** للجمع.",
    "قال اضغط Ctrl+Shift+= ثم Ctrl++ للتكبير.",
    "قال اضغط Ctrl+] للإزاحة.",
    "قال اضغط Ctrl+[ للرجوع.",
]


def test_a_shortcut_ending_in_a_sign_is_drawn_and_read_whole(tmp_path: Path) -> None:
    typed = [line.replace("**", "") for line in SHORTCUTS]
    found = misread(build_article(tmp_path, "keys", SHORTCUTS), typed)
    assert [(want, got) for want, got in found if want.split() != got.split()] == []
    drawn = "\n".join(visual_lines(build_drawn(tmp_path, dist=tmp_path / "unmarked") / "keys.pdf"))
    for key in ("Ctrl+-", "Ctrl+/", "Shift+*", "Alt+=", "Ctrl+Shift+=", "Ctrl++"):  # left to right, the key last
        assert key in drawn, (key, drawn)
    # the bracket right of its "+" (the unmarked PDF's map names its glyph by the mirrored bracket, "]")
    assert re.search(r"Ctrl\+[\[\]]", drawn) and not re.search(r"[\[\]]Ctrl\+ ", drawn), drawn


# a run in its prefix's object, no isolate of its own, ending in a sign poppler takes for neutral or a bracket: poppler
# read "و=Alt+" and "و]a[0" (pdf/charclass.between_lrms); in emphasis, an object of its own: "و=Alt+", "و-Ctrl+" by both
GLUED = [
    "قال اضغط وAlt+= للجمع.",
    "قال اضغط وShift+* للضرب.",
    "قال اضغط وCtrl+] للإزاحة.",
    "قال قرأ وa[0] هنا.",
    "قال اضغط و**Alt+=** للجمع.",
    "قال اضغط و*Ctrl+-* للطرح.",
    "قال اضغط و**Ctrl+[** للرجوع.",
]


def test_a_glued_run_ending_in_a_sign_reads_as_typed(tmp_path: Path) -> None:
    typed = [line.replace("*", "") if "+*" not in line else line for line in GLUED]
    found = misread(build_article(tmp_path, "glued", GLUED), typed)
    assert [(want, got) for want, got in found if want.split() != got.split()] == []
