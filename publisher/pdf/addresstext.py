"""The /ActualText each extractor reads back as an address: a URL, an e-mail address or inline code drawn over
lines or holding Arabic letters, which addresspieces.py finds among a line's glyphs and textlayer.py and ltrlayer.py
mark. Poppler and PDFium each lay such text out their own way (measured: see each function)."""

from __future__ import annotations

import itertools

from .charclass import LRM, POPPLER_NUMBER, class_stretches, letter_kind, pdfium_actual_text
from .marks import MIRROR, RLM


def poppler_address(address: str) -> str:
    """The /ActualText poppler reads back as `address` when it holds right-to-left letters. Poppler takes a line's
    characters as drawn, left to right, and reads its stretches of right-to-left letters from the right, each
    backwards, every other stretch forwards ("https://ar.wikipedia.org/wiki/الجزائر" from "رئازجلاhttps://…/wiki/";
    its `poppler_text` for Arabic text with Latin in it reversed the "://" after an Arabic host name). Neutrals
    between two such letters are theirs ("عمان_(مدينة)" read "عمان(_مدينة" otherwise). A run that begins or ends with
    a neutral poppler would read into the stretch beside it (inline code, `print("مرحبا")`, read `"(print مرحبا)"`)
    gets a RIGHT-TO-LEFT MARK before it, a LEFT-TO-RIGHT MARK after it."""
    runs = reversed(_between_rtl(address, POPPLER_NUMBER))
    written = "".join(run[::-1] if rtl else _kept_left_to_right(run) for rtl, run in runs)
    # and one before it all, if it holds Arabic: poppler's stretch that ends at its left end takes in the space before
    # the word on its left (`المجموع: … -29.8%` read "الانحراف : -29.8%فساد")
    mixed = any(map(_rtl, address))
    return RLM + written if mixed and not (_rtl(written[:1] or "ا") or written.startswith(RLM)) else written


def _kept_left_to_right(run: str) -> str:
    def neutral(char: str) -> bool:
        return not (char.isalnum() or char in POPPLER_NUMBER or _rtl(char))

    return (RLM if neutral(run[0]) else "") + run + (LRM if neutral(run[-1]) else "")


def pdfium_address(address: str, drawn: str) -> str:
    """The /ActualText PDFium reads back as `address` on a right-to-left line, given to glyphs that draw `drawn`. An
    object it takes for right to left (`_pdfium_rtl`: "https://وزارة-الاتصالات.مصر") it reads each stretch of one
    class of backwards, in place; any other's is a left-to-right run's (charclass.pdfium_actual_text)."""
    stretches = list(class_stretches(address))
    if _pdfium_rtl(drawn):
        return "".join(stretch[::-1] for _, stretch in stretches)
    if all(kind != "L" for kind, _ in stretches):
        # with no left-to-right letter (code quoting Arabic, `"ك17"`, its quotes and digits in the monospace face,
        # its letter in another), it read the quote at its start on the far side, '" ك71"', unless RIGHT-TO-LEFT
        # MARKs stand at both ends (measured); and it mirrors its brackets ("]"الرباط", "فاس"[" was read)
        return RLM + "".join(stretch[::-1] for _, stretch in stretches).translate(MIRROR) + RLM
    # it mirrors the brackets it reads right to left: those among right-to-left letters are written mirrored, and
    # those right after them, before a letter (`read(<المسار>)` was read "read(<المسار<(", `set("العمر", 30)` "30(");
    # and it reads the right-to-left letters as written, before the first Latin one too: turned, `"البخلاء" in x`
    # was read `"ءالخبلا" in x`, `تقرير_2026.pdf` "ريرقت_2026.pdf"
    runs = _between_rtl(address)
    return pdfium_actual_text(
        "".join(_mirrored(run, rtl, n > 0 and runs[n - 1][0]) for n, (rtl, run) in enumerate(runs)), typed_rtl=True
    )


def _mirrored(run: str, rtl: bool, after_rtl: bool) -> str:
    lead = len(run) if rtl else next((n for n, char in enumerate(run) if char.isalpha()), len(run)) if after_rtl else 0
    return run[:lead].translate(MIRROR) + run[lead:]


def ltr_address(address: str, drawn: str) -> tuple[str, str]:
    """The /ActualTexts poppler and PDFium read back as `address` on a left-to-right line, given to glyphs that draw
    `drawn`: poppler reverses each stretch of right-to-left letters (`_between_rtl`) in place; PDFium reads an
    object it takes for left to right as it is, and one it takes for right to left (`_pdfium_rtl`) backwards."""
    popplers = "".join(run[::-1] if rtl else run for rtl, run in _between_rtl(address, POPPLER_NUMBER))
    return popplers, address[::-1] if _pdfium_rtl(drawn) else address


def _between_rtl(address: str, parting: frozenset[str] = frozenset()) -> list[tuple[bool, str]]:
    """The runs of an address by whether they are right-to-left letters, a run of neutrals (no letter or digit, and
    none of `parting`) between two of them taken into them."""
    runs = [(rtl, "".join(chars)) for rtl, chars in itertools.groupby(address, _rtl)]
    joined: list[tuple[bool, str]] = []
    for n, (rtl, run) in enumerate(runs):
        inner = 0 < n < len(runs) - 1 and not any(char.isalnum() or char in parting for char in run)
        if joined and (rtl or inner) and joined[-1][0]:
            joined[-1] = (True, joined[-1][1] + run)
        else:
            joined.append((rtl or inner, run))
    return joined


def _pdfium_rtl(drawn: str) -> bool:
    """Whether PDFium takes a text object drawing `drawn` for right to left (IsRightToLeft in its cpdf_textpage.cpp):
    as many stretches of right-to-left letters as of left-to-right ones, or more."""
    kinds = [kind for kind, _ in class_stretches(drawn)]
    return 0 < kinds.count("R") >= kinds.count("L")


def _rtl(char: str) -> bool:
    return letter_kind(char) == "R"
