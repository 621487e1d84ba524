"""SVG images must be self-contained drawings: no script, no entity, no reference outside themselves."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from conftest import FIXTURES

from publisher.source.images import image_problem

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
PNG = base64.b64encode((FIXTURES / "book" / "img" / "diagram.png").read_bytes()).decode()

HOSTILE = {
    "script": HEAD + "<script>alert(document.domain)</script></svg>",
    "script in a group": HEAD + "<g><g><script href='x.js'/></g></g></svg>",
    "onload": HEAD.replace("<svg ", '<svg onload="alert(1)" ') + "</svg>",
    "onclick on a shape": HEAD + '<rect width="5" height="5" onClick="alert(1)"/></svg>',
    "external image": HEAD + '<image xlink:href="http://127.0.0.1:9/x.png" width="5" height="5"/></svg>',
    "external image, SVG 2 href": HEAD + '<image href="https://example.org/x.png" width="5" height="5"/></svg>',
    "local file image": HEAD + '<image href="file:///etc/hostname" width="5" height="5"/></svg>',
    "sibling file image": HEAD + '<image href="photo.png" width="5" height="5"/></svg>',
    "javascript link": HEAD + '<a href="javascript:alert(1)"><rect width="5" height="5"/></a></svg>',
    "use of another file": HEAD + '<use href="other.svg#shape"/></svg>',
    "foreignObject": HEAD + '<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject></svg>',
    "HTML element": HEAD + '<iframe xmlns="http://www.w3.org/1999/xhtml" src="https://example.org"/></svg>',
    "animated href": HEAD + '<a href="#a"><set attributeName="href" to="javascript:alert(1)"/></a></svg>',
    "animated event": HEAD + '<rect><animate attributeName="onclick" values="alert(1)"/></rect></svg>',
    "style url": HEAD + "<style>rect { fill: url(https://example.org/p.svg#x) }</style></svg>",
    "style import": HEAD + "<style>@import 'https://example.org/x.css';</style></svg>",
    "style attribute url": HEAD + "<rect style=\"fill: url('http://127.0.0.1:9/')\"/></svg>",
    "xml-stylesheet": '<?xml-stylesheet href="https://example.org/x.css"?>' + HEAD + "</svg>",
    "xxe": '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/hostname">]>' + HEAD + "&x;</svg>",
    "billion laughs": (
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        + HEAD
        + "<text>&d;&d;&d;&d;</text></svg>"
    ),
    "external DTD": '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
    + HEAD
    + "</svg>",
    "not well-formed": HEAD + "<rect></svg>",
    "an HTML root": '<html xmlns="http://www.w3.org/1999/xhtml"><svg/><script>alert(1)</script></html>',
    "svg without namespace": '<svg width="10" height="10"><script>alert(1)</script></svg>',
}

HARMLESS = {
    "plain": HEAD + '<rect width="5" height="5" fill="#c00"/></svg>',
    "gradient by fragment": HEAD
    + '<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>'
    + '<style>rect { fill: url(#g); }</style><rect width="5" height="5" style="stroke: url( #g )"/></svg>',
    "use of its own shape": HEAD + '<defs><circle id="c" r="2"/></defs><use xlink:href="#c"/></svg>',
    "embedded PNG": HEAD + f'<image xlink:href="data:image/png;base64,{PNG}" width="5" height="5"/></svg>',
    "editor metadata": (
        '<?xml version="1.0" encoding="UTF-8"?><!-- Created with Inkscape -->'
        + HEAD.replace("<svg ", '<svg xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" ')
        + '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>'
        + '<g inkscape:label="Layer 1" inkscape:groupmode="layer"><text x="1" y="8">نص</text></g></svg>'
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_svg_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / "drawing.svg"
    path.write_text(HOSTILE[name], encoding="utf-8")
    problem = image_problem(path)
    assert problem is not None and "\n" not in problem


@pytest.mark.parametrize("name", sorted(HARMLESS))
def test_a_drawing_is_accepted(tmp_path: Path, name: str) -> None:
    path = tmp_path / "drawing.svg"
    path.write_text(HARMLESS[name], encoding="utf-8")
    assert image_problem(path) is None


def test_the_problem_names_what_is_wrong(tmp_path: Path) -> None:
    path = tmp_path / "drawing.svg"
    path.write_text(HOSTILE["external image"], encoding="utf-8")
    assert image_problem(path) == (
        'refers to "http://127.0.0.1:9/x.png" from <image>; embed what it shows (data:image/png) or draw it'
    )
    path.write_text(HOSTILE["billion laughs"], encoding="utf-8")
    assert image_problem(path) == "has a DOCTYPE declaration (entities, an external DTD); remove it: an SVG needs none"
