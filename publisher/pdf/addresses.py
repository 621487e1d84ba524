"""Where the PDF's lines may break in URLs, e-mail addresses and paths, and not in a range of numbers.

An address kept whole moved to the next line when it did not fit and left the line above justified with
blanks of two or three em; it breaks at sensible points instead, and the text layer gives a broken one its
whole text (textlayer.py, addresspieces.py).
"""

from __future__ import annotations

import html
import itertools
import re
from functools import partial

from ..source.reader import CODE_BLOCK
from ..typeset.bidi import (
    AFTER_NUMBER,
    ARABIC_DIGITS,
    EMAIL,
    FRACTIONS,
    INTERVAL,
    NUMBER_JOINS,
    OPERATORS,
    PDI,
    RLI,
    RTL_BLOCKS,
    SIGNS,
    currency,
)
from ..typeset.inline import SPAN_OPEN
from .charclass import letter_kind
from .clusters import WORD_JOINER, is_mark


def breakable_addresses(body: str) -> str:
    """Mark each URL, e-mail address, Windows or Unix path of an isolated left-to-right run or inline code
    (`.address`) and let it break at sensible points only: after a run of slashes, a backslash or an underscore,
    before . ? # & = @ and a hyphen (never after "https:").

    Kept whole, an address that did not fit moved to the next line and left the line above justified with
    blanks of two or three em. Each break opportunity is a ZERO WIDTH SPACE between two LEFT-TO-RIGHT
    MARKs: WeasyPrint lays each line out on its own, and a piece opening or closing a line with a neutral
    ("." or "/") had it drawn at the wrong end. A WORD JOINER takes away the breaks Unicode's line
    breaking makes after "-" and "?". After an underscore a break is a ZERO WIDTH SPACE alone (`_UNDERSCORE`). The text
    layer keeps a broken address one word (textlayer.py).
    """

    def wrap(address: re.Match[str], attributes: str = "") -> str:
        typed = html.unescape(address[0])
        iri = any(letter_kind(char) == "R" for char in typed)  # an IRI breaks where it did
        head, tail = (0, 0) if iri else (HEAD, TAIL)
        breaks = _BREAK.sub(lambda at: BREAK if head <= at.start() <= len(typed) - tail else HELD, typed)
        text = _UNDERSCORE.sub(SPACE, _UNBREAK.sub(JOIN, breaks))
        if text == typed:  # nowhere to break ("django>=5.0,<6" in code): no span; with one round it, moved whole
            return address[0]  # to the next line, the line above was drawn 5.6 pt past its edge, over its list marker
        return f'<span class="address"{attributes}>{html.escape(text, quote=False)}</span>'

    def marked(run: re.Match[str]) -> str:  # inline code's text too: a path or an address in it breaks alike
        code = run.groupdict().get("code")
        if code is not None:  # and no break after a hyphen of code ("--" ended a line, "help" began the next), "!", "?"
            code = _CODE_PARTS.sub(_held_signs, _CODE_SLASHED.sub(_held_slashes, _IN_CODE.sub(wrap, code)))
            # (a space between two addresses, a box of its own WeasyPrint would not draw, with a ZERO WIDTH SPACE: `cp
            # /a/b /c/d` was read "/c/d cp /a/b", the paths' arrays apart, as cells are)
            code = code.replace('</span> <span class="address"', "</span> " + SPACE + '<span class="address"')
            # each Arabic string of code its own isolate, as typed: `d = {"اسم": 'علي'}`, two strings and the
            # neutrals between them one right-to-left stretch to the bidi algorithm, was drawn `d = {"علي' :"اسم'}`
            isolated = code if 'class="address"' in code else _RTL_STRING.sub(lambda words: RLI + words[0] + PDI, code)
            return f"<code>{isolated}</code>"
        if not run[0].endswith(PDI):
            return run[0]
        # a run glued to an Arabic letter is an isolate with no element of its own (typeset/inline.py): the address's
        # box has to carry the direction, or a neutral opening it is set right to left ("و/var/cache" drawn with its
        # first "/" at the far end, "var/cache/")
        own = body.endswith(SPAN_OPEN, 0, run.start())
        return _ADDRESS.sub(wrap if own else partial(wrap, attributes=' dir="ltr"'), run[0])

    def linked(link: re.Match[str]) -> str:  # an autolink's text, "<https://github.com/jawah/charset_normalizer>":
        # its run holds the link's element, so it has no isolate of its own; unmarked, it broke where Unicode's line
        # breaking does, and both extractors read a space there ("https://github.com/ jawah/charset_normalizer")
        address = _ADDRESS.fullmatch(link[2])
        return link[1] + wrap(address) + link[3] if address else link[0]

    return _LINK.sub(linked, _ISOLATE.sub(marked, body))


_LINK = re.compile(r"(<a\b[^<>]*>)([^<>]+)(</a>)")


# Inline code, not a block's (source/reader.CODE_BLOCK), which never breaks: no break opportunities there, and no
# WORD JOINER, which both extractors copied ("git push -⁠u origin").
INLINE_CODE = f"(?<!<pre>)(?<!{re.escape(CODE_BLOCK)})<code>"
# Runs that typeset/bidi.isolate_ltr made, never markup. An LRI that is not closed before the next
# tag is taken with what follows it up to there, and left as it is: tried again from each LRI of a
# long run of them, the pattern would scan the same text each time (quadratic).
_ISOLATE = re.compile(f"\u2066[^\u2069<>]*\u2069|\u2066[^\u2069<>]*|{INLINE_CODE}(?P<code>[^<]*)</code>")
# An address's local part starts where no character of one precedes it, for the same reason; a Windows path too.
# A Unix path or a URL's path of two segments or more ("/api/v2/indices?market=DFM", "~/.config/bridi/") too.
_ADDRESS = re.compile(
    rf"(?:https?://|www\.)[^\s\u2069]+|{EMAIL.pattern}|\b[A-Z]:\\[^\s\u2069]+"
    r"|(?<![\w.~/:])~?/[\w.\-~]+/[^\s\u2069]*"
    r"|(?<![\w.~/:\\])\.{1,2}/[\w.\-~][^\s\u2069]*"  # a relative one, "./configure" ("./" had ended a line alone)
    # a DOI ("10.1016/j.jas.2024.105923" broke after "j.jas." as two words), with its "doi:" (left out of it, a line
    # ended with "doi:", both extractors read "doi 10.1000/…")
    r"|(?:\b(?:doi|DOI):)?\b10\.\d{4,9}/[^\s\u2069]+"
    # a host and its path with no scheme ("github.com/mshamsi/sharjah-energy" broke at its hyphen, two words)
    r"|(?<![\w.@/:\-])(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,6}/[\w\-./?=&%#~]+"
)
# In code also a long word with a dot inside, a call chained on an object ("df.groupby(&quot;bank&quot;).sum()"):
# kept whole, it moved to the next line and left the line above with blanks of two em.
_IN_CODE = re.compile(f"{_ADDRESS.pattern}|(?<!\\S)(?=\\S*\\.\\w)\\S{{16,}}(?!\\S)")
# And a word of code with a slash inside that is no address ("Africa/Casablanca", "12/Mar/2026:03:14:07"), which
# Unicode's line breaking broke after the slash, read as two words: held whole, a WORD JOINER after each slash.
_CODE_SLASHED = re.compile("(?<![\\S\u2060])[\\w.:~+\\-]*\\w/(?=\\w)[\\w.:/~+\\-]*")


def _held_signs(part: re.Match[str]) -> str:  # (a tag as it is, and an address, which breaks where `wrap` lets it)
    return part[0] if part[0][:1] == "<" else _SIGN_BREAK.sub(JOIN, part[0])


_CODE_PARTS = re.compile('<span class="address"[^>]*>.*?</span>|<[^>]*>|[^<]+', re.DOTALL)


def _held_slashes(word: re.Match[str]) -> str:
    return word[0].replace("/", "/" + JOIN)


BREAKS_BEFORE = frozenset(".?#&@-")  # what an address's next piece may begin with (cells.py)
# After a run of slashes (not inside "//") or a backslash, before . ? # & = @ - (not at the address's start).
# Never inside a number ("django>=5.0,<6" broke after "5."), nor before the "=" of an operator (">=", "!=", "==").
_BREAK = re.compile(
    r"(?<=/)(?=[^/])|(?<=\\)(?=[^\\])|(?<=.)(?=[?#&@\-])|(?<=[^0-9])(?=\.)|(?<=.)(?=\.[^0-9])|(?<=[^<>!=])(?==(?!=))"
)
# the line breaking of Unicode (UAX #14) breaks after these, and before a backslash after a sign: "C:" had ended a
# line, its "\\Program Files" begun the next, once no break was made after "C:\\" (HEAD); and after a colon before a
# number ("doi:" had ended a line, "10.1000/xyz123" begun the next)
_UNBREAK = re.compile(r"(?<=[?\-!])(?=.)|(?<=[^\w\\])(?=\\)|(?<=:)(?=[0-9])")
BREAK, JOIN = "\u200e\u200b\u200e", WORD_JOINER
# characters: no break leaves fewer at an address's end ("…/indicators?year" ended a line, "=2026." was the paragraph's
# last; "clinic@alamal" one, ".jo" began the next); not in an IRI, whose Arabic pieces the text layer finds as broken
# before (lyon-arabic's "https://وزارة-الاتصالات.مصر", broken before its hyphen, was read backwards by PDFium)
TAIL = 6
HEAD = 4  # and at its start: "/" of "/var/log/syslog", "./" of "./configure", "C:\\" had ended a line alone
# the marks without the break, and a WORD JOINER: Unicode's line breaking breaks after "/" (UAX #14), and "/" of
# "/var/log/syslog" still ended a line alone
HELD = BREAK.replace("\u200b", WORD_JOINER)
# After an underscore, a break without the marks, which would part the words of a right-to-left name on either side
# ("…/wiki/المدرج_الروماني_في_عمان" kept whole left its line with blanks of three em; with the marks its words were
# set left to right, "عمان_في_الروماني_المدرج" to one reading from the right)
_UNDERSCORE = re.compile("(?<=_)(?=[^_\\s])")
SPACE = "\u200b"
# where Unicode's line breaking breaks inside a word of code: after a hyphen, and between two signs ("!==" was broken
# after its "!", `== "")` beginning the next line; a regular expression, `/^\p{Script=Arabic}+(…)*$/u`, after "/",
# "}" and "+"; and after "/" before its flags, "/u"); not between another sign and a letter ("!important" still breaks
# after "!": held, a seeded test's paragraph broke otherwise, and PDFium read a justified line of it, a number and two
# note calls, in two pieces)
_UNSIGNED = "\\s\u200b\u200e\u200f\u2060\u2066-\u2069"  # spaces, the marks and joiners of breaks and isolates
_SIGN_BREAK = re.compile(
    f"(?<=[-\u2010])(?=[^\\s\u2060<])|(?<=/)(?=\\w)|(?<=[^\\w{_UNSIGNED}>&])(?=[^\\w{_UNSIGNED}<])"
)


def held_code_blocks(body: str, capacity: int) -> str:
    """`body` with each code block's lines wrapping at their spaces rather than inside a word that fits on a line
    (`capacity` characters): a WORD JOINER after each "/", "-", "?", "!" and "$" followed by more of such a word,
    where Unicode's line breaking would break (UAX #14). A long line broken inside a word (`slow_requests("/var/log/`
    ending a line, `nginx/access.log"):` the next) was copied as two words; broken at a space it copies whole, and the
    text layer reads the layout's text without the joiners (clusters.unjoined). A space before a path may break
    (`_PATH_AFTER_SPACE`). A word longer than a line keeps
    those breaks: held, it broke anywhere (`overflow-wrap: anywhere`), "bu" | "lk-import" of a long URL."""

    def word(match: re.Match[str]) -> str:
        text = html.unescape(match[0])
        if len(text) <= capacity and text.isascii():  # (every place UAX #14 may break in code: "\\.[a-z]", "+\\.")
            return JOIN.join(html.escape(char, quote=False) for char in text)
        if len(text) <= capacity:
            return _CODE_BREAK.sub(JOIN, match[0])
        return f'<span class="address">{match[0]}</span>'

    def held(block: re.Match[str]) -> str:
        def text(part: str) -> str:
            return _PATH_AFTER_SPACE.sub(SPACE, _WORD.sub(word, part))

        return _TAG_OR_TEXT.sub(lambda part: part[0] if part[0][:1] == "<" else text(part[0]), block[0])

    return _CODE_BLOCK.sub(held, body)


_WORD = re.compile("\\S+")
# a path after a space: Unicode's line breaking never breaks before "/" (UAX #14, LB13), so "sudo ln -s /etc/nginx/…
# /etc/nginx/sites-enabled/" could break only after "sudo " and "ln ", and the rest, too long for a line, was broken
# anywhere, its last "/" alone on the next; a ZERO WIDTH SPACE after the space lets it break there
_PATH_AFTER_SPACE = re.compile(f"(?<= )(?=(?:\\.{JOIN}?){{0,2}}/{JOIN}?[\\w.~$])")  # (not "//" or "/*" of a comment)
_CODE_BLOCK = re.compile(f"{re.escape(CODE_BLOCK)}.*?</pre>", re.S)
_TAG_OR_TEXT = re.compile("<[^>]*>|[^<]+")
# after a sign where UAX #14 breaks ("/" of a path, "$" | "{s.city}" of a template string), and before an opening
# bracket (a regular expression's "[\\s]" | "{6,60}", "\\." | "[a-z]": both extractors read the word in two)
_CODE_BREAK = re.compile("(?<=[/?!\\-$])(?=[^\\s<&/?!\\-$])|(?<=\\S)(?=[(\\[{])")


def marked_addresses(markup: str) -> frozenset[str]:
    """The addresses `breakable_addresses` marked in `markup`, as drawn: without their break opportunities; and
    the inline code that holds right-to-left letters (`print("مرحبا")`), a left-to-right run with Arabic in it
    that the text layer gives its whole text as it does such an address ("مرحباprint" was read)."""
    addresses = {html.unescape(text).translate(_UNMARK) for text in _MARKED.findall(markup)}
    codes = {html.unescape(re.sub("<[^>]*>", "", text)).translate(_UNMARK) for text in _CODE.findall(markup)}
    body = markup[markup.find("<body") :] if "<body" in markup else markup  # (its class names are no words)
    text = html.unescape(re.sub("<[^>]*>", "", body)).translate(_UNMARK)
    compounds = set(_LATIN_COMPOUND.findall(text))
    # (not a word of Arabic letters alone, `لا`, `ﻻ`, `ة`: its glyphs are also an ordinary word's, "السجلات" was read
    # as such a code's pieces, "السجالت")
    mixed = {code for code in codes if "R" in map(letter_kind, code) and "\n" not in code and not _letters_only(code)}
    return frozenset(addresses | compounds | mixed | {part for code in mixed for part in _line_parts(code)})


def _letters_only(code: str) -> bool:
    return all(letter_kind(char) == "R" or is_mark(char) for char in code)


def _line_parts(code: str) -> set[str]:
    """The parts of inline code with Arabic and spaces in it that a line may hold when the code breaks at a space:
    each beginning up to a space, each end after one, those with a left-to-right letter or a digit and an Arabic letter
    (`المجموع: 168.4 مم | الانحراف: -29.8%` broken after its first word, its end read from the right)."""
    words = code.split(" ")
    ends = list(itertools.accumulate(len(word) + 1 for word in words))  # where each word's space is
    heads = [" ".join(words[:n]) for n in range(1, len(words)) if ends[n - 1] <= _LINE]  # no more than a line holds
    tails = [" ".join(words[n:]) for n in range(1, len(words)) if ends[-1] - ends[n - 1] <= _LINE]
    return {part.strip() for part in heads + tails if {"L", "R"} <= set(map(letter_kind, part))}


_LINE = 200  # characters: more than any line holds


# Latin words joined by hyphens or slashes ("West-östlicher", "third-quarter", "fluticasone/salmeterol"): broken at a
# hyphen or after a slash, read as one word
_LATIN_COMPOUND = re.compile(
    "(?<![\\w\\-/.@:~#?=&])[A-Za-z\u00c0-\u024f]+(?:[-/][A-Za-z\u00c0-\u024f]+)+(?![\\w\\-/?#=&@]|\\.\\w)"
)  # (not inside an address: "…/a-b?x=1")


_MARKED = re.compile('<span class="address"(?: dir="ltr")?>([^<]*)</span>')
_CODE = re.compile(f"{INLINE_CODE}(.*?)</code>", re.S)
_UNMARK = dict.fromkeys(map(ord, BREAK + JOIN + RLI + PDI))
# Arabic words, the spaces or underscores between them and the digits they hold, as the bidi algorithm sets them ("ك0",
# "مرحبا 2026", a file's "أسعار_التحويل_يناير٢٠٢٦", whose words isolated one by one were drawn left to right)
_RTL_STRING = re.compile(f"[{RTL_BLOCKS}](?:[{RTL_BLOCKS}0-9]|[ \u00a0_]+(?=[{RTL_BLOCKS}0-9]))*")


def unbroken_ranges(body: str) -> str:
    """`body` with each range of Arabic-Indic numbers joined by a dash ("۱۸۱۲–۱۸۱۳") held on one line: Unicode's
    line breaking allows a break after the dash, and a Persian range broke there ("(۱۸۱۲–" at a line's end,
    "۱۸۱۳)" on the next). Only in text, never inside a tag; and "15–16", in the element of a left-to-right isolate
    (typeset/bidi.py), gets the class `.range` on that element, which the style sheet keeps on one line ("ص. 15–"
    ended a line, "16." began the next), as does an isolate of numbers joined by operators ("£1 = 4.68" broke
    after its "=", and its line was justified with blanks of an em)."""
    body = _ISOLATED_RANGE.sub(
        lambda run: f'<span dir="ltr" class="range">{run[1]}</span>' if len(run[1]) <= SHORT else run[0], body
    )
    body = _UNIT_AFTER_RUN.sub("/" + JOIN, body)  # a slash after an isolate, before the unit: "2400$/أوقية"
    return _TEXT.sub(lambda text: _held(text[0]), body)


def unbroken_heads(book: str) -> str:
    """A book's HTML with its article head's and title page's text (title, subtitle, byline) held as `unbroken_ranges`
    holds a chapter's: "d’al-" had ended a line of a French title, and both extractors dropped its hyphen."""
    return _HEADS.sub(lambda head: unbroken_ranges(head[0]), book)


_HEADS = re.compile(r'<header class="article-head">.*?</header>|<section class="title-page".*?</section>', re.DOTALL)


def _held(text: str) -> str:
    """A text between tags with a WORD JOINER after the dash of each range: of Arabic-Indic numbers, and of
    European ones (in left-to-right paragraphs: "Halle, 1889–" ended a line of a reference list, and "1890" began
    the next; in an isolate with more than the range: "500–2000 mg" broke after its dash). And one after an Arabic
    abbreviation glued to its number by a full stop ("ود.58", the 58th minute; "ص.12"), which Unicode's line
    breaking breaks after the stop ("ود." ended a line, "58)" began the next). And after the slash of a short
    compound ("LYD/USD", "mg/kg", "11/2028"), which broke after it ("(LYD/" ended a line). And after the space after
    a relation between an Arabic word and a number ("صورة > 20 MB" ended a line with "صورة >"). Not a span: one cut the
    line's text into one more object, which a line read whole did not survive (poppler took the line for a block
    of its own: "محدودهٔ ۲۰–۲۳٪" in Persian, whose hamza above is a mark). The extractors never see the joiner
    (tounicode.py)."""
    text = _ABBREVIATED.sub(lambda match: match[1] + JOIN + _DASH.sub(_joined, match[2]), text)
    text = _SLASHED.sub(lambda match: match[0].replace("/", JOIN + "/" + JOIN), text)  # (before it: "min" | "/1.73")
    # a bracket over its divisor ("n(n+1)/" had ended a line, "2" begun the next), and before its power or index:
    # "∑_{k=1}" had ended a line, "^{n} k" begun the next
    text = _OVER_BRACKET.sub(JOIN, text)
    text = _RELATION.sub(lambda relation: relation[0] + JOIN, text)  # "صورة > 20 MB" had ended a line with its ">"
    text = _TEMPO.sub(" " + JOIN, text)  # a tempo whole: the space after its note held too
    # a short sum in Arabic-Indic digits, which no isolate holds: "٣ + ٢" had ended a line, "= ٥." begun the next
    text = _INDIC_EQUATION.sub(lambda equation: equation[0].replace(" ", " " + JOIN), text)
    # an Arabic compound ("الهندية-" ended a line, read backwards by PDFium), or a range of words: "(السبت–" ended a
    # line of a table's cell, "الخميس)" began the next, and both extractors read two words
    text = _ARABIC_HYPHEN.sub(lambda dash: dash[0] + JOIN, text)
    # a compound with a part of one to three letters or digits ("al-jabr", "T-shirt", "e-mail", "COVID-19"): a line
    # ended with "T-", a fragment no typographer leaves, and both extractors joined it to the next without its hyphen
    text = _COMPOUND.sub(_short_parts_held, text)
    return _ANY_RANGE.sub(lambda match: _DASH.sub(_joined, match[0]), text)


def _short_parts_held(compound: re.Match[str]) -> str:
    parts = compound[0].split("-")
    return "".join(
        part + ("" if n == len(parts) - 1 else "-" + JOIN if min(len(part), len(parts[n + 1])) <= 3 else "-")
        for n, part in enumerate(parts)
    )


def _joined(dash: re.Match[str]) -> str:
    return dash[0] + JOIN


_TEXT = re.compile(r"(?<=>)[^<]+|^[^<]+")
_ANY_DIGITS = f"[0-9{ARABIC_DIGITS}]"
# each side a number, a time or a date written with separators ("٩:٠٠–١٠:٣٠": a span round "٠٠–١٠" alone cut the
# times in two boxes, which the line set in the wrong order, "٣٠:١٠–٠٠:٩")
_JOINS = f"[{NUMBER_JOINS}]"
_DASH = re.compile("[\u2013\u2014]")


def _part(digits: str) -> str:  # (an ordinal's suffix too: "7th–12th c." had broken after its dash in a table's cell)
    return f"{digits}+(?:{_JOINS}{digits}+)*(?:st|nd|rd|th)?"


def _range(digits: str) -> re.Pattern[str]:
    return re.compile(
        f"(?<!{_JOINS})(?<!{digits}){_part(digits)}{_DASH.pattern}{_part(digits)}(?!{digits})(?!{_JOINS}{digits})"
    )


_ANY_RANGE = _range(_ANY_DIGITS)
_ABBREVIATED = re.compile(
    f"(?<![\\w\u0600-\u06ff.])([\u0621-\u064a\u064b-\u065f\u0670]{{1,4}}\\.)"
    f"({_part(_ANY_DIGITS)}(?:{_DASH.pattern}{_part(_ANY_DIGITS)})?(?!{_ANY_DIGITS}))"
)
# a relation between an Arabic word and a number, held with the number: after the space that follows it
_RELATION = re.compile(  # (or a tempo's note, dotted or not: "♩. = 66" had ended a line with "=")
    f"(?:(?<=[\u0621-\u064a\u2669-\u266c] )|(?<=[\u2669-\u266c]\\. ))"
    f"(?:&lt;|&gt;|[\u2264\u2265\u2248\u2260=~]) (?=[0-9{ARABIC_DIGITS}\u2066]|$)"
)
_TEMPO = re.compile("(?:(?<=[\u2669-\u266c])|(?<=[\u2669-\u266c]\\.)) (?==)")
_INDIC_NUMBER = f"[{ARABIC_DIGITS}]+(?:[\u066b\u066c][{ARABIC_DIGITS}]+)*"
_INDIC_EQUATION = re.compile(  # (glued to a word's letter too: "و۱۰ − ۴ = ۶")
    f"(?<![0-9A-Za-z{ARABIC_DIGITS}\u066b\u066c]){_INDIC_NUMBER}"
    f"(?: (?:[-+=\u00d7\u00f7\u2212\u2248\u2260\u2264\u2265]|&lt;|&gt;) {_INDIC_NUMBER}){{1,4}}(?![\\w\u066b\u066c])"
)
_LETTERS = "\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff"  # the letters of the Arabic script (no digit, no tatweel)
# (after a number too: an ordinal's suffix, "1985-يىلدىن" in Uyghur, "7-أ", had been cut after its hyphen)
_ARABIC_HYPHEN = re.compile(f"(?<=[{_LETTERS}0-9\u0660-\u0669\u06f0-\u06f9])[-\u2013](?=[{_LETTERS}])")
_COMPOUND = re.compile("[^\\W_]+(?:-[^\\W_]+)+")  # words or numbers joined by hyphens
# two or three short words or numbers joined by slashes, not a path's or an address's segments: a unit's powers and
# dots too ("N·m²/kg²"), a currency's or a percent sign, Arabic words and digits ("$/برميل", "٢٤٠٠$/أوقية", "¢/kWh"
# had ended a line with the slash), and a pace's primes and degrees ("2′59″/km" had, in a table's cell)
_UNIT = (
    f"[A-Za-z0-9\u00b2\u00b3\u00b9\u00b7\u2070-\u208e\u2032\u2033\u00b0{currency()}%\u066a"
    "\u0621-\u064a\u0660-\u0669\u06f0-\u06f9]"
)
_SLASHED = re.compile(  # (a part may be a decimal number: "mL/min/1.73", broken before its "/1.73" in a leaflet)
    f"(?<![A-Za-z0-9/.:@_~-]){_UNIT}{{1,8}}(?:/{_UNIT}{{1,8}}(?:[.,][0-9]{{1,3}})?){{1,2}}"
    "(?![A-Za-z0-9/@_~-]|[.:](?=[\\w/]))"  # (a sentence's stop or colon after it: "٣٠ م/ث:" broke after "م/")
)
_OVER_BRACKET = re.compile("(?<=[)\\]}])(?=[\\^_])|(?<=[)\\]]/)(?=[A-Za-z0-9(])")
_UNIT_AFTER_RUN = re.compile(f"(?:(?<=\u2069</span>)|(?<=\u2069))/(?={_UNIT}{{1,8}}(?![A-Za-z0-9/.:@_~-]))")
_CURRENCY = f"[{currency()}]?"
# (a vulgar fraction too, alone or after its whole number: "½ + ½ = 1" had ended a line with "½"; two signs, a signed
# root: "x = −√4" had ended a line with "x =")
_SIGNED = f"{_CURRENCY}[{SIGNS}]{{0,2}}{_CURRENCY}"
_NUMBER = f"{_SIGNED}(?:[0-9][0-9.,]*[{FRACTIONS}]?|[{FRACTIONS}])[{AFTER_NUMBER}\u00d7]?{_CURRENCY}"
# a dash or an operator ("<" and ">" as the markup writes them: "p < 0.001" had broken after its "<"), a minus
# (and a product's dot, "a·t", and a spaced slash, "v₀² / (2g)")
_JOIN = f"(?:[\u2013\u2014\u00b7\u22c5]|[ \u00a0]?(?:[{OPERATORS}]|&lt;|&gt;)[ \u00a0]?|[ \u00a0][-/][ \u00a0])"
# or a short formula's symbol: "pH = 7" ("pH =" ended a line), "H₂O ⇌ H⁺ + OH⁻", "∆ = 25 - 24 = 1" (broken after
# "25", its line began "- 24 = 1"); none longer than SHORT, which may break
# the number sets' letters ("x ∈ ℝ", "{1, 2, 3} ⊂ ℕ") and a set written out in braces
_SYMBOL = "(?:[A-Za-z\u2206][A-Za-z0-9\u00b2\u00b3\u00b9\u2070-\u208e]{0,5}|[\u2102\u2115\u211a\u211d\u2124\u2205])"
_OPERAND = f"(?:{_NUMBER}{_SYMBOL}?|{_SYMBOL}|\\{{[^{{}}<]{{1,30}}\\}}|{INTERVAL})"  # (a coefficient's symbol: "5x")
# and a bracket of them, after an operand or another bracket: "1/(2 − √3) = 2 + √3" had broken after "1/",
# "A = (2 − √3)(2 + √3)" is one term
_GROUP = f"\\({_OPERAND}(?:{_JOIN}{_OPERAND})*\\)"
_TERM = f"(?:(?:{_OPERAND}/?)?(?:{_GROUP})+|{_OPERAND})"
# (and an interval alone, "]−2 ; 5]", which had broken after its " ;")
_ISOLATED_RANGE = re.compile(f'<span dir="ltr">(\u2066(?:{_TERM}(?:{_JOIN}{_TERM})+|{INTERVAL})\u2069)</span>')
SHORT = 32
