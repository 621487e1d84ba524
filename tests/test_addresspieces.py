"""Pieces of addresses broken over lines, found among glyphs (lines given in visual order, as in a PDF)."""

from __future__ import annotations

import itertools
import subprocess
from pathlib import Path

from conftest import build_article, build_drawn
from readers import pdfium_text, poppler_text, unread, words
from test_typeset_pages import visual_lines

from publisher.pdf.addresspieces import address_roles, find_broken_addresses, find_mixed_addresses
from publisher.pdf.addresstext import ltr_address, pdfium_address, poppler_address
from publisher.pdf.charclass import pdfium_actual_text
from publisher.pdf.pagetext import Show
from publisher.pdf.pieces import ADDRESS_HEAD, ADDRESS_TAIL


def line(*texts: str) -> list[Show]:
    """A line of one TJ per text, each glyph a character, left to right."""
    return [Show(index, None, [(b"<00>", char) for char in text]) for index, text in enumerate(texts)]


URL = "https://www.example.ma/programme"


def test_a_url_broken_in_a_right_to_left_paragraph_is_found() -> None:
    # "زوروا https://www.example" | ".ma/programme قبل": each piece at the reading end, then start, of its line
    lines = [line("https://www.example", " اوروز"), line("لبق ", ".ma/programme"), line("حابص")]
    [(address, pieces)] = find_broken_addresses(lines, {URL})
    assert address == URL
    assert [(piece.line, len(piece.glyphs)) for piece in pieces] == [(0, 19), (1, 13)]
    assert pieces[1].glyphs[0] == (1, 0)  # the continuation: the second TJ of the second line


def test_an_address_over_three_lines_is_found() -> None:
    lines = [line("https://www.", " اوروز"), line("example.ma/"), line("لبق ", "programme")]
    [(address, pieces)] = find_broken_addresses(lines, {URL})
    assert address == URL and [piece.line for piece in pieces] == [0, 1, 2]


def test_a_whole_address_is_not_taken_for_a_piece() -> None:
    """Not "example.m" + "a", though it spells the address: the glyph left over ("a") is of the same word."""
    lines = [line("example.ma", " اوروز"), line("لبق ", "a")]
    assert find_broken_addresses(lines, {"example.ma"}) == []
    assert find_broken_addresses([line("https://www.example", " اوروز"), line("لبق")], {URL}) == []


PATH = "/api/v2/indices?market=DFM"


def test_an_address_after_other_words_of_its_run_is_found_with_them() -> None:
    """Inline code "GET /api/v2/indices?market=DFM" ending an Arabic line: the run's last word, beside the Arabic
    text, is the address's first piece, and the text layer gives it the run's words before it too."""
    lines = [line("GET /api/v2/indices", " ةيجمربلا"), line("وأ ", "?market=DFM")]
    [(address, pieces)] = find_broken_addresses(lines, {PATH})
    assert address == PATH
    first, last = pieces
    assert first.beside == "GET " and [text for *_, text in first.companions] == list("GET ")
    assert first.glyphs == [(0, index) for index in range(4, 19)] and last.beside == ""
    roles, heads, _ = address_roles(lines, {PATH})
    assert heads[id(lines[0][0])] == "GET " + PATH
    assert {roles[0][0, index] for index in range(3)} == {ADDRESS_TAIL} and (0, 3) not in roles[0]  # its space


def test_an_address_in_code_after_a_colon_is_found_with_the_words_before_it() -> None:
    """ "…موجودًا: `git clone https://github.com/user/repo.git`" broken after "github": the colon of the Arabic text is
    drawn between it and the run, which must not take it for the run's last word (both read "https://github" and
    ".com/user/repo.git" as two words)."""
    address = "https://github.com/user/repo.git"
    lines = [line("git clone https://github :ادوجوم"), line(". ", ".com/user/repo.git")]
    [(found, pieces)] = find_broken_addresses(lines, {address})
    assert found == address and pieces[0].beside == "git clone "
    assert [text for *_, text in pieces[1].companions] == []


def test_an_address_ending_before_other_words_of_its_run_is_found_with_them() -> None:
    """The last piece begins a line with words of its run after it ("?market=DFM HTTP/1.1"): read after it."""
    lines = [line(PATH[:15], " ةيجمربلا"), line("وأ ", "?market=DFM HTTP/1.1")]
    [(address, pieces)] = find_broken_addresses(lines, {PATH})
    assert address == PATH and pieces[1].beside == " HTTP/1.1"
    roles, heads, _ = address_roles(lines, {PATH})
    assert heads[id(lines[1][1])] == " HTTP/1.1" and roles[1][1, 0] == ADDRESS_HEAD


def test_a_run_of_words_is_no_piece_in_a_left_to_right_line() -> None:
    """In a line without right-to-left letters the piece is the outer word, as before."""
    lines = [line("see GET /api/v2/indices"), line("?market=DFM now")]
    [(address, pieces)] = find_broken_addresses(lines, {PATH})
    assert address == PATH and [piece.beside for piece in pieces] == ["", ""]


def test_a_last_piece_alone_on_a_right_to_left_line_is_found_beside_its_stop() -> None:
    """ "… `logsift scan /var/log/nginx/access.log --verbose`." broken after "nginx/": the next line holds the run's
    rest alone, and the sentence's full stop, right to left, is drawn against its left end (".access.log …"): the
    piece was taken for part of a longer word, and both extractors read "/var/log/nginx/ access.log"."""
    address = "/var/log/nginx/access.log"
    lines = [line("logsift scan /var/log/nginx/", " :لماكلا رمألا"), line(".access.log --verbose")]
    [(found, pieces)] = find_broken_addresses(lines, {address})
    assert found == address and [piece.line for piece in pieces] == [0, 1]
    assert pieces[1].glyphs[0] == (0, 1)  # after the full stop


CALL = "names.filter((name)"  # the first word of `names.filter((name) => name !== "")`, broken at its dot as an address


def test_a_last_piece_beginning_with_a_dot_is_found_beside_the_sentences_stop() -> None:
    """The code ends its sentence, and its rest alone on the next line has the full stop drawn against it: "..filter"
    (the stop's dot and the piece's). Both dots had been taken for stops, "filter((name)" matched nothing, and both
    extractors read "names" and ".filter((name)" as two words; the run's words after the piece are read with it."""
    lines = [line("names", " بتكن ءامسأ"), line('..filter((name) => name !== "")')]
    [(found, pieces)] = find_broken_addresses(lines, {CALL})
    assert found == CALL and pieces[1].glyphs[0] == (0, 1) and pieces[1].beside == ' => name !== "")'


def test_an_address_drawn_whole_is_no_first_piece_of_itself() -> None:
    """The code broken after its first word, drawn whole at the line's end: "names.filter((name" is a prefix of it,
    and the ")" ending the next line (the code's last) had been taken for its rest."""
    lines = [line("names.filter((name) =>", " بتكن ءامسأ"), line('.name !== "")')]
    assert find_broken_addresses(lines, {CALL}) == []


IRI = "https://ar.wikipedia.org/wiki/المغرب_الرقمي_2030"


def test_an_address_holding_arabic_is_found_as_drawn_on_one_line_or_over_two() -> None:
    """Drawn left to right, an address's Arabic name right to left where it stands (with the number that ends it);
    the glyphs of a lam before an alef with hamza spell the lam twice, and a bracket is read as either."""
    whole = line("https://ar.wikipedia.org/wiki/2030_يمقرلا_برغملا ", "ىلإ عجريلف")
    [(address, [piece])] = find_mixed_addresses([whole], {IRI})
    assert address == IRI and len(piece.glyphs) == len(IRI)
    lines = [line("https://ar.wikipedia.org/wiki/", " ىلإ"), line("لبق ", "2030_يمقرلا_برغملا")]
    [(address, pieces)] = find_broken_addresses(lines, {IRI})
    assert [(piece.line, len(piece.glyphs)) for piece in pieces] == [(0, 30), (1, 18)]
    named = "https://ar.wikipedia.org/wiki/الإلكترونية_(مدينة)"
    drawn = line("https://ar.wikipedia.org/wiki/)ةنيدم(_ةينورتكللإلا")
    assert [address for address, _ in find_mixed_addresses([drawn], {named})] == [named]
    assert find_mixed_addresses([line("https://ar.wikipedia.org/wiki/برغملا")], {IRI}) == []


def test_an_address_holding_arabic_gets_the_text_each_extractor_reads_back_as_typed() -> None:
    """Measured on poppler 22.12 and PDFium 8149: poppler reads stretches of Arabic letters (with the neutrals between
    them, but the signs it takes for a number's) backwards, from the right on a right-to-left line; PDFium reads an
    object it takes for right to left by stretches of one class, each backwards in place."""
    host = "https://وزارة-الاتصالات.مصر"
    assert poppler_address(host) == "رصم.تالاصتالا-ةرازوhttps://"
    # its closing bracket, a neutral after the last letter, kept out of the stretch beside it (below)
    assert poppler_address("https://x.org/عمان_(مدينة)") == "\u200f)\u200eةنيدم(_نامعhttps://x.org/"
    assert pdfium_address(host, host) == "sptth//:ةرازو-تالاصتالا.رصم"  # more Arabic stretches than Latin ones
    assert pdfium_address(IRI, IRI) == pdfium_actual_text(IRI)
    assert ltr_address(host, host) == ("https://ةرازو-تالاصتالا.رصم", host[::-1])


def test_inline_code_with_arabic_keeps_its_neutrals_out_of_the_arabic_beside_it() -> None:
    """Inline code in an Arabic book, `print("مرحبا")`, is a left-to-right run with Arabic in it, given its text as an
    address is (addresses.marked_addresses). Its `("` and `")` are neutrals to poppler, which it read into the Arabic
    stretch beside them (`"(print مرحبا)"`): each such end of a left-to-right run gets a mark that keeps it there."""
    from publisher.pdf.addresses import marked_addresses

    markup = '<p>الأمر <code>print(&quot;مرحبا&quot;)</code> وقال</p><pre><code>x = "سطر"\n</code></pre>'
    assert marked_addresses(markup) == frozenset({'print("مرحبا")'})  # a block's code is no address
    assert poppler_address('print("مرحبا")') == '\u200f")\u200eابحرمprint("\u200e'
    assert poppler_address("https://ar.wikipedia.org/wiki/الجزائر") == "رئازجلاhttps://ar.wikipedia.org/wiki/"


def test_vocalised_words_after_the_rest_of_a_broken_address_read_once(tmp_path: Path) -> None:
    """A line holding the later piece of an address broken over lines was never read whole, and each array of a
    vocalised word on it got its own /ActualText: PDFium, which takes a lowered kasra's array for a line of its own,
    read the word three times ("ثم استدعِ الدالة … مث ِعدتسا ةلادلا ، ثم استدعِ الدالة": a package in inline code broken
    before its hyphen, "sahab-" | "-client==3.4.1"). Addresses of each kind, broken, then words with harakat."""
    addresses = [
        "`registration-client-library-for-arabic==3.4.1`",
        "`pip install arabic-reshaper-tools-for-publishing==2.0.1`",
        "https://www.example.gov.sa/services/registration/new-account/form",
        "registration.support.team@example-ministry.gov.sa",
        "/var/lib/publisher/cache/registration/accounts-archive.db",
    ]
    after = ["، ثُمَّ اضغطْ على الزرِّ الأخضرِ", " ثم استدعِ الدالةَ الجديدةَ", "؛ وَهُوَ الطريقُ الأسرعُ"]
    paragraphs = [
        f"بداية{n} للتسجيل في المنصة الجديدة اكتب {address}{tail} لتكمل التسجيل في دقائق معدودة نهاية{n}."
        for n, (address, tail) in enumerate(itertools.product(addresses, after))
    ]
    pdf = build_article(tmp_path, "broken", paragraphs)
    drawn = visual_lines(build_drawn(tmp_path, dist=tmp_path / "unmarked") / "broken.pdf")
    whole = [address.strip("`").split()[-1] for address in addresses]  # broken, each of them, where drawn
    assert [address for address in whole if any(address in line for line in drawn)] == []
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for text in (pdfium_text(pdf.read_bytes()), poppler):
        found = words(text)
        for n, paragraph in enumerate(paragraphs):
            start, end = found.index(f"بداية{n}"), found.index(f"نهاية{n}")
            assert found[start : end + 1] == words(paragraph.replace("`", ""))


def test_the_last_line_of_inline_code_broken_over_lines_reads_in_order(tmp_path: Path) -> None:
    """Inline code broken at a space, its last line alone with an address in it ("-r requirements.txt", "-la
    /var/www"): PDFium read the line out of order ("requirements.piptxt install -r"), each object marked as a run of
    a right-to-left line; such a line is read whole, left to right, now (wholeline.isolates_only). Each command
    after Arabic words of every length up to a line's, so that it breaks at each of its spaces."""
    lead = ["ثبّت", "الحزم", "من", "الملف", "المذكور", "أعلاه", "في", "المجلد", "الرئيسي", "للمشروع", "الجديد"]
    commands = ["`pip install -r requirements.txt`", '`git commit -m "first commit"`', "`ls -la /var/www`"]
    commands += ["`npm run build --prod`", "`cp ./config/settings.toml ~/backup`"]
    paragraphs = [" ".join(lead[:n]) + " بالأمر " + command for command in commands for n in range(4, len(lead) + 1)]
    assert unread(build_article(tmp_path, "code", paragraphs), paragraphs) == []


def test_an_address_in_code_after_a_call_reads_whole_where_it_breaks(tmp_path: Path) -> None:
    """`fetch("/api/v1/users?id=42")` broken inside its address: the first piece, after `fetch("` (letters of the
    run's word, no space between), was taken for a part of a longer word, and both extractors read the code as two
    words, "fetch("/api/v1/users" and "?id=42")" (a tutorial of the eighty-ninth batch). After Arabic words of every
    length up to an A6 line's, so that it breaks at each of its places."""
    lead = ["سنبدأ", "بأبسط", "طريقة", "وهي", "الدالة", "المدمجة", "في", "المتصفح", "نفسه", "ثم"]
    codes = ['`fetch("/api/v1/users?id=42")`', "`curl -s 'https://api.example.org/v2/items?page=3'`"]
    paragraphs = [" ".join(lead[:n]) + f" {code}، ثم ننتقل." for code in codes for n in range(1, len(lead) + 1)]
    assert unread(build_article(tmp_path, "code", paragraphs, page="A6"), paragraphs) == []


def test_a_path_or_a_time_in_code_reads_whole_where_it_breaks(tmp_path: Path) -> None:
    """Inline code ending a sentence, its path broken at a line's end ("/var/log/nginx/" | "access.log --since 24h."),
    and code holding a word with slashes that is no path ("--tz Africa/Casablanca", "12/Mar/2026:03:14:07"), which
    Unicode's line breaking broke after a slash (a tutorial of the ninety-second batch): read as two words by both.
    After Arabic words of every length up to an A6 line's, so that each breaks at each of its places."""
    lead = ["نفّذ", "الأمر", "التالي", "في", "الطرفية", "ثم", "انتظر", "قليلًا", "حتى", "ينتهي"]
    codes = ["`logsift scan /var/log/nginx/access.log --since 24h`", "`logsift --tz Africa/Casablanca`"]
    codes.append("`12/Mar/2026:03:14:07 +0100`")
    paragraphs = [" ".join(lead[:n]) + f" {code}." for code in codes for n in range(1, len(lead) + 1)]
    assert unread(build_article(tmp_path, "paths", paragraphs, page="A6"), paragraphs) == []


def test_a_latin_compound_broken_at_its_hyphen_is_found_beside_its_brackets() -> None:
    """ "(West-östlicher Divan)" in Persian broken after "West-": the next line's run is drawn with the closing
    bracket against its left end (")östlicher Divan"), which had been taken for part of the piece; and the compound
    is one of the text layer's addresses (addresses.marked_addresses), found in the body only, not in its style."""
    from publisher.pdf.addresses import marked_addresses

    lines = [line("West-(", " »یقرش-یبرغ ناوید« رتفد"), line("ار )östlicher Divan")]
    [(found, pieces)] = find_broken_addresses(lines, {"West-östlicher"})
    assert found == "West-östlicher" and pieces[1].beside == " Divan"
    markup = '<style>p { text-decoration: none }</style><body class="layout-article"><p>دفتر (West-östlicher Divan) و '
    markup += "third-quarter</p></body>"
    assert marked_addresses(markup) == {"West-östlicher", "third-quarter"}
    assert marked_addresses("<body><p>تركيبة fluticasone/salmeterol و km/h</p></body>") == {
        "fluticasone/salmeterol",
        "km/h",
    }


def test_a_latin_compound_broken_at_its_hyphen_reads_as_one_word(tmp_path: Path) -> None:
    """Both extractors read a Latin compound broken at its hyphen in a right-to-left paragraph as two words, "West-
    östlicher" (hafez-fa, the ninety-first batch), and one broken after its slash, "fluticasone/" | "salmeterol" (a
    medical guide, the ninety-fourth). After Persian and Arabic words of every length up to an A6 line's, so that
    each compound breaks at each of its hyphens and slashes."""
    lead = ["گوته", "پس", "از", "خواندن", "ترجمهٔ", "آلمانی", "یوزف", "فون", "هامر", "دفتر"]
    compounds = ["(West-östlicher Divan)", "(state-of-the-art)", "«third-quarter results»", "fluticasone/salmeterol"]
    paragraphs = [" ".join(lead[:n]) + f" {c} را منتشر کرد." for c in compounds for n in range(1, len(lead) + 1)]
    assert unread(build_article(tmp_path, "compounds", paragraphs, page="A6", language="fa"), paragraphs) == []


def test_a_url_in_a_note_broken_before_a_line_of_its_own_reads_whole(tmp_path: Path) -> None:
    """A note citing a URL, read whole as a left-to-right line: where the URL's rest filled the next line alone, that
    line had an empty /ActualText, which PDFium ignores, and it read the rest's glyphs backwards after the whole URL
    ("asthma/detail/sheets-fact/room-", a medical guide, the ninety-fourth batch). It reads a space now."""
    url = "https://www.who.int/news-room/fact-sheets/detail/asthma"
    names = ["World", "Health", "Organization,", "*Asthma", "–", "Fact", "sheet*,", "Global", "Report,", "2026,"]
    notes = [" ".join(names[:n]) + ("*" if n in (4, 5, 6) else "") + " " + url for n in range(3, len(names) + 1)]
    paragraphs = [f"قال التقرير إن النوبات تزيد في الشتاء[^{n}]." for n in range(len(notes))]
    paragraphs += [f"[^{n}]: {note}" for n, note in enumerate(notes)]
    pdf = build_article(tmp_path, "note-urls", paragraphs)
    poppler = poppler_text(pdf)
    for text in (pdfium_text(pdf.read_bytes()), poppler):
        read = words(text)
        assert read.count(url) == len(notes) and [word for word in read if "asthma" in word and word != url] == []


def test_a_url_broken_over_two_pages_reads_whole(tmp_path: Path) -> None:
    """A URL broken at a page's last line, its rest on the next page's first line after the page's notes and the
    next page's running head (a hotel analysis of the ninety-sixth batch, "https://bi.kantaoui" | "-group.tn/…"):
    its pieces were taken for an address's beginning never finished, and both read two words. Paragraphs of every
    length up to a few lines, each ending with the URL and called notes, so that the URL falls at the foot of pages."""
    url = "https://bi.kantaoui-group.tn/public/dashboard/8f3c2a1e?date=2025-06-01~2025-09-30&market=DZ&lang=ar"
    lead = ["يمكن", "الاطلاع", "على", "اللوحة", "العامة", "التي", "تعرض", "بيانات", "مجمعة", "عن", "نسب", "الإشغال"]
    paragraphs = [f"قال إن {' '.join(lead[: 2 + n % 11])}[^{n}] في {url}" for n in range(40)]
    paragraphs += [f"[^{n}]: ملاحظة قصيرة رقم {n}." for n in range(40)]
    pdf = build_article(tmp_path, "pages", paragraphs, page="A6")
    poppler = poppler_text(pdf)
    for text in (pdfium_text(pdf.read_bytes()), poppler):
        assert words(text).count(url) == 40


def test_a_host_and_path_without_a_scheme_reads_whole_where_it_breaks(tmp_path: Path) -> None:
    """ "github.com/mshamsi/sharjah-energy", a repository named without "https://" (a guide of the ninety-sixth
    batch), broke at its hyphen as a word would, read as two words; it is an address now (addresses._ADDRESS). After
    Arabic words of every length up to an A6 line's, so that it breaks at each of its places."""
    lead = ["تجدون", "الكود", "كاملا", "مع", "ملف", "التعليمات", "بالعربية", "في", "المستودع", "العام"]
    hosts = ["github.com/mshamsi/sharjah-energy", "gitlab.com/open-data-ma/drought-maps/-/tree/main"]
    paragraphs = [" ".join(lead[:n]) + f" {host} (الإصدار الأخير)." for host in hosts for n in range(1, len(lead) + 1)]
    assert unread(build_article(tmp_path, "hosts", paragraphs, page="A6"), paragraphs) == []


def test_inline_code_filling_a_line_with_an_address_broken_at_its_end_reads_whole(tmp_path: Path) -> None:
    """`kraken -i f012r.png f012r.txt segment -bl ocr -m njf_naskh_v3.mlmodel` broken over three lines (a workshop
    report of the ninety-seventh batch): the middle line holds the code alone, ending with the first piece of
    "njf_naskh_v3.mlmodel"; PDFium read the whole address into the middle of "f012r.txt". Such a line is read whole,
    left to right, with the whole address (textlayer.py). After Arabic words of every length up to an A6 line's."""
    lead = ["يُشغَّل", "التعرف", "من", "سطر", "الأوامر", "بأمر", "مثل", "هذا", "الأمر", "الطويل"]
    code = "`kraken -i f012r.png f012r.txt segment -bl ocr -m njf_naskh_v3.mlmodel`"
    paragraphs = [" ".join(lead[:n]) + f" {code}، ثم تُراجع النتائج." for n in range(1, len(lead) + 1)]
    assert unread(build_article(tmp_path, "kraken", paragraphs, page="A6"), paragraphs) == []


def test_the_longest_beginning_at_either_edge_is_an_address_begun() -> None:
    """A left-to-right line begins with "to" and ends with "forty-" (b185h, an English museum guide): "to" begins
    another compound of the text, "tomato-red", and was taken for its start, so "forty-five" over two lines was found
    nowhere and read "fortyfive" by PDFium, "forty- five" by poppler. The longer beginning, at the line's end, is it."""
    lines = [line("to sixteenth-century Anatolia, and a route of about forty-"), line("five minutes. Objects are")]
    [(address, pieces)] = find_broken_addresses(lines, {"forty-five", "tomato-red", "sixteenth-century"})
    assert address == "forty-five" and [(piece.line, len(piece.glyphs)) for piece in pieces] == [(0, 6), (1, 4)]


def test_a_path_in_english_prose_breaks_where_it_may_and_reads_whole(tmp_path: Path) -> None:
    """A Windows and a Unix path in an English paragraph (the hundred-and-forty-eighth batch, a keyboard's review): not
    marked as an address, the Windows path broke after "C:" and was read "C \\Users…" by both, and the line above it
    was justified with blanks of two em; both are set and read as addresses now (typeset/bidi.web_addresses)."""
    paragraph = (
        "The companion app stores its settings in `~/.config/qalam/keymap.toml` on macOS and Linux, and in "
        "C:\\Users\\Public\\Documents\\Qalam\\keymap.toml on Windows. On Linux you do not strictly need it; the stock "
        "layout in /usr/share/X11/xkb/symbols/ara works with `setxkbmap -layout us,ara -option grp:alt_shift_toggle`."
    )
    pdf = build_article(tmp_path, "paths", [paragraph], page="letter", language="en")
    assert unread(pdf, [paragraph]) == []
    drawn = " ".join(visual_lines(build_drawn(tmp_path, tmp_path / "unmarked") / "paths.pdf"))
    assert "C:\\Users\\" in drawn, drawn  # (not broken after the drive's colon)


def test_a_file_name_broken_in_brackets_before_an_arabic_comma_is_found() -> None:
    """Code in brackets before an Arabic comma (the hundred-and-fifty-sixth batch, a ministry's circular: "بصيغة PDF
    (`jadwal_sadis_2026.pdf`)، والأنموذج", broken after "sadis_"): the rest begins the next line glued to its closing
    bracket and the comma after it (a common separator to the bidi algorithm, no right-to-left letter), and was not
    found, "jadwal_sadis_ 2026.pdf" read by both. Glyphs of brackets read as drawn, mirrored."""
    name = "jadwal_sadis_2026.pdf"
    lines = [line("PDF )jadwal_sadis_", " ةغيصب لودج"), line("جذومنألاو ", "،2026.pdf("), line("حابص")]
    found = find_broken_addresses(lines, [name])
    assert [(address, [piece.line for piece in pieces]) for address, pieces in found] == [(name, [0, 1])]
    for closing in ("؛2026.pdf[", "2026.pdf("):  # (a semicolon; no comma)
        lines[1] = line("جذومنألاو ", closing)
        assert [address for address, _ in find_broken_addresses(lines, [name])] == [name], closing


def test_a_compound_broken_in_a_quoted_english_sentence_is_found() -> None:
    """An English quotation in Arabic prose (the hundred-and-fifty-fifth batch, a bank's note: "«We remain … but
    near-term upside looks capped … materialise.»"), broken after "near-": the quote that opens the run is drawn glued
    on the first piece's right, and the stop and the quote that close it glued on the rest's left; neither piece was
    found, "near- term" read by both."""
    lines = [
        line("We remain overweight, but near-«", " :ةيبوروألا"),
        line("يهو ", ".»term upside looks capped until cuts materialise"),
        line("حابص"),
    ]
    found = find_broken_addresses(lines, ["near-term"])
    assert [(address, [piece.line for piece in pieces]) for address, pieces in found] == [("near-term", [0, 1])]
    lines[0][0] = line('but near-"')[0]  # (a straight quote; a bracket, read mirrored)
    lines[1][1] = line("(term upside")[0]
    assert [address for address, _ in find_broken_addresses(lines, ["near-term"])] == ["near-term"]


def test_an_email_in_a_left_to_right_paragraph_breaks_where_it_may_and_reads_whole(tmp_path: Path) -> None:
    """A French tourist office's "contact@tlemcen-tourisme.example.dz" (the hundred-and-fifty-fourth batch): in a
    left-to-right block an e-mail address was no address, broke after its hyphen as Unicode's line breaking lets it,
    and was read "contact@tlemcen- tourisme…" by poppler, "contact@tlemcentourisme…" by PDFium (typeset/inline.py)."""
    leads = ["Office du tourisme :", "Office du tourisme de la ville :", "Écrivez au bureau :", "Contact :"]
    address = "contact@tlemcen-tourisme.example.dz"
    paragraphs = [f"{lead} +213 43 26 00 00, {address}, ou {'x' * n} sur place." for n in range(6) for lead in leads]
    for language, page in (("fr", "A5"), ("en", "A6")):
        pdf = build_article(tmp_path / language, "email", paragraphs, page=page, language=language)
        assert unread(pdf, paragraphs) == [], (language, page)


def test_an_address_set_aside_is_not_taken_by_a_line_that_only_begins_another() -> None:
    """ "https://" ending a page's last line (an rsync guide of the hundred-and-sixty-fifth batch), its rest on the
    next page after a note and the running head "rsync وcron": the head's "cron" went on as "https://cron…", the start
    of another address of the text, "https://crontab.guru", and the address set aside was dropped; both read
    "https:// rsync.samba.org/…". A line resumes one only where it ends it or takes the whole line."""
    url, other = "https://rsync.samba.org/documentation.html", "https://crontab.guru"
    lines = [line("https://", " عجار"), line(".ةظحالم"), line("cron", "و rsync خسن"), line("5")]
    lines.append(line(" لاؤس يألو ،", "rsync.samba.org/documentation.html"))
    [(address, pieces)] = find_broken_addresses(lines, {url, other})
    assert address == url and [piece.line for piece in pieces] == [0, 4]


def test_a_short_beginning_of_an_address_is_looked_for_lines_later() -> None:
    """ "chmod +x .git/" | "hooks/pre-commit" in a table's cell, beside a cell of two lines (a git guide of the
    hundred-and-sixty-fourth batch): ".git/", five characters, was not looked for after the other cell's second line,
    and PDFium read ".git/ hooks/pre-commit". No address breaks with fewer than four characters before its break."""
    url = ".git/hooks/pre-commit"
    lines = [line("chmod +x ", ".git/", "ذيفنتلل لباق ريغ فلملا"), line("لمعي"), line("hooks/pre-commit")]
    [(address, pieces)] = find_broken_addresses(lines, {url})
    assert address == url and [piece.line for piece in pieces] == [0, 2]


def test_a_code_lines_right_end_does_not_go_on_with_an_address() -> None:
    """A directory tree in a code block (the same guide): "|-- tools/" ends a line, "|   `-- check_text.py" is the
    next, and "tools/check_text.py" is an address of the text; the tree's two lines were read as that address. A line
    without right-to-left letters is read from its left: an address goes on at its right end only if it fills it."""
    lines = [line("|-- tools/"), line("|   `-- check_text.py"), line("|-- build/")]
    assert find_broken_addresses(lines, {"tools/check_text.py"}) == []
    assert len(find_broken_addresses([line("|-- tools/"), line("check_text.py")], {"tools/check_text.py"})) == 1
