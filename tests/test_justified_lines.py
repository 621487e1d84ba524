"""Every text box is drawn as wide as it was laid out, so that no justified line runs past its margin or
into the run beside it.

WeasyPrint stretches a justified line through Pango letter spacing on its spaces, and Pango then shapes
each space apart from its neighbours: the font's kerns against the space no longer apply. Amiri pulls an
initial kāf 0.24 em into the space after "ة" ("الاجتماعية كما"); measured without the spacing and drawn
with it, the seed's lines holding that pair were drawn 2.8 pt past the right margin, and in
beirut-interview the Arabic run ran into "Stack Overflow" beside it. Lines drawn wider or narrower than
laid out are now justified again before they are drawn (publisher/pdf/justified.py).

Laid out here as a render lays them out (kashida justification included where the manifest asks for it),
on texts in Arabic, Persian, Pashto, Urdu and English with Arabic quoted, at their own page sizes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, SEED

from publisher.builder.publications import check, publication_moment
from publisher.pdf.kashida import number_paragraphs
from publisher.pdf.render import _kashida, _layout, _weasyprint_for, justify_lines, render_html
from publisher.source.fonts import load_fonts
from publisher.source.sandbox import Sandbox
from publisher.typeset.job import Job
from publisher.typeset.templates import Templates
from publisher.workspace import Workspace, packaged_dir

TEXTS = {
    SEED: REPO / "source" / SEED,
    "persian": FIXTURES / "persian",
    "pashto-news": FIXTURES / "pashto-news",
    "urdu-econ": FIXTURES / "urdu-econ",
    "travel": FIXTURES / "travel",
    "beirut-interview": FIXTURES / "beirut-interview",
    "kashida": FIXTURES / "kashida",
}


def drawn_wider(folder: Path) -> list[str]:
    """The text boxes of the publication in `folder` that Pango draws wider or narrower than their box, with
    the page and both widths; a box whose trailing space WeasyPrint cut from its text but not from its
    drawing is measured on its text (WeasyPrint moves it by the space's width)."""
    space = Workspace(folder.parent.parent)
    fonts = load_fonts(space.search_path("fonts"))
    templates = Templates(space.search_path("templates"))
    [publication] = check(space, [folder.name], lambda: fonts, lambda: templates)
    sandbox = Sandbox.of(space.root, (packaged_dir("templates"), packaged_dir("fonts"), packaged_dir("colour")))
    manifest = publication.manifest
    job = Job(manifest, publication.document, fonts, templates, publication_moment(manifest), sandbox)
    html = render_html(job)
    faults = []
    with _weasyprint_for(job) as weasyprint:
        from weasyprint.formatting_structure import boxes
        from weasyprint.text.line_break import create_layout, line_size

        html = number_paragraphs(html) if _kashida(manifest) else html
        document, _ = _layout(weasyprint, html, job)
        justify_lines(document, html, job)  # as html_to_pdf does before drawing
        for number, page in enumerate(document.pages, 1):
            for box in page._page_box.descendants():
                if not isinstance(box, boxes.TextBox) or not box.text.strip():
                    continue
                layout = create_layout(box.text, box.style, None, None, box.justification_spacing)
                layout.reactivate(box.style)  # as draw_text shapes it: justified
                width, _ = line_size(layout.get_first_line()[0], box.style)
                layout.deactivate()
                if abs(width - box.width) > 0.05:  # Pango rounds each spacing to 1/1024 px
                    faults.append(f"page {number}: {box.text!r} laid out {box.width:.2f} px, drawn {width:.2f} px")
    return faults


@pytest.mark.parametrize("slug", TEXTS)
def test_every_text_box_is_drawn_as_wide_as_it_was_laid_out(tmp_path: Path, slug: str) -> None:
    import shutil

    folder = tmp_path / "source" / slug
    shutil.copytree(TEXTS[slug], folder)
    assert drawn_wider(folder) == []
